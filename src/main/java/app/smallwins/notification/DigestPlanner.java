package app.smallwins.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Plans each person's daily digest and weekly summary, on their own clock: once their digest
 * time has passed on one of their digest days (the weekly summary on its day), a digest is
 * planned for that local date, covering everything since the last one, on each channel where
 * they take some category as a digest, if there is anything to tell. Runs as one recurring job
 * of the queue, so one node plans a round; the unique index on (person, kind, day, channel)
 * would keep a repeat out anyway.
 */
@ApplicationScoped
public class DigestPlanner {

    private static final Logger LOG = Logger.getLogger(DigestPlanner.class);

    private static final int BATCH = 1_000;
    /** A first digest, or one after a long gap, covers at most this far back. */
    private static final Duration LONGEST_COVER = Duration.ofDays(7);

    private final NotificationRepository notifications;
    private final NotificationSettingsService settings;
    private final NotificationQueue queue;
    private final PushChannel push;
    private final Clock clock;

    DigestPlanner(NotificationRepository notifications, NotificationSettingsService settings, NotificationQueue queue,
            PushChannel push, Clock clock) {
        this.notifications = notifications;
        this.settings = settings;
        this.queue = queue;
        this.push = push;
        this.clock = clock;
    }

    /** A person whose digest (or summary) is due today, on which channels, covering since when. */
    private record Due(UUID userId, LocalDate day, Instant since, List<Channel> channels, NotificationSettings settings) {
    }

    /** One round: everyone whose digest time has passed today and who has not had today's. */
    public void planDue() {
        long started = System.nanoTime();
        Instant now = clock.instant();
        List<NotificationRepository.DigestCandidate> people = QuarkusTransaction.requiringNew()
                .call(notifications::digestCandidates);
        List<Due> daily = new ArrayList<>();
        List<Due> weekly = new ArrayList<>();
        for (NotificationRepository.DigestCandidate p : people) {
            NotificationSettings chosen = settings.resolve(p.stored(), p.family(), p.defaultZone());
            ZonedDateTime local = now.atZone(chosen.zone());
            LocalDate day = local.toLocalDate();
            if (local.toLocalTime().isBefore(chosen.digestTime())) {
                continue;
            }
            Weekday weekday = Weekday.of(day.getDayOfWeek());
            if (chosen.digest().days().contains(weekday) && (p.lastDaily() == null || p.lastDaily().isBefore(day))) {
                Instant since = p.lastDailyAt() == null ? now.minus(Duration.ofDays(1)) : p.lastDailyAt();
                if (since.isBefore(now.minus(LONGEST_COVER))) {
                    since = now.minus(LONGEST_COVER);
                }
                daily.add(new Due(p.userId(), day, since, channels(p, chosen, false), chosen));
            }
            if (chosen.weeklySummaryDay() == weekday && (p.lastWeekly() == null || p.lastWeekly().isBefore(day))) {
                weekly.add(new Due(p.userId(), day, now.minus(Duration.ofDays(7)), channels(p, chosen, true), chosen));
            }
        }
        int planned = 0;
        for (int i = 0; i < daily.size(); i += BATCH) {
            List<Due> batch = daily.subList(i, Math.min(daily.size(), i + BATCH));
            planned += QuarkusTransaction.requiringNew().call(() -> plan(NotificationCategory.DAILY_DIGEST, batch, now));
        }
        for (int i = 0; i < weekly.size(); i += BATCH) {
            List<Due> batch = weekly.subList(i, Math.min(weekly.size(), i + BATCH));
            planned += QuarkusTransaction.requiringNew().call(() -> plan(NotificationCategory.WEEKLY_SUMMARY, batch, now));
        }
        if (!daily.isEmpty() || !weekly.isEmpty()) {
            queue.wake();
            LOG.infof("Digests: %d daily and %d weekly due among %d people; %d planned in %d ms", daily.size(),
                    weekly.size(), people.size(), planned, (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** The channels a person takes a digest (or the weekly summary) on, and can be reached on. */
    private List<Channel> channels(NotificationRepository.DigestCandidate p, NotificationSettings chosen,
            boolean weeklySummary) {
        List<Channel> channels = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            boolean reachable = channel.reaches(p.email(), p.hasPushDevice(), push.isEnabled());
            boolean wanted = weeklySummary
                    ? chosen.mode(NotificationCategory.WEEKLY_SUMMARY, channel) != Mode.OFF
                    : DigestContent.PARTS.stream().anyMatch(c -> chosen.mode(c, channel) == Mode.DIGEST);
            if (reachable && wanted) {
                channels.add(channel);
            }
        }
        return channels;
    }

    /** Plans one batch; returns how many digests it wrote. */
    private int plan(NotificationCategory kind, List<Due> batch, Instant now) {
        List<NotificationRepository.NewsQuestion> questions = new ArrayList<>();
        List<Due> asked = new ArrayList<>();
        List<Channel> askedChannel = new ArrayList<>();
        for (Due due : batch) {
            for (Channel channel : due.channels()) {
                questions.add(kind == NotificationCategory.WEEKLY_SUMMARY
                        ? new NotificationRepository.NewsQuestion(due.userId(), due.since(), true, false, false, false,
                                false)
                        : DigestContent.question(due.userId(), due.since(), due.settings(), channel));
                asked.add(due);
                askedChannel.add(channel);
            }
        }
        Set<Integer> withNews = new HashSet<>(notifications.withNews(questions, now));
        List<NotificationRepository.PlannedDigest> planned = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            if (withNews.contains(i + 1)) {
                Due due = asked.get(i);
                planned.add(new NotificationRepository.PlannedDigest(UUID.randomUUID(), due.userId(), kind,
                        askedChannel.get(i), due.day(), due.since()));
            }
        }
        List<NotificationRepository.Queued> written = notifications.insertDigests(planned, now);
        queue.queue(written);
        notifications.markDigestDays(kind, batch.stream().map(Due::userId).toList(),
                batch.stream().map(Due::day).toList(), now);
        return written.size();
    }
}
