package app.smallwins.child;

import java.util.List;
import java.util.Optional;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The communication profile inside a merge patch. RFC 7396 merges nested objects too, so
 * `{"communication": {"notes": "..."}}` must keep the modes: as in {@link ChildPatch}, an
 * absent field is null and an explicit null is {@code Optional.empty()}.
 */
@Schema(name = "CommunicationPatch", description = "Fields of the communication profile to change.")
public class CommunicationPatch {

    @Schema(type = SchemaType.ARRAY, implementation = CommunicationMode.class, maxItems = 7, nullable = true,
            description = "The whole list, most used first; null clears it.")
    public Optional<@Size(max = 7) List<@NotNull CommunicationMode>> modes;

    @Schema(type = SchemaType.STRING, maxLength = 2000, nullable = true)
    public Optional<@Size(max = 2000) String> notes;
}
