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
            // The name the team says: the preferred one, or the first word of the full name.
            String name = preferredName != null && !preferredName.isBlank() ? preferredName.strip()
                    : displayName.strip().split("\\s+")[0];
            return new ChildSummary(name, ZoneId.of(timeZone), celebrateWith);
        }
    }
}
