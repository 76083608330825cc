package app.smallwins.common.error;

import java.util.List;
import java.util.Map;

/**
 * A failure the client can act on. Services throw it; {@link ProblemMappers} turns it
 * into problem+json. The detail must never carry personal data or internals.
 */
public class ApiException extends RuntimeException {

    public final ProblemType type;
    public final List<Problem.FieldError> errors;
    /** Headers the answer carries beside the problem (e.g. a 416's Content-Range). */
    public final Map<String, String> headers;

    public ApiException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ApiException(ProblemType type, String detail, List<Problem.FieldError> errors) {
        this(type, detail, errors, Map.of());
    }

    private ApiException(ProblemType type, String detail, List<Problem.FieldError> errors, Map<String, String> headers) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = errors;
        this.headers = headers;
    }

    public ApiException withHeaders(Map<String, String> answerHeaders) {
        return new ApiException(type, getMessage(), errors, Map.copyOf(answerHeaders));
    }

    public static ApiException notFound(String what) {
        return new ApiException(ProblemType.NOT_FOUND, what + " not found");
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(ProblemType.FORBIDDEN, detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(ProblemType.CONFLICT, detail);
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(ProblemType.VALIDATION, "1 field is invalid",
                List.of(new Problem.FieldError(field, message)));
    }

    public static ApiException unprocessable(String detail) {
        return new ApiException(ProblemType.UNPROCESSABLE, detail);
    }

    /** A well-formed field that does not fit the record, e.g. another child's goal id. */
    public static ApiException unprocessable(String field, String message) {
        return new ApiException(ProblemType.UNPROCESSABLE, "1 field does not fit this child's record",
                List.of(new Problem.FieldError(field, message)));
    }
}
