package app.smallwins.common.error;

/** The stable problem types clients may switch on. */
public enum ProblemType {
    VALIDATION(400, "Invalid request"),
    MALFORMED(400, "Malformed request body"),
    UNAUTHORIZED(401, "Authentication required"),
    FORBIDDEN(403, "Not permitted"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    CONFLICT(409, "Conflict"),
    PRECONDITION_FAILED(412, "Precondition failed"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    UNPROCESSABLE(422, "Unprocessable request"),
    PRECONDITION_REQUIRED(428, "Precondition required"),
    HTTP_ERROR(0, "HTTP error"),
    INTERNAL(500, "Internal error");

    public final int status;
    public final String title;

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public String uri() {
        return "urn:smallwins:problem:" + name().toLowerCase().replace('_', '-');
    }
}
