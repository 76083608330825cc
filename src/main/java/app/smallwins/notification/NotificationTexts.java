package app.smallwins.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The words of notifications, in English (the one language offered so far). Mails name the
 * child and say what happened and who in what capacity; the text itself stays behind the
 * sign-in unless the person asked for it. Push titles carry nothing personal at all.
 */
final class NotificationTexts {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM 'at' HH:mm", Locale.ENGLISH);

    private NotificationTexts() {
    }

    /** A push notification's title: the category in words, nothing else. */
    static String pushTitle(NotificationCategory category) {
        return switch (category) {
            case MESSAGE -> "New message";
            case URGENT_MESSAGE -> "Urgent message";
            case WIN -> "A new win";
            case CHEER -> "Someone cheered";
            case PROGRESS_FLAG -> "A goal needs a look";
            case WEEKLY_SUMMARY -> "Your weekly summary";
            case TEAM_CHANGE -> "The care team changed";
            case DAILY_DIGEST -> "Your daily digest";
        };
    }

    static String subject(NotificationCategory category, String child) {
        return switch (category) {
            case MESSAGE -> "New message about " + child;
            case URGENT_MESSAGE -> "Urgent: a message about " + child;
            case WIN -> "A new win for " + child;
            case CHEER -> "Someone cheered your entry about " + child;
            case PROGRESS_FLAG -> "One of " + child + "'s goals needs a look";
            case WEEKLY_SUMMARY -> "The week's wins";
            case TEAM_CHANGE -> child + "'s care team changed";
            case DAILY_DIGEST -> "Your Small Wins digest";
        };
    }

    /** A team member by capacity only: "A teacher". */
    static String someone(String capacity) {
        return capacity == null ? "Someone" : switch (capacity) {
            case "teacher" -> "A teacher";
            case "para" -> "A para";
            case "therapist" -> "A therapist";
            case "parent" -> "A parent";
            default -> "Someone";
        };
    }

    /** The first sentence of an instant mail: what happened, and who did it in what capacity. */
    static String lead(NotificationCategory category, String child, String capacity) {
        String who = someone(capacity);
        return switch (category) {
            case MESSAGE -> who + " on " + child + "'s team sent a message.";
            case URGENT_MESSAGE -> who + " on " + child + "'s team marked a message urgent. "
                    + "Please read it as soon as you can.";
            case WIN -> who + " on " + child + "'s team shared a win.";
            case CHEER -> who + " cheered what you wrote about " + child + ".";
            case PROGRESS_FLAG -> "On paper and in real life, one of " + child + "'s goals tells a different story. "
                    + "The team may want to talk about it.";
            case TEAM_CHANGE -> "Someone joined or left " + child + "'s care team.";
            case WEEKLY_SUMMARY, DAILY_DIGEST -> "";
        };
    }

    static String when(Instant at, ZoneId zone) {
        return WHEN.format(at.atZone(zone));
    }
}
