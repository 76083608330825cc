package app.smallwins.child;

import java.time.LocalDate;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.smallwins.common.openapi.OpenApiContractFilter;

/**
 * A JSON merge patch (RFC 7396) of a child's profile: an absent field is left as it is, a
 * field sent as null is cleared. Parents may send only the support profile:
 * communication, whatHelps and celebrateWith.
 * <p>
 * A class with fields rather than a record: Jackson leaves an absent field null and turns
 * an explicit null into {@code Optional.empty()}, which is exactly the distinction a merge
 * patch needs (a record's creator cannot tell the two apart). The OpenAPI annotations repeat
 * the limits of {@link NewChild}: SmallRye does not read constraints inside {@code Optional<…>}.
 */
@Schema(name = "ChildPatch", description = "Fields to change; absent fields stay as they are, null clears a field "
        + "that may be empty.")
public class ChildPatch {

    @Schema(type = SchemaType.STRING, pattern = "\\S", maxLength = 120, nullable = false, examples = "Arjun Sharma",
            description = "Not blank.")
    public Optional<@NotBlank @Size(max = 120) String> displayName;

    @Schema(type = SchemaType.STRING, maxLength = 120, nullable = true, examples = "AJ")
    public Optional<@Size(max = 120) String> preferredName;

    @Schema(implementation = LocalDate.class, nullable = true, description = "Not in the future.")
    public Optional<@PastOrPresent LocalDate> dateOfBirth;

    @Schema(ref = "CommunicationPatch", extensions = @Extension(name = OpenApiContractFilter.NULLABLE_REFERENCE, value = "true",
            parseValue = true),
            description = "Merged field by field; null clears the whole communication profile.")
    public Optional<@Valid CommunicationPatch> communication;

    @Schema(type = SchemaType.STRING, maxLength = 4000, nullable = true,
            examples = "Counting down from five before a change.")
    public Optional<@Size(max = 4000) String> whatHelps;

    @Schema(type = SchemaType.STRING, maxLength = 2000, nullable = true)
    public Optional<@Size(max = 2000) String> celebrateWith;

    @Schema(type = SchemaType.STRING, maxLength = 64, nullable = true, examples = "Europe/London",
            description = "An IANA time zone name; null sets it back to UTC.")
    public Optional<@Size(max = 64) String> timeZone;

    /** Whether the patch touches more than the support profile a parent may edit. */
    boolean touchesCoreProfile() {
        return displayName != null || preferredName != null || dateOfBirth != null || timeZone != null;
    }
}
