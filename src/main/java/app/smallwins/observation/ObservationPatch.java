package app.smallwins.observation;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.smallwins.common.openapi.OpenApiContractFilter;
import app.smallwins.common.vocabulary.Domain;
import app.smallwins.common.vocabulary.PromptLevel;
import app.smallwins.common.vocabulary.Regulation;
import app.smallwins.common.vocabulary.Setting;

/**
 * A JSON merge patch of one's own observation: absent fields stay, null clears optional ones.
 * The OpenAPI annotations repeat the limits of {@link NewObservation}: SmallRye does not read
 * constraints inside {@code Optional<…>}.
 */
@Schema(name = "ObservationPatch", description = "Fields to change; absent fields stay as they are, null clears a "
        + "field that may be empty.")
public class ObservationPatch {

    @Schema(ref = "ObservationKind", nullable = false)
    public Optional<@NotNull ObservationKind> kind;

    @Schema(type = SchemaType.STRING, maxLength = 4000, pattern = "\\S", nullable = false, description = "Not blank.")
    public Optional<@NotBlank @Size(max = 4000) String> text;

    @Schema(implementation = UUID.class, nullable = true, description = "A goal of this child; null unlinks it.")
    public Optional<UUID> goalId;

    @Schema(implementation = UUID.class, nullable = true, description = "A current step of the goal; null unlinks it.")
    public Optional<UUID> stepId;

    @Schema(ref = "Domain", description = "null clears it.", extensions = @Extension(
            name = OpenApiContractFilter.NULLABLE_REFERENCE, value = "true", parseValue = true))
    public Optional<Domain> domain;

    @Schema(ref = "Setting", nullable = false)
    public Optional<@NotNull Setting> setting;

    @Schema(ref = "PromptLevel", description = "null clears it.", extensions = @Extension(
            name = OpenApiContractFilter.NULLABLE_REFERENCE, value = "true", parseValue = true))
    public Optional<PromptLevel> promptLevel;

    @Schema(ref = "Regulation", description = "null clears it.", extensions = @Extension(
            name = OpenApiContractFilter.NULLABLE_REFERENCE, value = "true", parseValue = true))
    public Optional<Regulation> regulation;

    @Schema(type = SchemaType.BOOLEAN, nullable = false)
    public Optional<@NotNull Boolean> firstTime;

    @Schema(type = SchemaType.STRING, maxLength = 2000, nullable = true)
    public Optional<@Size(max = 2000) String> support;

    @Schema(implementation = Instant.class, nullable = false, description = "Not in the future.")
    public Optional<@NotNull Instant> occurredAt;
}
