package app.smallwins.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A person's quiet hours, on their own clock: {@code 20:00–07:00} spans midnight. The hours
 * follow the wall clock across daylight-saving changes, so "07:00" is seven in the morning in
 * March and in October, whatever the offset (docs/notifications.md, worked examples).
 */
public record QuietHours(LocalTime start, LocalTime end) {

    /** Whether a wall-clock time falls in the quiet hours (start included, end not). */
    public boolean covers(LocalTime time) {
        if (start.equals(end)) {
            return false;
        }
        return start.isBefore(end)
                ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
    }

    /**
     * When the quiet hours around an instant end, or empty when it is not quiet then. An end
     * that a spring-forward skips (02:30 on the night clocks jump from 02:00 to 03:00) is the
     * first moment after the jump, 03:30 on the new clock.
     */
    public Optional<Instant> endAfter(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        if (!covers(time)) {
            return Optional.empty();
        }
        LocalDate endDay = time.isBefore(end) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        return Optional.of(ZonedDateTime.of(endDay, end, zone).toInstant());
    }
}
