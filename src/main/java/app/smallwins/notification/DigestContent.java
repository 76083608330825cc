package app.smallwins.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a daily digest tells, child by child: the wins since the last digest (first times
 * first, each by its goal's plain-language wording), unread messages per conversation, cheers
 * on the person's own entries, goals newly flagged, and who joined or left the team. Each part
 * only when the person takes its category as a digest on that channel. Text the team wrote
 * (a win, a cheer's note) is quoted only for a person who set {@code includeContent}.
 */
record DigestContent(List<ChildPart> children) {

    /** The categories a daily digest can carry. */
    static final List<NotificationCategory> PARTS = List.of(NotificationCategory.WIN, NotificationCategory.MESSAGE,
            NotificationCategory.CHEER, NotificationCategory.PROGRESS_FLAG, NotificationCategory.TEAM_CHANGE);

    /** How many wins and cheers one digest lists at most (the counts stay whole). */
    static final int MOST_LISTED = 50;

    /** One child's part: a heading sentence and its lines, in the order the template shows them. */
    record ChildPart(String name, String headline, List<String> wins, List<String> unread, List<String> cheers,
            List<String> flags, List<String> team) {
    }

    boolean isEmpty() {
        return children.isEmpty();
    }

    static NotificationRepository.NewsQuestion question(UUID userId, Instant since, NotificationSettings s,
            Channel channel) {
        return new NotificationRepository.NewsQuestion(userId, since,
                s.mode(NotificationCategory.WIN, channel) == Mode.DIGEST,
                s.mode(NotificationCategory.CHEER, channel) == Mode.DIGEST,
                s.mode(NotificationCategory.MESSAGE, channel) == Mode.DIGEST,
                s.mode(NotificationCategory.PROGRESS_FLAG, channel) == Mode.DIGEST,
                s.mode(NotificationCategory.TEAM_CHANGE, channel) == Mode.DIGEST);
    }

    /** Builds the digest from what the repository read, in English. */
    static DigestContent of(List<NotificationRepository.DigestWin> wins,
            List<NotificationRepository.DigestUnread> unread, List<NotificationRepository.DigestCheer> cheers,
            List<NotificationRepository.DigestFlag> flags, List<NotificationRepository.DigestTeamChange> team,
            boolean includeContent) {
        Map<UUID, Builder> byChild = new LinkedHashMap<>();
        for (NotificationRepository.DigestWin w : wins) {
            Builder b = byChild.computeIfAbsent(w.childId(), id -> new Builder(w.childName()));
            b.winCount++;
            b.firstTimes += w.firstTime() ? 1 : 0;
            String what = w.goal() == null ? "a win of its own, on no goal" : w.goal();
            String line = (w.firstTime() ? "First time! " : "") + capitalize(what);
            b.wins.add(includeContent ? line + ": \u201c" + w.text() + "\u201d" : line);
        }
        for (NotificationRepository.DigestUnread u : unread) {
            Builder b = byChild.computeIfAbsent(u.childId(), id -> new Builder(u.childName()));
            String where = "TEAM".equals(u.conversationKind()) ? "the team conversation"
                    : u.title() == null ? "a private conversation" : "\u201c" + u.title() + "\u201d";
            b.unread.add(count(u.unread(), "unread message") + " in " + where
                    + (u.urgent() > 0 ? " (" + u.urgent() + " urgent)" : ""));
        }
        for (NotificationRepository.DigestCheer c : cheers) {
            Builder b = byChild.computeIfAbsent(c.childId(), id -> new Builder(c.childName()));
            String line = NotificationTexts.someone(c.capacity()) + " cheered what you wrote";
            b.cheers.add(includeContent ? line + ": \u201c" + c.note() + "\u201d" : line + ".");
        }
        for (NotificationRepository.DigestFlag f : flags) {
            byChild.computeIfAbsent(f.childId(), id -> new Builder(f.childName())).flags.add(
                    "On paper and in real life, \u201c" + f.goal() + "\u201d tells a different story.");
        }
        for (NotificationRepository.DigestTeamChange t : team) {
            byChild.computeIfAbsent(t.childId(), id -> new Builder(t.childName())).team.add(
                    capitalize(t.relationship()) + (t.joined() ? " joined the team." : " left the team."));
        }
        List<ChildPart> parts = new ArrayList<>();
        byChild.values().forEach(b -> parts.add(b.build()));
        return new DigestContent(parts);
    }

    private static final class Builder {
        final String name;
        int winCount;
        int firstTimes;
        final List<String> wins = new ArrayList<>();
        final List<String> unread = new ArrayList<>();
        final List<String> cheers = new ArrayList<>();
        final List<String> flags = new ArrayList<>();
        final List<String> team = new ArrayList<>();

        Builder(String name) {
            this.name = name;
        }

        ChildPart build() {
            String headline;
            if (winCount == 0) {
                headline = name;
            } else if (firstTimes == 0) {
                headline = name + ": " + count(winCount, "win") + " since your last digest.";
            } else {
                headline = name + ": " + count(winCount, "win") + " since your last digest, "
                        + (firstTimes == 1 ? (winCount == 1 ? "and it was a first time!" : "one of them a first time!")
                                : firstTimes + " of them first times!");
            }
            return new ChildPart(name, headline, wins, unread, cheers, flags, team);
        }
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String capitalize(String text) {
        return text == null || text.isEmpty() ? "" : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
