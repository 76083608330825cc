package app.smallwins.observation;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.smallwins.goal.Domain;

/** A JSON merge patch of one's own observation: absent fields stay, null clears optional ones. */
@Schema(name = "ObservationPatch")
public class ObservationPatch {

    @Schema(implementation = ObservationKind.class)
    public Optional<@NotNull ObservationKind> kind;

    @Schema(implementation = String.class)
    public Optional<@NotBlank @Size(max = 4000) String> text;

    @Schema(implementation = UUID.class, nullable = true)
    public Optional<UUID> goalId;

    @Schema(implementation = UUID.class, nullable = true)
    public Optional<UUID> stepId;

    @Schema(implementation = Domain.class, nullable = true)
    public Optional<Domain> domain;

    @Schema(implementation = Setting.class)
    public Optional<@NotNull Setting> setting;

    @Schema(implementation = PromptLevel.class, nullable = true)
    public Optional<PromptLevel> promptLevel;

    @Schema(implementation = Regulation.class, nullable = true)
    public Optional<Regulation> regulation;

    @Schema(implementation = Boolean.class)
    public Optional<@NotNull Boolean> firstTime;

    @Schema(implementation = String.class, nullable = true)
    public Optional<@Size(max = 2000) String> support;

    @Schema(implementation = Instant.class)
    public Optional<@NotNull Instant> occurredAt;
}
