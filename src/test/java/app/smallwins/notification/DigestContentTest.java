package app.smallwins.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The digest's words, pinned on hand-built content (docs/notifications.md, "Digests"). */
class DigestContentTest {

    private static final UUID ARJUN = UUID.randomUUID();
    private static final UUID MAYA = UUID.randomUUID();

    @Test
    void winsAreCountedFirstTimesMarkedAndTextQuotedOnlyWhenAsked() {
        List<NotificationRepository.DigestWin> wins = List.of(
                new NotificationRepository.DigestWin(ARJUN, "Arjun", "sorting things by colour", true, "Sorted red", "teacher"),
                new NotificationRepository.DigestWin(ARJUN, "Arjun", null, false, "Said hello", "para"));

        DigestContent plain = DigestContent.of(wins, List.of(), List.of(), List.of(), List.of(), false);
        DigestContent.ChildPart arjun = plain.children().get(0);
        assertEquals("Arjun: 2 wins since your last digest, one of them a first time!", arjun.headline());
        assertEquals(List.of("First time! Sorting things by colour", "A win of its own, on no goal"), arjun.wins());

        DigestContent quoted = DigestContent.of(wins, List.of(), List.of(), List.of(), List.of(), true);
        assertEquals("First time! Sorting things by colour: \u201cSorted red\u201d", quoted.children().get(0).wins().get(0));
    }

    @Test
    void aSingleFirstTimeWinIsCelebratedAsSuch() {
        DigestContent one = DigestContent.of(List.of(new NotificationRepository.DigestWin(ARJUN, "Arjun",
                "tying shoelaces", true, "", "parent")), List.of(), List.of(), List.of(), List.of(), false);
        assertEquals("Arjun: 1 win since your last digest, and it was a first time!", one.children().get(0).headline());
    }

    @Test
    void unreadCheersFlagsAndTeamChangesAreToldPerChildInOrder() {
        DigestContent content = DigestContent.of(List.of(),
                List.of(new NotificationRepository.DigestUnread(MAYA, "Maya", "TEAM", null, 2, 1),
                        new NotificationRepository.DigestUnread(MAYA, "Maya", "PRIVATE", "Mornings", 1, 0)),
                List.of(new NotificationRepository.DigestCheer(ARJUN, "Arjun", "Amazing!", "parent")),
                List.of(new NotificationRepository.DigestFlag(ARJUN, "Arjun", "asking for help")),
                List.of(new NotificationRepository.DigestTeamChange(MAYA, "Maya", "speech therapist", true)), false);
        assertEquals(List.of("Maya", "Arjun"), content.children().stream().map(DigestContent.ChildPart::name).toList());
        DigestContent.ChildPart maya = content.children().get(0);
        assertEquals("Maya", maya.headline(), "no wins: the name alone heads the part");
        assertEquals(List.of("2 unread messages in the team conversation (1 urgent)",
                "1 unread message in \u201cMornings\u201d"), maya.unread());
        assertEquals(List.of("Speech therapist joined the team."), maya.team());
        DigestContent.ChildPart arjun = content.children().get(1);
        assertEquals(List.of("A parent cheered what you wrote."), arjun.cheers());
        assertEquals(List.of("On paper and in real life, \u201casking for help\u201d tells a different story."),
                arjun.flags());
    }

    @Test
    void nothingToTellIsAnEmptyDigest() {
        assertTrue(DigestContent.of(List.of(), List.of(), List.of(), List.of(), List.of(), false).isEmpty());
    }
}
