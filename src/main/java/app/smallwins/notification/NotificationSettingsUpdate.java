package app.smallwins.notification;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A PUT of a person's notification settings: everything but the categories is required. */
@Schema(name = "NotificationSettingsUpdate")
public record NotificationSettingsUpdate(
        @Schema(required = true, examples = "Europe/London", description = "An IANA time zone name.")
        @NotNull @Size(max = 64) String timeZone,
        @Schema(required = true, examples = "en", description = "`en`.") @NotNull @Size(max = 10) String language,
        @Schema(nullable = true, description = "null: no quiet hours.") @Valid QuietHoursUpdate quietHours,
        @Schema(required = true) @NotNull @Valid DigestUpdate digest,
        @Schema(required = true) @NotNull Weekday weeklySummaryDay,
        @Schema(required = true) @NotNull Boolean includeContent,
        @Schema(description = "Categories or channels left out take the defaults of the person's capacity.")
        @Valid CategoriesUpdate categories) {

    @Schema(name = "QuietHoursUpdate")
    public record QuietHoursUpdate(
            @Schema(required = true, examples = "20:00")
            @NotNull @Pattern(regexp = NotificationSettings.CLOCK_TIME, message = NotificationSettings.CLOCK_RULE)
            String start,
            @Schema(required = true, examples = "07:00")
            @NotNull @Pattern(regexp = NotificationSettings.CLOCK_TIME, message = NotificationSettings.CLOCK_RULE)
            String end) {
    }

    @Schema(name = "DigestScheduleUpdate")
    public record DigestUpdate(
            @Schema(required = true, examples = "18:00")
            @NotNull @Pattern(regexp = NotificationSettings.CLOCK_TIME, message = NotificationSettings.CLOCK_RULE)
            String time,
            @Schema(required = true) @NotNull @NotEmpty @Size(max = 7) List<@NotNull Weekday> days) {
    }

    @Schema(name = "ChannelModesUpdate")
    public record ChannelModesUpdate(@JsonProperty("EMAIL") Mode email, @JsonProperty("WEB_PUSH") Mode webPush) {

        NotificationSettings.ChannelModes over(NotificationSettings.ChannelModes fallback) {
            return new NotificationSettings.ChannelModes(email != null ? email : fallback.email(),
                    webPush != null ? webPush : fallback.webPush());
        }
    }

    @Schema(name = "NotificationCategoriesUpdate")
    public record CategoriesUpdate(
            @JsonProperty("MESSAGE") ChannelModesUpdate message,
            @JsonProperty("URGENT_MESSAGE") ChannelModesUpdate urgentMessage,
            @JsonProperty("WIN") ChannelModesUpdate win,
            @JsonProperty("CHEER") ChannelModesUpdate cheer,
            @JsonProperty("PROGRESS_FLAG") ChannelModesUpdate progressFlag,
            @JsonProperty("WEEKLY_SUMMARY") ChannelModesUpdate weeklySummary,
            @JsonProperty("TEAM_CHANGE") ChannelModesUpdate teamChange) {

        NotificationSettings.Categories over(NotificationSettings.Categories d) {
            return new NotificationSettings.Categories(pick(message, d.message()),
                    pick(urgentMessage, d.urgentMessage()), pick(win, d.win()), pick(cheer, d.cheer()),
                    pick(progressFlag, d.progressFlag()), pick(weeklySummary, d.weeklySummary()),
                    pick(teamChange, d.teamChange()));
        }

        private static NotificationSettings.ChannelModes pick(ChannelModesUpdate given,
                NotificationSettings.ChannelModes fallback) {
            return given == null ? fallback : given.over(fallback);
        }
    }
}
