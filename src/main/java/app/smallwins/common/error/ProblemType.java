package app.smallwins.common.error;

/** The stable problem types clients may switch on, each with what it means (listed in the OpenAPI contract). */
public enum ProblemType {
    VALIDATION(400, "Invalid request",
            "A field, parameter or header is invalid; `errors` names each one. Nothing was changed."),
    MALFORMED(400, "Malformed request body",
            "The body is not one well-formed JSON value of the expected shape. Nothing was changed."),
    UNAUTHORIZED(401, "Authentication required",
            "No bearer token, or one that is invalid or expired: sign in again."),
    FORBIDDEN(403, "Not permitted",
            "The caller is on the child's team, but their capacity does not permit this operation."),
    ORIGIN_NOT_ALLOWED(403, "Origin not allowed",
            "A browser page from an origin the API does not allow (CORS) sent the request; it was not processed."),
    NOT_FOUND(404, "Not found",
            "No such resource, or the caller may not know it exists (not on the child's team)."),
    METHOD_NOT_ALLOWED(405, "Method not allowed", "The resource exists but does not support this HTTP method."),
    NOT_ACCEPTABLE(406, "Not acceptable", "The resource cannot answer in a media type the client accepts."),
    CONFLICT(409, "Conflict",
            "The request conflicts with the record's current state (e.g. archived, already on the team). "
                    + "Nothing was changed."),
    MEDIA_CONSENT_REQUIRED(409, "No consent to photos or videos",
            "The child's family has not given consent to photos or videos (media consent is NONE): nothing was "
                    + "stored. A parent can give it (PUT /children/{childId}/media-consent)."),
    PRECONDITION_FAILED(412, "Precondition failed",
            "If-Match names a version someone else has since changed: read the resource again. Nothing was changed."),
    PAYLOAD_TOO_LARGE(413, "Request body too large",
            "The body is larger than the server accepts (1 MiB by default; photos 20 MiB, videos 200 MiB). "
                    + "Nothing was changed."),
    URI_TOO_LONG(414, "Request target too long",
            "The path and query are longer than the server accepts (4,096 characters by default)."),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type",
            "Send the body as application/json; to the media endpoint, a photo (JPEG, PNG, WebP, HEIC) or video "
                    + "(MP4, QuickTime) whose contents are what its Content-Type says. `detail` says what was found."),
    RANGE_NOT_SATISFIABLE(416, "Range not satisfiable",
            "The Range asks for bytes beyond the end; `Content-Range` gives the size."),
    UNPROCESSABLE(422, "Unprocessable request",
            "Well-formed, but does not fit the record (e.g. another child's goal id), or an Idempotency-Key reused "
                    + "for a different request. Nothing was changed."),
    PRECONDITION_REQUIRED(428, "Precondition required", "Send the ETag last read in If-Match."),
    HEADERS_TOO_LARGE(431, "Request headers too large",
            "The request headers are larger than the server accepts (20 KiB in total by default)."),
    HTTP_ERROR(0, "HTTP error", "Any other HTTP error; `status` says which."),
    INTERNAL(500, "Internal error",
            "An unexpected failure on our side; quote the error id in `detail` to support."),
    SERVICE_UNAVAILABLE(503, "Service unavailable",
            "The database cannot be reached right now; nothing was acknowledged. Retry after `Retry-After` "
                    + "seconds, with the same Idempotency-Key for a POST.");

    public final int status;
    public final String title;
    /** What it means for a client, in a sentence. */
    public final String meaning;

    ProblemType(int status, String title, String meaning) {
        this.status = status;
        this.title = title;
        this.meaning = meaning;
    }

    public String uri() {
        return "urn:smallwins:problem:" + name().toLowerCase().replace('_', '-');
    }
}
