package app.smallwins.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import app.smallwins.common.error.ApiException;
import app.smallwins.common.http.ByteRange;
import app.smallwins.common.http.Links;
import app.smallwins.common.http.Responses;
import app.smallwins.common.idempotency.Idempotency;

@Path("/children/{childId}/media")
@Tag(name = "Media")
@RolesAllowed({ "admin", "teacher", "para", "therapist", "parent" })
public class MediaResource {

    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";
    static final String WEBP = "image/webp";
    static final String HEIC = "image/heic";
    static final String HEIF = "image/heif";
    static final String MP4 = "video/mp4";
    static final String QUICKTIME = "video/quicktime";
    private static final String NO_STORE = "private, no-store";

    private final MediaService media;

    MediaResource(MediaService media) {
        this.media = media;
    }

    @POST
    @Consumes({ JPEG, PNG, WEBP, HEIC, HEIF, MP4, QUICKTIME })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "uploadMedia", summary = "Upload a photo or video of the child (any team member)",
            description = "The raw bytes as the body, with their Content-Type. The family must have given consent "
                    + "(media consent `TEAM`), else 409. The contents must be what the Content-Type says (JPEG, PNG, "
                    + "WebP, HEIC photos; MP4, QuickTime videos), else 415 saying what was found; photos up to 20 MiB "
                    + "and 50 megapixels, videos up to 200 MiB (by default), else 413. Photos are re-encoded with "
                    + "their orientation applied and every metadata block removed (EXIF, GPS, XMP, IPTC); videos "
                    + "keep their bytes but lose their container metadata (location, device). Attach the answer's "
                    + "`id` to an observation, journal entry or message with `mediaIds`.")
    @RequestBody(required = true, content = {
            @Content(mediaType = JPEG, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = PNG, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = WEBP, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = HEIC, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = HEIF, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = MP4, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = QUICKTIME, schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "201", description = "Stored",
            headers = @Header(name = "Location", schema = @Schema(implementation = URI.class)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MediaView.class)))
    public Response upload(@PathParam("childId") UUID childId,
            @Parameter(description = "Makes retries safe: a retry with the same key and the same bytes returns the "
                    + "first result.") @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Context HttpHeaders headers, InputStream body) {
        var outcome = media.upload(childId, new MediaService.Upload(headers.getHeaderString(HttpHeaders.CONTENT_TYPE),
                length(headers.getHeaderString(HttpHeaders.CONTENT_LENGTH)), idempotencyKey), body);
        return Responses.created(Links.to(MediaResource.class, "original", childId, outcome.value().id()),
                outcome.value(), outcome.replayed()).build();
    }

    @GET
    @Path("/{mediaId}")
    @Produces({ JPEG, PNG, MP4, QUICKTIME, MediaType.APPLICATION_JSON })
    @Operation(operationId = "getMedia", summary = "The photo or video itself (Range requests for seeking), or what it is",
            description = "By content negotiation (`Accept`): the bytes (an image or video type, `image/*`, "
                    + "`video/*` or `*/*`, as `<img>`, `<video>` and curl send), or, when `application/json` comes "
                    + "first, the item's description (as the upload answered). Readable by the child's team while "
                    + "the family's consent stands, and by parents and admins until the media are erased after it "
                    + "is withdrawn; every read is written to the access log. One byte range per request "
                    + "(`Range: bytes=first-last`), answered with 206; `ETag` is strong (the bytes' SHA-256), for "
                    + "`If-None-Match` and `If-Range`. Never cached by shared caches.")
    @APIResponse(responseCode = "200", description = "The whole item, or its description", headers = {
            @Header(name = "ETag", schema = @Schema(implementation = String.class)),
            @Header(name = "Accept-Ranges", schema = @Schema(implementation = String.class)) }, content = {
                    @Content(mediaType = JPEG, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = PNG, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = MP4, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = QUICKTIME, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MediaView.class)) })
    @APIResponse(responseCode = "206", description = "The requested byte range", headers = {
            @Header(name = "Content-Range", schema = @Schema(implementation = String.class)),
            @Header(name = "ETag", schema = @Schema(implementation = String.class)) }, content = {
                    @Content(mediaType = JPEG, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = PNG, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = MP4, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                    @Content(mediaType = QUICKTIME, schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    public Response original(@PathParam("childId") UUID childId, @PathParam("mediaId") UUID mediaId,
            @Parameter(description = "`bytes=first-last`, `bytes=first-` or `bytes=-suffix`.")
            @HeaderParam("Range") String range,
            @HeaderParam("If-Range") String ifRange,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Context HttpHeaders headers) {
        boolean description = headers.getAcceptableMediaTypes().stream().filter(t -> !t.isWildcardType()).findFirst()
                .map(t -> t.isCompatible(MediaType.APPLICATION_JSON_TYPE)).orElse(false);
        if (description) {
            return Response.ok(media.read(childId, mediaId, "media.metadata.read").view(), MediaType.APPLICATION_JSON_TYPE)
                    .header(HttpHeaders.VARY, "Accept").build();
        }
        MediaService.Readable item = media.read(childId, mediaId, "media.read");
        String etag = '"' + item.sha256() + '"';
        if (etag.equals(ifNoneMatch) || "*".equals(ifNoneMatch)) {
            return Response.notModified().header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, NO_STORE)
                    .build();
        }
        long size = item.view().size();
        ByteRange bytes = ifRange == null || ifRange.equals(etag) ? ByteRange.parse(range, size) : null;
        Response.ResponseBuilder response = bytes == null
                ? Response.ok(stream(item.view(), MediaKeys.ORIGINAL, 0, size)).header(HttpHeaders.CONTENT_LENGTH, size)
                : Response.status(206).entity(stream(item.view(), MediaKeys.ORIGINAL, bytes.first(), bytes.length()))
                        .header("Content-Range", bytes.contentRange()).header(HttpHeaders.CONTENT_LENGTH, bytes.length());
        return response.type(item.view().contentType()).header(HttpHeaders.ETAG, etag).header("Accept-Ranges", "bytes")
                .header(HttpHeaders.CACHE_CONTROL, NO_STORE).header(HttpHeaders.VARY, "Accept").build();
    }

    @GET
    @Path("/{mediaId}/thumbnail")
    @Produces(JPEG)
    @Operation(operationId = "getMediaThumbnail", summary = "A JPEG thumbnail of the photo or of the video's poster frame",
            description = "`small` fits 320×320 pixels (lists, the timeline), `medium` 1024×1024 (a phone screen). "
                    + "The same access rules and access log as the item itself.")
    @APIResponse(responseCode = "200", description = "The thumbnail",
            content = @Content(mediaType = JPEG, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response thumbnail(@PathParam("childId") UUID childId, @PathParam("mediaId") UUID mediaId,
            @Parameter(description = "`small` (the default) or `medium`.",
                    schema = @Schema(enumeration = { "small", "medium" }, defaultValue = "small"))
            @QueryParam("size") String size) {
        ThumbnailSize thumbnail = ThumbnailSize.of(size);
        MediaService.Readable item = media.read(childId, mediaId, "media.thumbnail.read");
        return Response.ok(stream(item.view(), thumbnail.key(), 0, -1), JPEG)
                .header(HttpHeaders.CACHE_CONTROL, NO_STORE).build();
    }

    /** Opened before the answer starts, so an item erased since the check is still a 404. */
    private StreamingOutput stream(MediaView item, String variant, long first, long length) {
        InputStream in;
        try {
            in = media.open(item, variant, first, length);
        } catch (NoSuchFileException gone) {
            throw MediaService.notFound();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return (OutputStream out) -> {
            try (in) {
                in.transferTo(out);
            }
        };
    }

    private static long length(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            throw ApiException.invalid(HttpHeaders.CONTENT_LENGTH, "must be a number of bytes");
        }
    }
}
