package app.smallwins.common.error;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem detail, the body of every error response. */
@Schema(name = "Problem", description = "RFC 9457 problem detail (media type application/problem+json).",
        requiredProperties = { "type", "title", "status", "detail", "instance" })
public record Problem(
        @Schema(description = "Stable identifier of the kind of problem.", examples = "urn:smallwins:problem:validation")
        String type,
        @Schema(description = "Short, human-readable summary of the kind of problem.", examples = "Invalid request")
        String title,
        @Schema(description = "HTTP status code.", examples = "400")
        int status,
        @Schema(description = "What went wrong with this request.", examples = "2 fields are invalid")
        String detail,
        @Schema(description = "The request path.", examples = "/api/v1/children")
        String instance,
        @Schema(description = "The offending fields, for validation problems; absent otherwise.")
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field of a request. */
    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(examples = "displayName") String field,
            @Schema(examples = "must not be blank") String message) {
    }
}
