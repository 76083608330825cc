package app.smallwins.child;

import java.time.LocalDate;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A JSON merge patch (RFC 7396) of a child's profile: an absent field is left as it is, a
 * field sent as null is cleared. Parents may send only the support profile:
 * communication, whatHelps and celebrateWith.
 * <p>
 * A class with fields rather than a record: Jackson leaves an absent field null and turns
 * an explicit null into {@code Optional.empty()}, which is exactly the distinction a merge
 * patch needs (a record's creator cannot tell the two apart).
 */
@Schema(name = "ChildPatch", description = "Fields to change; absent fields stay as they are, null clears a field.")
public class ChildPatch {

    @Schema(implementation = String.class, examples = "Arjun Sharma")
    public Optional<@NotBlank @Size(max = 120) String> displayName;

    @Schema(implementation = String.class, nullable = true, examples = "AJ")
    public Optional<@Size(max = 120) String> preferredName;

    @Schema(implementation = LocalDate.class, nullable = true)
    public Optional<@PastOrPresent LocalDate> dateOfBirth;

    @Schema(implementation = Communication.class, nullable = true)
    public Optional<@Valid CommunicationPatch> communication;

    @Schema(implementation = String.class, nullable = true, examples = "Counting down from five before a change.")
    public Optional<@Size(max = 4000) String> whatHelps;

    @Schema(implementation = String.class, nullable = true)
    public Optional<@Size(max = 2000) String> celebrateWith;

    @Schema(implementation = String.class, examples = "Europe/London")
    public Optional<@Size(max = 64) String> timeZone;

    /** Whether the patch touches more than the support profile a parent may edit. */
    boolean touchesCoreProfile() {
        return displayName != null || preferredName != null || dateOfBirth != null || timeZone != null;
    }
}
