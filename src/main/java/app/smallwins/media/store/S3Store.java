package app.smallwins.media.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Consumer;

import app.smallwins.common.SmallWinsConfig;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Objects in one bucket of AWS S3 or an S3-compatible store (MinIO, Ceph, Garage...), through
 * the AWS SDK over the JDK's HTTP client: uploads stream from their file, downloads stream from
 * the response. Failures of the store come as IOExceptions, like the disk's.
 */
public final class S3Store implements MediaStore, AutoCloseable {

    private final S3Client client;
    private final String bucket;

    /** The store in this bucket; {@link #close()} closes the client. */
    public S3Store(S3Client client, String bucket) {
        this.client = client;
        this.bucket = bucket;
    }

    /** The store the settings name, with a client of its own; refused without a bucket. */
    public static S3Store connect(SmallWinsConfig.Media.S3 settings) {
        String bucket = settings.bucket().filter(name -> !name.isBlank()).orElseThrow(() -> new IllegalStateException(
                "smallwins.media.store=S3 needs a bucket: set smallwins.media.s3.bucket (SMALLWINS_MEDIA_S3_BUCKET)"));
        return new S3Store(client(settings), bucket);
    }

    /**
     * A client for the settings: their endpoint (none: AWS in the region), path-style addresses
     * when asked, static credentials when both parts are given, else the SDK's default chain.
     * With an endpoint, checksums are sent and checked only where the S3 API requires them.
     */
    public static S3Client client(SmallWinsConfig.Media.S3 settings) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(settings.region()))
                .forcePathStyle(settings.pathStyle());
        settings.endpoint().filter(endpoint -> !endpoint.isBlank()).map(URI::create).ifPresent(endpoint -> builder
                .endpointOverride(endpoint)
                // The SDK's default since 2.30, a CRC trailer on every upload in aws-chunked encoding, is refused by
                // many S3-compatible stores (S3Proxy: "x-amz-content-sha256 does not match"); AWS keeps the default.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED));
        boolean withKeyId = settings.accessKeyId().filter(id -> !id.isBlank()).isPresent();
        boolean withSecret = settings.secretAccessKey().filter(secret -> !secret.isBlank()).isPresent();
        if (withKeyId != withSecret) {
            throw new IllegalStateException("smallwins.media.s3.access-key-id and smallwins.media.s3.secret-access-key "
                    + "go together: set both, or neither for the AWS SDK's default credentials");
        }
        if (withKeyId) {
            builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    settings.accessKeyId().orElseThrow(), settings.secretAccessKey().orElseThrow())));
        }
        return builder.build();
    }

    @Override
    public void put(String key, Path file, String contentType) throws IOException {
        Keys.check(key);
        try {
            client.putObject(request -> request.bucket(bucket).key(key).contentType(contentType), RequestBody.fromFile(file));
        } catch (SdkException e) {
            throw failure("PUT", key, e);
        }
    }

    @Override
    public InputStream open(String key, long first, long length) throws IOException {
        Keys.check(key);
        if (first < 0) {
            throw new IllegalArgumentException("a range starts at 0 or later, not " + first);
        }
        if (length == 0) {
            // No range asks for nothing; the object must still be there.
            exists(key);
            return InputStream.nullInputStream();
        }
        GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(bucket).key(key);
        if (first > 0 || length > 0) {
            boolean toTheEnd = length < 0 || length > Long.MAX_VALUE - first;
            request.range("bytes=" + first + "-" + (toTheEnd ? "" : Long.toString(first + length - 1)));
        }
        try {
            return client.getObject(request.build());
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(key);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new NoSuchFileException(key);
            }
            if (e.statusCode() == 416) {
                // The range starts at or past the end: no bytes, as a file read there gives.
                return InputStream.nullInputStream();
            }
            throw failure("GET", key, e);
        } catch (SdkException e) {
            throw failure("GET", key, e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        Keys.check(key);
        try {
            client.deleteObject(request -> request.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw failure("DELETE", key, e);
        }
    }

    @Override
    public void list(String prefix, Consumer<StoredObject> each) throws IOException {
        Keys.checkPrefix(prefix);
        ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(bucket);
        if (!prefix.isEmpty()) {
            request.prefix(prefix);
        }
        try {
            for (S3Object object : client.listObjectsV2Paginator(request.build()).contents()) {
                // Not every object in a bucket is ours: folder markers ("c1/", shown by consoles and by some stores'
                // file backends) and other names no media key has are left out.
                if (Keys.isKey(object.key())) {
                    each.accept(new StoredObject(object.key(), object.size(), object.lastModified()));
                }
            }
        } catch (SdkException e) {
            throw failure("LIST", prefix, e);
        }
    }

    @Override
    public void close() {
        client.close();
    }

    private void exists(String key) throws IOException {
        try {
            client.headObject(request -> request.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(key);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new NoSuchFileException(key);
            }
            throw failure("HEAD", key, e);
        } catch (SdkException e) {
            throw failure("HEAD", key, e);
        }
    }

    private IOException failure(String operation, String key, SdkException e) {
        return new IOException("S3 " + operation + " of \"" + key + "\" in bucket " + bucket + " failed: " + e.getMessage(), e);
    }
}
