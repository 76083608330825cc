package app.smallwins.notification;

import java.time.DayOfWeek;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Weekday", description = """
        A day of the week, in the person's time zone:
        - `MON`: Monday.
        - `TUE`: Tuesday.
        - `WED`: Wednesday.
        - `THU`: Thursday.
        - `FRI`: Friday.
        - `SAT`: Saturday.
        - `SUN`: Sunday.""")
public enum Weekday {
    MON, TUE, WED, THU, FRI, SAT, SUN;

    public DayOfWeek dayOfWeek() {
        return DayOfWeek.of(ordinal() + 1);
    }

    public static Weekday of(DayOfWeek day) {
        return values()[day.getValue() - 1];
    }
}
