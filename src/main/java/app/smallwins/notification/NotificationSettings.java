package app.smallwins.notification;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;


import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a person wants to hear and when, in their own time zone: complete, as saved or defaulted. */
@Schema(name = "NotificationSettings")
public record NotificationSettings(
        @Schema(required = true, examples = "Europe/London", description = "An IANA time zone name; quiet hours, "
                + "the digest and the times in mails follow it.")
        String timeZone,
        @Schema(required = true, examples = "en", description = "The language of mails and push titles: `en`.")
        String language,
        @Schema(nullable = true, description = "Instant notifications wait while these hours last; null: none. "
                + "Urgent messages from staff pass them, and the history says so.")
        QuietHoursSetting quietHours,
        @Schema(required = true) Digest digest,
        @Schema(required = true, description = "The day the weekly summary comes, at the digest time.")
        Weekday weeklySummaryDay,
        @Schema(required = true, description = "Quote message and observation text in e-mails. Off by default: "
                + "mails then name the child and what happened, and the text stays behind the sign-in.")
        Boolean includeContent,
        @Schema(required = true) Categories categories) {

    static final String CLOCK_TIME = "^([01][0-9]|2[0-3]):[0-5][0-9]$";
    static final String CLOCK_RULE = "must be a time of day as HH:MM, e.g. 20:00";

    @Schema(name = "QuietHours")
    public record QuietHoursSetting(
            @Schema(required = true, examples = "20:00") String start,
            @Schema(required = true, examples = "07:00") String end) {

        QuietHours hours() {
            return new QuietHours(LocalTime.parse(start), LocalTime.parse(end));
        }
    }

    @Schema(name = "DigestSchedule")
    public record Digest(
            @Schema(required = true, examples = "18:00", description = "When the daily digest is sent, local time.")
            String time,
            @Schema(required = true, description = "The days a digest is sent; each covers everything since the last.")
            List<Weekday> days) {
    }

    /** A category's mode on each channel. */
    @Schema(name = "ChannelModes", requiredProperties = { "EMAIL", "WEB_PUSH" })
    public record ChannelModes(@JsonProperty("EMAIL") Mode email, @JsonProperty("WEB_PUSH") Mode webPush) {

        Mode on(Channel channel) {
            return channel == Channel.EMAIL ? email : webPush;
        }

    }

    @Schema(name = "NotificationCategories", description = "Each category's mode on each channel.", requiredProperties = {
            "MESSAGE", "URGENT_MESSAGE", "WIN", "CHEER", "PROGRESS_FLAG", "WEEKLY_SUMMARY", "TEAM_CHANGE" })
    public record Categories(
            @JsonProperty("MESSAGE") ChannelModes message,
            @JsonProperty("URGENT_MESSAGE") ChannelModes urgentMessage,
            @JsonProperty("WIN") ChannelModes win,
            @JsonProperty("CHEER") ChannelModes cheer,
            @JsonProperty("PROGRESS_FLAG") ChannelModes progressFlag,
            @JsonProperty("WEEKLY_SUMMARY") ChannelModes weeklySummary,
            @JsonProperty("TEAM_CHANGE") ChannelModes teamChange) {

        ChannelModes of(NotificationCategory category) {
            return switch (category) {
                case MESSAGE -> message;
                case URGENT_MESSAGE -> urgentMessage;
                case WIN -> win;
                case CHEER -> cheer;
                case PROGRESS_FLAG -> progressFlag;
                case WEEKLY_SUMMARY -> weeklySummary;
                case TEAM_CHANGE -> teamChange;
                case DAILY_DIGEST -> throw new IllegalArgumentException("the daily digest has no modes of its own");
            };
        }
    }

    /** The mode of a category on a channel (settings as stored or defaulted are complete). */
    Mode mode(NotificationCategory category, Channel channel) {
        return categories.of(category).on(channel);
    }

    ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    Optional<QuietHours> quiet() {
        return Optional.ofNullable(quietHours).map(QuietHoursSetting::hours);
    }

    LocalTime digestTime() {
        return LocalTime.parse(digest.time);
    }

    /**
     * The defaults of a capacity. A family hears messages at once on both channels and gets
     * wins, cheers and flags in an evening digest; staff get messages by push and the rest in
     * an afternoon digest, with quiet hours from the end of the school day.
     */
    static NotificationSettings defaults(boolean family, String timeZone) {
        ChannelModes bothNow = new ChannelModes(Mode.INSTANT, Mode.INSTANT);
        ChannelModes mailDigest = new ChannelModes(Mode.DIGEST, Mode.OFF);
        ChannelModes mailNow = new ChannelModes(Mode.INSTANT, Mode.OFF);
        List<Weekday> schoolDays = List.of(Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.FRI);
        if (family) {
            return new NotificationSettings(timeZone, "en", new QuietHoursSetting("20:00", "07:00"),
                    new Digest("18:00", schoolDays), Weekday.FRI, false,
                    new Categories(bothNow, bothNow, mailDigest, mailDigest, mailDigest, mailNow, mailNow));
        }
        return new NotificationSettings(timeZone, "en", new QuietHoursSetting("17:00", "07:00"),
                new Digest("15:30", schoolDays), Weekday.FRI, false,
                new Categories(new ChannelModes(Mode.DIGEST, Mode.INSTANT), bothNow, mailDigest, mailDigest, mailDigest,
                        new ChannelModes(Mode.OFF, Mode.OFF), mailNow));
    }
}
