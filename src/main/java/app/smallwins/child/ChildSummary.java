package app.smallwins.child;

import java.time.ZoneId;

/**
 * What other features say of a child (progress sentences): the name the team uses, the time
 * zone in which days and weeks begin, and the praise or reward that lands with the child.
 */
public record ChildSummary(String name, ZoneId timeZone, String celebrateWith) {

    /** The columns, as read. */
    record Row(String displayName, String preferredName, String timeZone, String celebrateWith) {

        ChildSummary summary() {
            return of(displayName, preferredName, timeZone, celebrateWith);
        }
    }

    /** What the whole profile says, for a feature that read it anyway (the progress report). */
    public static ChildSummary of(ChildView child) {
        return of(child.displayName(), child.preferredName(), child.timeZone(), child.celebrateWith());
    }

    private static ChildSummary of(String displayName, String preferredName, String timeZone, String celebrateWith) {
        // The name the team says: the preferred one, or the first word of the full name.
        String name = preferredName != null && !preferredName.isBlank() ? preferredName.strip()
                : displayName.strip().split("\\s+")[0];
        return new ChildSummary(name, ZoneId.of(timeZone), celebrateWith);
    }
}
