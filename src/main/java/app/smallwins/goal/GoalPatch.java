package app.smallwins.goal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A JSON merge patch of a goal: absent fields stay, null clears an optional field.
 * {@code steps} and {@code strategies} replace the whole list; send a step's id back to keep it.
 * (Fields, not a record, so absent and null can be told apart.)
 */
@Schema(name = "GoalPatch", description = "Fields to change; absent fields stay as they are, null clears a field.")
public class GoalPatch {

    @Schema(implementation = String.class)
    public Optional<@NotBlank @Size(max = 500) String> title;

    @Schema(implementation = String.class, nullable = true)
    public Optional<@Size(max = 2000) String> plainLanguage;

    @Schema(implementation = Domain.class)
    public Optional<@NotNull Domain> domain;

    @Schema(implementation = String.class, nullable = true)
    public Optional<@Size(max = 2000) String> baseline;

    @Schema(implementation = Mastery.class, nullable = true)
    public Optional<@Valid Mastery> mastery;

    @Schema(implementation = StepInput[].class)
    public Optional<@Size(max = 30) List<@Valid @NotNull StepInput>> steps;

    @Schema(implementation = String[].class)
    public Optional<@Size(max = 20) List<@NotBlank @Size(max = 200) String>> strategies;

    @Schema(implementation = GoalStatus.class, description = "ACTIVE → MET → MAINTAINING; MET/MAINTAINING → ACTIVE; "
            + "any → DISCONTINUED; DISCONTINUED → ACTIVE. Other moves answer 409.")
    public Optional<@NotNull GoalStatus> status;

    @Schema(implementation = LocalDate.class, nullable = true)
    public Optional<LocalDate> startDate;

    @Schema(implementation = LocalDate.class, nullable = true)
    public Optional<LocalDate> targetDate;
}
