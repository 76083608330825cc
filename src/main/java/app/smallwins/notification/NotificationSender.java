package app.smallwins.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.smallwins.access.ChildGrant;
import app.smallwins.common.SmallWinsConfig;
import app.smallwins.common.security.Role;
import app.smallwins.progress.ProgressService;
import app.smallwins.progress.WinsSummaryView;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Sends one queued notification on its channel and records what happened. A failure the
 * channel may get over (a mail server down, a push service busy) is retried with back-off, a
 * push service's Retry-After honoured, up to {@code max-attempts}; one it will not (no address,
 * every device unsubscribed, no longer on the team) ends as FAILED with the reason in words.
 * No transaction is held while the network is used.
 */
@ApplicationScoped
public class NotificationSender {

    private static final Logger LOG = Logger.getLogger(NotificationSender.class);

    private final NotificationRepository notifications;
    private final NotificationSettingsService settings;
    private final MailChannel mail;
    private final PushChannel push;
    private final ObjectMapper json;
    private final Clock clock;
    private final ProgressService progress;
    private final SmallWinsConfig.Notifications config;

    NotificationSender(NotificationRepository notifications, NotificationSettingsService settings, MailChannel mail,
            PushChannel push, ObjectMapper json, Clock clock, ProgressService progress, SmallWinsConfig config) {
        this.progress = progress;
        this.notifications = notifications;
        this.settings = settings;
        this.mail = mail;
        this.push = push;
        this.json = json;
        this.clock = clock;
        this.config = config.notifications();
    }

    /** What the queue does next: nothing (sent, or given up), or run again at a time. */
    record Outcome(Instant retryAt) {

        static final Outcome DONE = new Outcome(null);
    }

    Outcome send(UUID id) {
        Optional<NotificationRepository.Outgoing> found = QuarkusTransaction.requiringNew()
                .call(() -> notifications.outgoing(id));
        if (found.isEmpty() || found.get().status() == NotificationStatus.SENT
                || found.get().status() == NotificationStatus.FAILED) {
            return Outcome.DONE;
        }
        NotificationRepository.Outgoing n = found.get();
        if (!n.stillOnTeam() && n.category() != NotificationCategory.TEAM_CHANGE) {
            return fail(n, "No longer on the child's team", false);
        }
        NotificationSettings chosen = settings.resolve(n.stored(), n.family(), n.defaultZone());
        return n.channel() == Channel.EMAIL ? sendMail(n, chosen) : sendPush(n);
    }

    private Outcome sendMail(NotificationRepository.Outgoing n, NotificationSettings chosen) {
        if (n.email() == null) {
            return fail(n, "No verified e-mail address", false);
        }
        Instant now = clock.instant();
        try {
            switch (n.category()) {
                case DAILY_DIGEST -> {
                    DigestContent content = QuarkusTransaction.requiringNew().call(() -> digest(n, chosen));
                    if (content.isEmpty()) {
                        return fail(n, "Nothing was left to tell when it was due (everything had been read)", false);
                    }
                    mail.sendDigest(n, chosen, content, now);
                }
                case WEEKLY_SUMMARY -> {
                    List<MailChannel.WeeklyPart> weeks = weeks(n, chosen);
                    if (weeks.isEmpty()) {
                        return fail(n, "No wins were recorded that week", false);
                    }
                    mail.sendWeekly(n, chosen, weeks, now);
                }
                default -> mail.sendInstant(n, chosen, now);
            }
        } catch (RuntimeException e) {
            LOG.infof("Notifications: the mail server did not take notification %s (%s)", n.id(),
                    e.getClass().getSimpleName());
            return retry(n, "The mail server could not be reached or refused the mail", Duration.ZERO);
        }
        return sent(n, now);
    }

    private Outcome sendPush(NotificationRepository.Outgoing n) {
        if (!push.isEnabled()) {
            return fail(n, "Web Push is not turned on for this server", false);
        }
        List<NotificationRepository.Subscription> devices = QuarkusTransaction.requiringNew()
                .call(() -> notifications.subscriptions(n.userId()));
        if (devices.isEmpty()) {
            return fail(n, "No device has notifications turned on", false);
        }
        Instant now = clock.instant();
        String payload = payload(n);
        boolean accepted = false;
        boolean worthRetrying = false;
        Duration wait = Duration.ZERO;
        for (NotificationRepository.Subscription device : devices) {
            try {
                PushChannel.Answer answer = push.send(device, payload, n.id().toString().replace("-", ""),
                        n.category() == NotificationCategory.URGENT_MESSAGE, now);
                if (answer.accepted()) {
                    accepted = true;
                } else if (answer.gone()) {
                    QuarkusTransaction.requiringNew().run(() -> notifications.forgetSubscription(device.id()));
                } else {
                    worthRetrying = true;
                    wait = answer.retryAfter().filter(w -> w.compareTo(Duration.ZERO) > 0).orElse(wait);
                }
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                worthRetrying = true;
            }
        }
        if (accepted) {
            return sent(n, now);
        }
        if (worthRetrying) {
            return retry(n, wait.isZero() ? "The push service could not be reached or refused it"
                    : "The push service asked to wait", wait);
        }
        return fail(n, "Every device had turned notifications off", true);
    }

    /** A daily digest's content, read as it is sent: what happened between its planning points. */
    private DigestContent digest(NotificationRepository.Outgoing n, NotificationSettings chosen) {
        Instant since = n.periodStart();
        Instant until = n.createdAt();
        boolean wins = chosen.mode(NotificationCategory.WIN, Channel.EMAIL) == Mode.DIGEST;
        boolean messages = chosen.mode(NotificationCategory.MESSAGE, Channel.EMAIL) == Mode.DIGEST;
        boolean cheers = chosen.mode(NotificationCategory.CHEER, Channel.EMAIL) == Mode.DIGEST;
        boolean flags = chosen.mode(NotificationCategory.PROGRESS_FLAG, Channel.EMAIL) == Mode.DIGEST;
        boolean team = chosen.mode(NotificationCategory.TEAM_CHANGE, Channel.EMAIL) == Mode.DIGEST;
        return DigestContent.of(
                wins ? notifications.digestWins(n.userId(), since, until, DigestContent.MOST_LISTED) : List.of(),
                messages ? notifications.digestUnread(n.userId()) : List.of(),
                cheers ? notifications.digestCheers(n.userId(), since, until, DigestContent.MOST_LISTED) : List.of(),
                flags ? notifications.digestFlags(n.userId(), since, until) : List.of(),
                team ? notifications.digestTeamChanges(n.userId(), since, until) : List.of(),
                chosen.includeContent());
    }

    /**
     * The weekly summary: each child's week as the progress views tell it (the week containing
     * the summary's day, in the child's time zone), scaled to its size, with what the child
     * celebrates with. The narrator's sentence quotes the wins, so a person who has not asked
     * for content gets the counts instead.
     */
    private List<MailChannel.WeeklyPart> weeks(NotificationRepository.Outgoing n, NotificationSettings chosen) {
        List<NotificationRepository.Membership> memberships = QuarkusTransaction.requiringNew()
                .call(() -> notifications.memberships(n.userId()));
        List<MailChannel.WeeklyPart> weeks = new java.util.ArrayList<>();
        for (NotificationRepository.Membership m : memberships) {
            WinsSummaryView week = progress.weekForEmail(
                    ChildGrant.forMember(m.childId(), n.userId(), Role.valueOf(m.role())), n.digestDate());
            if (week.wins() > 0) {
                String name = QuarkusTransaction.requiringNew().call(() -> notifications.childName(m.childId()));
                String counted = DigestContent.count(week.wins(), "win") + " this week"
                        + (week.firstTimes() == 0 ? "." : week.firstTimes() == 1 ? ", one of them a first time!"
                                : ", " + week.firstTimes() + " of them first times!");
                weeks.add(new MailChannel.WeeklyPart(name, chosen.includeContent() ? week.summary() : counted,
                        week.celebration()));
            }
        }
        return weeks;
    }

    /**
     * The payload a service worker gets: the category, a title in words that name no one, and
     * opaque ids to fetch the rest with the person's own token. Nothing personal.
     */
    private String payload(NotificationRepository.Outgoing n) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("notificationId", n.id());
        body.put("category", n.category());
        body.put("title", NotificationTexts.pushTitle(n.category()));
        body.put("childId", n.childId());
        body.put("conversationId", n.conversationId());
        body.put("messageId", n.messageId());
        body.put("observationId", n.observationId());
        body.put("goalId", n.goalId());
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A push payload could not be written", e);
        }
    }

    private Outcome sent(NotificationRepository.Outgoing n, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> notifications.markSent(n.id(), at));
        return Outcome.DONE;
    }

    private Outcome fail(NotificationRepository.Outgoing n, String reason, boolean attempted) {
        QuarkusTransaction.requiringNew().run(() -> notifications.markFailed(n.id(), reason, attempted));
        return Outcome.DONE;
    }

    /** Tries again after the back-off (or the service's own wait, if longer), or gives up after the last attempt. */
    private Outcome retry(NotificationRepository.Outgoing n, String reason, Duration asked) {
        int attempts = n.attempts() + 1;
        if (attempts >= config.maxAttempts()) {
            QuarkusTransaction.requiringNew().run(() -> notifications.markFailed(n.id(), reason, true));
            return Outcome.DONE;
        }
        Duration backOff = config.firstRetryDelay().multipliedBy(1L << Math.min(attempts - 1, 20));
        if (backOff.compareTo(config.maxRetryDelay()) > 0) {
            backOff = config.maxRetryDelay();
        }
        Duration wait = asked.compareTo(backOff) > 0 ? asked : backOff;
        QuarkusTransaction.requiringNew().run(() -> notifications.markRetrying(n.id(), reason));
        return new Outcome(clock.instant().plus(wait));
    }
}
