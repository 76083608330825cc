package app.smallwins.progress;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import app.smallwins.access.ChildGrant;
import app.smallwins.common.SmallWinsConfig;
import app.smallwins.live.EventRefs;
import app.smallwins.live.EventType;
import app.smallwins.live.LiveEvents;
import app.smallwins.live.RecordChanged;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;

/**
 * Announces the paper-reality gap when it flips: {@code progress.flagged} when the rules start
 * flagging a goal marked met, {@code progress.cleared} when they stop. What was last announced
 * is kept per goal; each check compares the rules' answer with it, under a lock per child, so
 * a flip is announced once however many nodes and transactions look.
 *
 * <p>Two things flip a gap: a change to the record (checked in the change's own transaction,
 * so the event commits with it) and time alone (no win at the goal's level for 14 days, a hard
 * moment leaving the window), checked every {@code smallwins.live.gap-check-interval} by one
 * node.
 */
@ApplicationScoped
public class GapWatch {

    private static final Logger LOG = Logger.getLogger(GapWatch.class);

    private final ProgressService progress;
    private final ProgressRepository flags;
    private final LiveEvents live;
    private final Duration interval;

    GapWatch(ProgressService progress, ProgressRepository flags, LiveEvents live, SmallWinsConfig config) {
        this.progress = progress;
        this.flags = flags;
        this.live = live;
        this.interval = config.live().gapCheckInterval();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void recordChanged(@Observes RecordChanged change) {
        check(change.grant());
    }

    /** Compares the rules' answer with what was last announced, and announces the difference. */
    @Transactional(Transactional.TxType.MANDATORY)
    void check(ChildGrant grant) {
        UUID child = grant.childId();
        if (!flags.hasGapsToWatch(child)) {
            return; // most children, most of the time: no goal marked met, nothing announced
        }
        flags.lockGapFlags(child);
        Set<UUID> announced = flags.flaggedGoals(child);
        Set<UUID> flagged = progress.flaggedGoals(grant);
        Set<UUID> raised = new HashSet<>(flagged);
        raised.removeAll(announced);
        Set<UUID> cleared = new HashSet<>(announced);
        cleared.removeAll(flagged);
        for (UUID goal : raised) {
            flags.setGapFlag(child, goal, true);
            live.emit(grant, EventType.PROGRESS_FLAGGED, EventRefs.goal(goal));
        }
        for (UUID goal : cleared) {
            flags.setGapFlag(child, goal, false);
            live.emit(grant, EventType.PROGRESS_CLEARED, EventRefs.goal(goal));
        }
    }

    @Scheduled(identity = "gap-watch", every = "${smallwins.live.gap-check-interval}", delayed = "1M",
            concurrentExecution = ConcurrentExecution.SKIP)
    void checkOnSchedule() {
        try {
            checkAll();
        } catch (RuntimeException e) {
            LOG.warnf("The time-driven gap check failed: %s", e.getClass().getName());
        }
    }

    /** One round over every child with a goal marked met (or a gap announced), if no node did it lately; how many checked. */
    public int checkAll() {
        if (!QuarkusTransaction.requiringNew().call(() -> flags.claimGapRound(interval.dividedBy(2)))) {
            return 0;
        }
        List<UUID> children = QuarkusTransaction.requiringNew().call(flags::childrenWithGapsToWatch);
        for (UUID child : children) {
            QuarkusTransaction.requiringNew().run(() -> check(ChildGrant.forServerRules(child)));
        }
        return children.size();
    }
}
