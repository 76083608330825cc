package app.smallwins;

import static app.smallwins.support.Api.anonymous;
import static app.smallwins.support.Api.as;
import static app.smallwins.support.Problems.problem;
import static app.smallwins.support.Records.json;
import static app.smallwins.support.Records.mediaPath;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.imageio.ImageIO;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import app.smallwins.media.MediaCleanup;
import app.smallwins.media.store.MediaStore;
import app.smallwins.support.Api;
import app.smallwins.support.CareTeam;
import app.smallwins.support.Contract;
import app.smallwins.support.Records;
import app.smallwins.support.TestMedia;
import app.smallwins.support.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * Photos and videos of wins: taken in only with the family's consent, only as what they say
 * they are, kept without location metadata, read with ranges, hidden when consent is
 * withdrawn and erased after the retention period. Runs against the store the profile
 * configures (the local disk here; {@code MediaOnS3Test} runs it all again on S3Proxy).
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class MediaApiTest {

    @Inject
    protected MediaStore store;

    @Inject
    MediaCleanup cleanup;

    @TestHTTPResource("/")
    URI root;

    private static CareTeam consentingTeam() {
        CareTeam team = new CareTeam();
        consent(team, "TEAM");
        return team;
    }

    private static void consent(CareTeam team, String consent) {
        as(team.parent).body(Map.of("consent", consent)).put(team.childPath() + "/media-consent").then()
                .statusCode(200);
    }

    /** Bytes as a browser or player reads them: no JSON filters (the bytes are not JSON), checked by the contract. */
    private static Response bytes(Tokens.TestUser reader, String path, Map<String, String> headers) {
        return RestAssured.given().filter(Contract.CONFORMS).header("Authorization", "Bearer " + reader.token())
                .headers(headers).accept("*/*").get(path);
    }

    private List<String> storedKeys(String childId) throws IOException {
        List<String> keys = new ArrayList<>();
        store.list(childId + "/", object -> keys.add(object.key()));
        return keys;
    }

    @Test
    void aParentConsentsATeacherPostsAWinWithAPhotoAndTheParentSeesItWithoutItsLocation() throws Exception {
        CareTeam team = new CareTeam();
        consent(team, "TEAM");
        // A phone photo: taken sideways (EXIF orientation 6), with the family's GPS position in it.
        byte[] phonePhoto = TestMedia.withGpsAndOrientation(TestMedia.jpeg(400, 300), 48.858370, 2.294481, 6);
        assertTrue(TestMedia.hasExif(phonePhoto), "the test photo carries EXIF to begin with");

        Map<String, Object> uploaded = as(team.teacher).contentType("image/jpeg").body(phonePhoto)
                .post(mediaPath(team.childId)).then().statusCode(201)
                .body("kind", equalTo("IMAGE"))
                .body("contentType", equalTo("image/jpeg"))
                .body("width", equalTo(300)) // turned upright
                .body("height", equalTo(400))
                .body("durationSeconds", nullValue())
                .body("state", equalTo("READY"))
                .body("erasesAt", nullValue())
                .extract().as(Map.class);
        String mediaId = (String) uploaded.get("id");
        as(team.teacher).body(json("kind", "WIN", "text", "Buttoned his shirt on his own", "setting", "CLASSROOM",
                "mediaIds", List.of(mediaId))).post(Records.observationsPath(team.childId)).then().statusCode(201)
                .body("attachments.id", equalTo(List.of(mediaId)));

        // The parent, at night, sees it in the timeline with its thumbnail...
        Map<String, Object> attachment = as(team.parent).get(team.childPath() + "/timeline").then().statusCode(200)
                .body("items[0].observation.attachments", org.hamcrest.Matchers.hasSize(1))
                .extract().path("items[0].observation.attachments[0]");
        assertEquals(uploaded, attachment);
        String thumbnailPath = (String) attachment.get("thumbnailPath");
        Response small = bytes(team.parent, thumbnailPath, Map.of());
        small.then().statusCode(200).contentType("image/jpeg").header("Cache-Control", "private, no-store");
        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(small.asByteArray()));
        assertThat(thumbnail.getWidth(), lessThanOrEqualTo(320));
        assertThat(thumbnail.getHeight(), equalTo(320));
        BufferedImage medium = ImageIO.read(new ByteArrayInputStream(
                bytes(team.parent, thumbnailPath + "?size=medium", Map.of()).then().statusCode(200).extract()
                        .asByteArray()));
        assertEquals(400, medium.getHeight(), "a medium thumbnail is never larger than the photo");

        // ...and opens the original: upright, and with no metadata at all.
        byte[] original = bytes(team.parent, (String) attachment.get("path"), Map.of()).then().statusCode(200)
                .contentType("image/jpeg").extract().asByteArray();
        BufferedImage photo = ImageIO.read(new ByteArrayInputStream(original));
        assertEquals(300, photo.getWidth());
        assertEquals(400, photo.getHeight());
        assertFalse(TestMedia.hasExif(original), "the stored photo has no EXIF");
        assertFalse(TestMedia.hasMetadataSegments(original), "no APP1 (EXIF, XMP) or APP13 (IPTC) segment");
        for (String key : storedKeys(team.childId)) {
            try (InputStream in = store.open(key, 0, -1)) {
                assertFalse(TestMedia.hasMetadataSegments(in.readAllBytes()), key + " carries metadata");
            }
        }

        as(team.parent).get(team.childPath() + "/access-log").then().statusCode(200)
                .body("items.action", hasItems("media.upload", "media.read", "media.thumbnail.read"));
    }

    @Test
    void withoutTheFamilysConsentNothingIsTakenIn() throws IOException {
        CareTeam team = new CareTeam();
        as(team.teacher).contentType("image/png").body(TestMedia.png(40, 30)).post(mediaPath(team.childId)).then()
                .spec(problem(409, "media-consent-required"));
        String observations = Records.observationsPath(team.childId);
        as(team.teacher).body(json("kind", "WIN", "text", "x", "setting", "HOME", "mediaIds",
                List.of(UUID.randomUUID().toString()))).post(observations).then().statusCode(409);
        assertThat(storedKeys(team.childId), empty());
        assertThat(Records.ids(team.teacher, observations), empty());
    }

    @Test
    void aFileMustBeWhatItsContentTypeSays() throws IOException {
        CareTeam team = consentingTeam();
        String path = mediaPath(team.childId);
        as(team.teacher).contentType("image/jpeg").body(TestMedia.pdf()).post(path).then()
                .spec(problem(415, "unsupported-media-type")).body("detail", containsString("PDF"));
        as(team.teacher).contentType("image/jpeg").body(TestMedia.png(20, 20)).post(path).then()
                .spec(problem(415, "unsupported-media-type")).body("detail", containsString("PNG"));
        as(team.teacher).contentType("video/mp4").body(TestMedia.jpeg(20, 20)).post(path).then()
                .spec(problem(415, "unsupported-media-type"));
        as(team.teacher).contentType("image/gif").body(TestMedia.png(20, 20)).post(path).then()
                .spec(problem(415, "unsupported-media-type"));
        as(team.teacher).contentType("image/png").body(new byte[0]).post(path).then().statusCode(422);
        as(team.teacher).contentType("image/png").body(TestMedia.pngClaiming(100_000, 100_000)).post(path).then()
                .statusCode(org.hamcrest.Matchers.oneOf(413, 422));
        assertThat(storedKeys(team.childId), empty());
        // Another child's photo is no photo of this one.
        as(team.otherParent).body(Map.of("consent", "TEAM")).put(Api.childPath(team.otherChildId) + "/media-consent")
                .then().statusCode(200);
        String elsewhere = Records.upload(team.admin, team.otherChildId, "image/png", TestMedia.png(10, 10));
        as(team.teacher).body(json("kind", "WIN", "text", "x", "setting", "HOME", "mediaIds", List.of(elsewhere)))
                .post(Records.observationsPath(team.childId)).then().spec(problem(422, "unprocessable"));
        as(team.teacher).get(path + "/" + elsewhere).then().statusCode(404);
    }

    @Test
    void rangesLetAPlayerSeekAndValidatorsSaveABody() {
        CareTeam team = consentingTeam();
        String id = Records.upload(team.teacher, team.childId, "image/png", TestMedia.png(64, 48));
        String path = mediaPath(team.childId) + "/" + id;
        Response whole = bytes(team.para, path, Map.of());
        whole.then().statusCode(200).header("Accept-Ranges", "bytes").header("Cache-Control", "private, no-store");
        byte[] all = whole.asByteArray();
        String etag = whole.header("ETag");
        assertEquals(String.valueOf(all.length), whole.header("Content-Length"));
        assertTrue(etag.matches("\"[0-9a-f]{64}\""), etag);

        Response first = bytes(team.para, path, Map.of("Range", "bytes=0-9"));
        first.then().statusCode(206).header("Content-Range", "bytes 0-9/" + all.length);
        assertArrayEquals(Arrays.copyOfRange(all, 0, 10), first.asByteArray());
        Response rest = bytes(team.para, path, Map.of("Range", "bytes=10-"));
        rest.then().statusCode(206).header("Content-Range", "bytes 10-" + (all.length - 1) + "/" + all.length);
        assertArrayEquals(Arrays.copyOfRange(all, 10, all.length), rest.asByteArray());
        Response last = bytes(team.para, path, Map.of("Range", "bytes=-5"));
        assertArrayEquals(Arrays.copyOfRange(all, all.length - 5, all.length), last.asByteArray());
        Response beyondEnd = bytes(team.para, path, Map.of("Range", "bytes=5-999999"));
        assertArrayEquals(Arrays.copyOfRange(all, 5, all.length), beyondEnd.asByteArray());

        bytes(team.para, path, Map.of("Range", "bytes=" + all.length + "-")).then()
                .spec(problem(416, "range-not-satisfiable")).header("Content-Range", "bytes */" + all.length);
        // Several ranges, or a range of something else: the whole.
        assertArrayEquals(all, bytes(team.para, path, Map.of("Range", "bytes=0-1,5-6")).then().statusCode(200)
                .extract().asByteArray());
        bytes(team.para, path, Map.of("If-None-Match", etag)).then().statusCode(304);
        bytes(team.para, path, Map.of("Range", "bytes=0-9", "If-Range", "\"stale\"")).then().statusCode(200);
        bytes(team.para, path, Map.of("Range", "bytes=0-9", "If-Range", etag)).then().statusCode(206);
    }

    @Test
    void withdrawnConsentHidesMediaAtOnceAndTheRetentionErasesThem() throws IOException {
        CareTeam team = consentingTeam();
        String id = Records.upload(team.teacher, team.childId, "image/jpeg", TestMedia.jpeg(80, 60));
        String observationId = Records.record(team.teacher, team.childId,
                json("kind", "WIN", "text", "Finished the puzzle", "setting", "CLASSROOM", "mediaIds", List.of(id)));
        String item = mediaPath(team.childId) + "/" + id;
        String observation = Records.observationsPath(team.childId) + "/" + observationId;

        consent(team, "NONE");
        for (Tokens.TestUser staff : List.of(team.teacher, team.para, team.therapist)) {
            bytes(staff, item, Map.of()).then().statusCode(404);
            bytes(staff, item + "/thumbnail", Map.of()).then().statusCode(404);
            as(staff).get(item).then().statusCode(404);
            as(staff).get(observation).then().statusCode(200).body("attachments", empty());
        }
        Instant withdrawnAt = Instant.now();
        for (Tokens.TestUser family : List.of(team.parent, team.admin)) {
            as(family).get(item).then().statusCode(200).body("state", equalTo("WITHDRAWN"));
            as(family).get(observation).then().statusCode(200).body("attachments[0].state", equalTo("WITHDRAWN"));
            bytes(family, item, Map.of()).then().statusCode(200);
        }
        Instant erasesAt = Instant.parse(as(team.parent).get(item).then().extract().path("erasesAt"));
        assertThat(Duration.between(withdrawnAt, erasesAt).toDays(), equalTo(29L)); // 30 days less the seconds since
        // Not before the retention ends; and consent that returns keeps them.
        cleanup.eraseWithdrawn(withdrawnAt.plus(Duration.ofDays(29)));
        bytes(team.parent, item, Map.of()).then().statusCode(200);
        consent(team, "TEAM");
        cleanup.eraseWithdrawn(Instant.now().plus(Duration.ofDays(31)));
        as(team.teacher).get(observation).then().body("attachments[0].state", equalTo("READY"));
        bytes(team.teacher, item, Map.of()).then().statusCode(200);

        consent(team, "NONE");
        assertThat(cleanup.eraseWithdrawn(Instant.now().plus(Duration.ofDays(31))), greaterThan(0));
        bytes(team.parent, item, Map.of()).then().statusCode(404);
        as(team.admin).get(observation).then().body("attachments", empty());
        assertThat(storedKeys(team.childId), empty());
    }

    @Test
    void onlyTheTeamReachesTheMediaAndEveryReadIsLogged() {
        CareTeam team = consentingTeam();
        String id = Records.upload(team.parent, team.childId, "image/png", TestMedia.png(30, 30));
        String item = mediaPath(team.childId) + "/" + id;
        anonymous().contentType("image/png").body(TestMedia.png(8, 8)).post(mediaPath(team.childId)).then()
                .statusCode(401);
        anonymous().accept("*/*").get(item).then().statusCode(401);
        anonymous().accept("*/*").get(item + "/thumbnail").then().statusCode(401);
        for (Tokens.TestUser stranger : team.strangers()) {
            as(stranger).contentType("image/png").body(TestMedia.png(8, 8)).post(mediaPath(team.childId)).then()
                    .statusCode(404);
            bytes(stranger, item, Map.of()).then().statusCode(404);
            bytes(stranger, item + "/thumbnail", Map.of()).then().statusCode(404);
        }
        for (Tokens.TestUser member : team.everyone()) {
            bytes(member, item, Map.of()).then().statusCode(200);
            bytes(member, item + "/thumbnail?size=small", Map.of()).then().statusCode(200);
        }
        bytes(team.para, item + "/thumbnail?size=huge", Map.of()).then().statusCode(400);
        bytes(team.para, mediaPath(team.childId) + "/" + UUID.randomUUID(), Map.of()).then().statusCode(404);
        as(team.parent).get(team.childPath() + "/access-log").then().statusCode(200)
                .body("items.action", hasItem("media.read"))
                .body("items.findAll { it.action == 'media.read' }.size()", greaterThan(4));
    }

    @Test
    void aRetryWithTheSameKeyStoresOnePhoto() throws IOException {
        CareTeam team = consentingTeam();
        byte[] photo = TestMedia.png(50, 40);
        String key = "upload-" + UUID.randomUUID();
        Response first = as(team.teacher).contentType("image/png").header("Idempotency-Key", key).body(photo)
                .post(mediaPath(team.childId));
        first.then().statusCode(201);
        as(team.teacher).contentType("image/png").header("Idempotency-Key", key).body(photo)
                .post(mediaPath(team.childId)).then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(first.path("id")));
        as(team.teacher).contentType("image/png").header("Idempotency-Key", key).body(TestMedia.png(51, 40))
                .post(mediaPath(team.childId)).then().spec(problem(422, "unprocessable"));
        assertEquals(3, storedKeys(team.childId).size(), "one original and its two thumbnails");
    }

    @Test
    void anUploadOverItsCapIsRefusedWithoutBeingKept() throws Exception {
        CareTeam team = consentingTeam();
        // Declared: refused before a byte of the body is read; a photo's cap is smaller than a video's.
        assertThat(declared(team, "video/mp4", 250L * 1024 * 1024), containsString("at most 200 MB"));
        assertThat(declared(team, "image/jpeg", 30L * 1024 * 1024), containsString("A photo may be at most 20 MB"));
        // Streamed without a length: read to disk up to the cap, then refused.
        long sent = 250L * 1024 * 1024;
        HttpRequest request = HttpRequest.newBuilder(root.resolve(mediaPath(team.childId)))
                .header("Authorization", "Bearer " + team.teacher.token()).header("Content-Type", "video/mp4")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new Zeros(sent))).build();
        int status;
        try {
            HttpResponse<String> refused = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
            status = refused.statusCode();
            Api.assertNoLeak("streamed upload", refused.body());
            assertThat(refused.body(), containsString("at most 200 MB"));
        } catch (IOException closedWhileSending) {
            status = 413; // the server answered and closed the connection before the client finished sending
        }
        assertEquals(413, status);
        assertThat(storedKeys(team.childId), empty());
    }

    @Test
    void heicFromAPhoneAndAVideoAreTakenIn() throws Exception {
        CareTeam team = consentingTeam();
        as(team.teacher).contentType("image/heic").body(TestMedia.heic(120, 90)).post(mediaPath(team.childId)).then()
                .statusCode(201).body("kind", equalTo("IMAGE")).body("contentType", equalTo("image/jpeg"))
                .body("width", equalTo(120)).body("height", equalTo(90));
        Map<String, Object> video = as(team.para).contentType("video/mp4").body(TestMedia.mp4WithLocation(2))
                .post(mediaPath(team.childId)).then().statusCode(201).body("kind", equalTo("VIDEO"))
                .body("contentType", equalTo("video/mp4")).body("width", equalTo(320)).body("height", equalTo(240))
                .extract().as(Map.class);
        assertThat(((Number) video.get("durationSeconds")).doubleValue(), org.hamcrest.Matchers.closeTo(2.0, 0.2));
        byte[] stored = bytes(team.parent, (String) video.get("path"), Map.of()).then().statusCode(200)
                .contentType("video/mp4").extract().asByteArray();
        assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains("+48.8584"), "no location in the video");
        bytes(team.parent, (String) video.get("thumbnailPath"), Map.of()).then().statusCode(200)
                .contentType("image/jpeg");
    }

    @Test
    void theExportCarriesThePhotosInAZip() throws IOException {
        CareTeam team = consentingTeam();
        String id = Records.upload(team.teacher, team.childId, "image/png", TestMedia.png(30, 20));
        as(team.parent).get(team.childPath() + "/export").then().statusCode(200).body("media.id", hasItem(id));
        byte[] zip = RestAssured.given().filter(Contract.CONFORMS)
                .header("Authorization", "Bearer " + team.parent.token()).accept("application/zip")
                .get(team.childPath() + "/export").then().statusCode(200).contentType("application/zip").extract()
                .asByteArray();
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        assertTrue(new String(entries.get("record.json"), StandardCharsets.UTF_8).contains(id));
        byte[] photo = entries.get("media/" + id + ".png");
        assertArrayEquals(bytes(team.parent, mediaPath(team.childId) + "/" + id, Map.of()).asByteArray(), photo);
    }

    @Test
    void storedObjectsWithoutARecordAreCleanedUpAndRecordedOnesKept() throws IOException {
        CareTeam team = consentingTeam();
        String kept = Records.upload(team.teacher, team.childId, "image/png", TestMedia.png(12, 12));
        String orphan = team.childId + "/" + UUID.randomUUID() + "/original";
        Path file = Files.createTempFile("orphan", ".bin");
        Files.write(file, new byte[] { 1, 2, 3 });
        store.put(orphan, file, "image/png");
        Files.delete(file);
        // Young objects may belong to an upload in progress: left alone.
        cleanup.removeOrphans(Instant.now());
        assertThat(storedKeys(team.childId), hasItem(orphan));
        cleanup.removeOrphans(Instant.now().plus(Duration.ofHours(2)));
        List<String> left = storedKeys(team.childId);
        assertThat(left, not(hasItem(orphan)));
        assertEquals(3, left.stream().filter(k -> k.contains(kept)).count());
    }

    /** Sends only the head of an upload of this length and reads the answer's status line and problem. */
    private String declared(CareTeam team, String contentType, long length) throws IOException {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + mediaPath(team.childId) + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + team.teacher.token() + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            StringBuilder answer = new StringBuilder();
            InputStream in = socket.getInputStream();
            byte[] chunk = new byte[4096];
            for (int n; !answer.toString().endsWith("}") && (n = in.read(chunk)) != -1;) {
                answer.append(new String(chunk, 0, n, StandardCharsets.UTF_8));
            }
            assertThat(answer.toString(), org.hamcrest.Matchers.startsWith("HTTP/1.1 413"));
            return answer.toString();
        }
    }

    /** A body of zeros of the given length, made as it is read. */
    private static final class Zeros extends InputStream {
        private long left;

        Zeros(long length) {
            this.left = length;
        }

        @Override
        public int read() {
            return left-- > 0 ? 0 : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            Arrays.fill(b, off, off + n, (byte) 0);
            left -= n;
            return n;
        }
    }
}
