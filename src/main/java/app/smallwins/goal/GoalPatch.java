package app.smallwins.goal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import app.smallwins.common.openapi.OpenApiContractFilter;
import app.smallwins.common.vocabulary.Domain;

/**
 * A JSON merge patch of a goal: absent fields stay, null clears an optional field.
 * {@code steps} and {@code strategies} replace the whole list; send a step's id back to keep it.
 * (Fields, not a record, so absent and null can be told apart.) The limits are those of
 * {@link NewGoal}; the OpenAPI annotations repeat them because SmallRye does not read
 * constraints inside {@code Optional<…>}.
 */
@Schema(name = "GoalPatch", description = "Fields to change; absent fields stay as they are, null clears a field "
        + "that may be empty.")
public class GoalPatch {

    @Schema(type = SchemaType.STRING, pattern = "\\S", maxLength = 500, nullable = false,
            description = "The formal wording of the IEP/ITP; not blank.")
    public Optional<@NotBlank @Size(max = 500) String> title;

    @Schema(type = SchemaType.STRING, maxLength = 2000, nullable = true)
    public Optional<@Size(max = 2000) String> plainLanguage;

    @Schema(ref = "Domain", nullable = false)
    public Optional<@NotNull Domain> domain;

    @Schema(type = SchemaType.STRING, maxLength = 2000, nullable = true)
    public Optional<@Size(max = 2000) String> baseline;

    @Schema(ref = "MasteryInput", extensions = @Extension(name = OpenApiContractFilter.NULLABLE_REFERENCE, value = "true",
            parseValue = true), description = "null removes the criteria.")
    public Optional<@Valid MasteryInput> mastery;

    @Schema(type = SchemaType.ARRAY, implementation = StepInput.class, maxItems = 30, nullable = true,
            description = "The whole ordered list; a current step not sent is retired. null removes every step.")
    public Optional<@Size(max = 30) List<@Valid @NotNull StepInput>> steps;

    @Schema(type = SchemaType.ARRAY, implementation = String.class, maxItems = 20, nullable = true,
            description = "The whole list (each 1 to 200 characters); null removes every strategy.")
    public Optional<@Size(max = 20) List<@NotBlank @Size(max = 200) String>> strategies;

    @Schema(ref = "GoalStatus", nullable = false,
            description = "ACTIVE → MET → MAINTAINING; MET/MAINTAINING → ACTIVE; any → DISCONTINUED; "
                    + "DISCONTINUED → ACTIVE. Other moves answer 409.")
    public Optional<@NotNull GoalStatus> status;

    @Schema(implementation = LocalDate.class, nullable = true)
    public Optional<LocalDate> startDate;

    @Schema(implementation = LocalDate.class, nullable = true)
    public Optional<LocalDate> targetDate;
}
