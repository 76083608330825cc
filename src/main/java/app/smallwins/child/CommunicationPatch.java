package app.smallwins.child;

import java.util.List;
import java.util.Optional;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The communication profile inside a merge patch. RFC 7396 merges nested objects too, so
 * `{"communication": {"notes": "..."}}` must keep the modes: as in {@link ChildPatch}, an
 * absent field is null and an explicit null is {@code Optional.empty()}.
 */
public class CommunicationPatch {

    public Optional<@Size(max = 7) List<@NotNull CommunicationMode>> modes;

    public Optional<@Size(max = 2000) String> notes;
}
