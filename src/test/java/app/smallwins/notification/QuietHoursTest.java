package app.smallwins.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The quiet-hours rule of docs/notifications.md, on hand-picked instants around daylight-saving changes. */
class QuietHoursTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final QuietHours EVENING = new QuietHours(LocalTime.of(20, 0), LocalTime.of(7, 0));

    @Test
    void hoursThatSpanMidnightCoverTheEveningAndTheEarlyMorning() {
        assertTrue(EVENING.covers(LocalTime.of(20, 0)), "the start is quiet");
        assertTrue(EVENING.covers(LocalTime.of(23, 59)));
        assertTrue(EVENING.covers(LocalTime.of(0, 0)));
        assertTrue(EVENING.covers(LocalTime.of(6, 59)));
        assertFalse(EVENING.covers(LocalTime.of(7, 0)), "the end is not");
        assertFalse(EVENING.covers(LocalTime.of(12, 0)));
        assertFalse(EVENING.covers(LocalTime.of(19, 59)));
    }

    @Test
    void hoursWithinOneDayCoverOnlyThatStretch() {
        QuietHours nap = new QuietHours(LocalTime.of(13, 0), LocalTime.of(15, 0));
        assertTrue(nap.covers(LocalTime.of(14, 0)));
        assertFalse(nap.covers(LocalTime.of(12, 59)));
        assertFalse(nap.covers(LocalTime.of(15, 0)));
        assertFalse(nap.covers(LocalTime.of(2, 0)));
    }

    @Test
    void aMessageAtNineInTheEveningWaitsUntilSevenNextMorning() {
        assertEquals(Optional.of(Instant.parse("2027-01-14T07:00:00Z")),
                EVENING.endAfter(Instant.parse("2027-01-13T21:00:00Z"), LONDON));
    }

    @Test
    void aMessageAfterMidnightWaitsUntilSevenTheSameMorning() {
        assertEquals(Optional.of(Instant.parse("2027-01-14T07:00:00Z")),
                EVENING.endAfter(Instant.parse("2027-01-14T02:30:00Z"), LONDON));
    }

    @Test
    void nothingWaitsOutsideQuietHours() {
        assertEquals(Optional.empty(), EVENING.endAfter(Instant.parse("2027-01-14T07:00:00Z"), LONDON));
        assertEquals(Optional.empty(), EVENING.endAfter(Instant.parse("2027-01-13T19:59:59Z"), LONDON));
    }

    @Test
    void acrossTheSpringChangeSevenOClockComesAnHourEarlierInUtc() {
        // Saturday 27 March 2027, 21:00 GMT; at 01:00 GMT the clocks go to 02:00 BST.
        assertEquals(Optional.of(Instant.parse("2027-03-28T06:00:00Z")),
                EVENING.endAfter(Instant.parse("2027-03-27T21:00:00Z"), LONDON));
    }

    @Test
    void acrossTheAutumnChangeSevenOClockComesAnHourLaterInUtc() {
        // Saturday 30 October 2027, 22:00 BST; at 02:00 BST the clocks go back to 01:00 GMT.
        assertEquals(Optional.of(Instant.parse("2027-10-31T07:00:00Z")),
                EVENING.endAfter(Instant.parse("2027-10-30T21:00:00Z"), LONDON));
    }

    @Test
    void theRepeatedHourOfAnAutumnNightIsQuietBothTimes() {
        QuietHours night = new QuietHours(LocalTime.of(1, 0), LocalTime.of(3, 0));
        // 01:30 EDT, then 01:30 EST an hour later: both quiet, both wait until 03:00 EST.
        assertEquals(Optional.of(Instant.parse("2027-11-07T08:00:00Z")),
                night.endAfter(Instant.parse("2027-11-07T05:30:00Z"), NEW_YORK));
        assertEquals(Optional.of(Instant.parse("2027-11-07T08:00:00Z")),
                night.endAfter(Instant.parse("2027-11-07T06:30:00Z"), NEW_YORK));
    }

    @Test
    void anEndTheSpringJumpSkipsIsTheFirstMomentAfterIt() {
        // In New York the clocks jump from 02:00 to 03:00 EDT on 14 March 2027: 02:30 never happens.
        QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(2, 30));
        assertEquals(Optional.of(Instant.parse("2027-03-14T07:30:00Z")),
                night.endAfter(Instant.parse("2027-03-14T04:00:00Z"), NEW_YORK));
    }
}
