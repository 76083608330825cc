package app.smallwins.child;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewChild", description = "A child to open a record for.")
public record NewChild(
        @Schema(examples = "Arjun Sharma") @NotBlank @Size(max = 120) String displayName,
        @Schema(examples = "Arjun") @Size(max = 120) String preferredName,
        @Schema(examples = "2019-03-14") @PastOrPresent LocalDate dateOfBirth,
        @Valid CommunicationInput communication,
        @Schema(examples = "A visual schedule; a quiet corner when the room gets loud.") @Size(max = 4000) String whatHelps,
        @Schema(examples = "High fives and a minute with the spinning top.") @Size(max = 2000) String celebrateWith,
        @Schema(description = "IANA time zone; periods such as \"today\" use it. Default UTC.", examples = "Europe/London")
        @Size(max = 64) String timeZone) {
}
