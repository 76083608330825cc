package app.smallwins.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import app.smallwins.common.security.Role;
import app.smallwins.live.EventRecipient;
import app.smallwins.live.EventsCommitted;
import app.smallwins.live.LiveEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;

/**
 * Turns live events into notifications. Each time the node's event listener wakes, the
 * planner reads the events after its place, asks who may see them (the rules of the GETs they
 * announce), and writes one notification per person and channel that wants it at once,
 * queued now or held until quiet hours end. One node plans at a time (it holds the planner
 * row); a second node that wakes meanwhile skips, and the unique index on (person, event,
 * channel) keeps a repeat from being written twice.
 */
@ApplicationScoped
public class NotificationPlanner {

    private static final Logger LOG = Logger.getLogger(NotificationPlanner.class);
    private static final int BATCH = 500;

    private final NotificationRepository notifications;
    private final NotificationSettingsService settings;
    private final NotificationQueue queue;
    private final PushChannel push;
    private final LiveEvents live;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "notification-planner");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean pending = new AtomicBoolean();

    NotificationPlanner(NotificationRepository notifications, NotificationSettingsService settings,
            NotificationQueue queue, PushChannel push, LiveEvents live, Clock clock) {
        this.notifications = notifications;
        this.settings = settings;
        this.queue = queue;
        this.push = push;
        this.live = live;
        this.clock = clock;
    }

    /** Called on the listener thread: notes the work and returns; wake-ups during a run fold into one more run. */
    void wake(@Observes EventsCommitted committed) {
        if (pending.compareAndSet(false, true)) {
            worker.execute(this::drain);
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        worker.shutdownNow();
    }

    private void drain() {
        pending.set(false);
        try {
            boolean planned = false;
            while (QuarkusTransaction.requiringNew().call(this::planBatch)) {
                planned = true;
            }
            if (planned) {
                queue.wake();
            }
        } catch (RuntimeException e) {
            // The events stay in the table and the place did not move: the next wake-up tries again.
            LOG.warnf("Notifications: planning failed (%s); retrying at the next wake-up", e.getClass().getSimpleName());
        }
    }

    /** Plans the next batch of events; false when there was nothing to plan or another node is planning. */
    boolean planBatch() {
        Optional<Long> claimed = notifications.claimPlanner();
        if (claimed.isEmpty()) {
            return false;
        }
        long after = claimed.get();
        long upTo = notifications.batchEnd(after, BATCH);
        if (upTo == 0) {
            return false;
        }
        List<NotificationRepository.Happening> happenings = notifications.happenings(after, upTo);
        if (!happenings.isEmpty()) {
            Instant now = clock.instant();
            List<NotificationRepository.Planned> planned = plan(happenings, live.audience(after, upTo), now);
            queue.queue(notifications.insertPlanned(planned, now));
        }
        notifications.movePlanner(upTo);
        return true;
    }

    private List<NotificationRepository.Planned> plan(List<NotificationRepository.Happening> happenings,
            List<EventRecipient> audience, Instant now) {
        Map<Long, List<EventRecipient>> byEvent = new HashMap<>();
        for (EventRecipient r : audience) {
            byEvent.computeIfAbsent(r.eventId(), id -> new ArrayList<>()).add(r);
        }
        Map<UUID, NotificationSettingsService.Reach> reach = settings.reach(audience.stream()
                .map(EventRecipient::userId).distinct().toArray(UUID[]::new));
        List<NotificationRepository.Planned> planned = new ArrayList<>();
        for (NotificationRepository.Happening h : happenings) {
            Optional<NotificationCategory> category = categoryOf(h);
            if (category.isEmpty()) {
                continue;
            }
            // From staff, an urgent message passes quiet hours; a family's is urgent but waits for staff's morning.
            boolean passesQuietHours = category.get() == NotificationCategory.URGENT_MESSAGE
                    && !Role.PARENT.equals(h.actorCapacity());
            for (EventRecipient r : byEvent.getOrDefault(h.eventId(), List.of())) {
                NotificationSettingsService.Reach person = reach.get(r.userId());
                if (person == null || !concerns(h, r)) {
                    continue;
                }
                for (Channel channel : Channel.values()) {
                    Mode mode = person.settings().mode(category.get(), channel);
                    boolean wanted = mode == Mode.INSTANT || passesQuietHours && mode != Mode.OFF;
                    if (!wanted || !channel.reaches(person.email(), person.hasPushDevice(), push.isEnabled())) {
                        continue;
                    }
                    Optional<Instant> quietUntil = person.settings().quiet()
                            .flatMap(q -> q.endAfter(now, person.settings().zone()));
                    boolean held = quietUntil.isPresent() && !passesQuietHours;
                    planned.add(new NotificationRepository.Planned(UUID.randomUUID(), r.userId(), h.childId(),
                            category.get(), channel, h.eventId(), h.conversationId(), h.messageId(), h.observationId(),
                            h.goalId(), held ? NotificationStatus.HELD : NotificationStatus.QUEUED,
                            held ? quietUntil.get() : null, quietUntil.isPresent() && passesQuietHours));
                }
            }
        }
        return planned;
    }

    /** What an event is, as a notification; empty for the events no one is notified of. */
    static Optional<NotificationCategory> categoryOf(NotificationRepository.Happening h) {
        return Optional.ofNullable(switch (h.type()) {
            case "message.posted" -> h.urgent() ? NotificationCategory.URGENT_MESSAGE : NotificationCategory.MESSAGE;
            case "observation.recorded" -> "WIN".equals(h.observationKind()) ? NotificationCategory.WIN : null;
            case "cheer.added" -> NotificationCategory.CHEER;
            case "progress.flagged" -> NotificationCategory.PROGRESS_FLAG;
            case "team.changed" -> NotificationCategory.TEAM_CHANGE;
            default -> null;
        });
    }

    /** Nobody is notified of what they did themselves; a cheer goes to the author of what was cheered. */
    private static boolean concerns(NotificationRepository.Happening h, EventRecipient r) {
        if (r.userId().equals(h.actorId())) {
            return false;
        }
        return !"cheer.added".equals(h.type()) || r.userId().equals(h.cheeredAuthorId());
    }
}
