package app.smallwins.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import app.smallwins.common.SmallWinsConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The persistent job queue notifications are sent through: db-scheduler on its table in
 * PostgreSQL (V9__notifications.sql). Each notification is one execution, named by the
 * notification's id, due now or when quiet hours end; any node picks it, one node runs it, and
 * an execution whose node died is revived on another. Executions are scheduled on the
 * connection of the caller's transaction, so a notification row and its execution are written
 * together or not at all.
 */
@ApplicationScoped
public class NotificationQueue {

    static final String SEND = "send-notification";
    static final String PLAN_DIGESTS = "plan-digests";
    static final String PURGE = "purge-notifications";

    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final SmallWinsConfig.Notifications config;
    private final Instance<NotificationSender> sender;
    private final CustomTask<Void> send;
    private final RecurringTask<Void> planDigests;
    private final RecurringTask<Void> purge;
    private volatile Scheduler scheduler;

    NotificationQueue(AgroalDataSource dataSource, Clock clock, SmallWinsConfig config,
            Instance<NotificationSender> sender, Instance<DigestPlanner> digests,
            Instance<NotificationRetention> retention) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.config = config.notifications();
        this.sender = sender;
        this.send = Tasks.custom(SEND, Void.class)
                // A failure the sender did not expect (it handles the channels' own): try again later.
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(this.config.firstRetryDelay()))
                .onDeadExecutionRevive()
                .execute((instance, context) -> completion(
                        this.sender.get().send(UUID.fromString(instance.getId()))));
        // One execution for the whole cluster: whichever node picks it plans the round.
        this.planDigests = Tasks.recurring(PLAN_DIGESTS, FixedDelay.of(this.config.digestCheckInterval()))
                .execute((instance, context) -> digests.get().planDue());
        this.purge = Tasks.recurring(PURGE, FixedDelay.of(this.config.purgeInterval()))
                .execute((instance, context) -> retention.get().purge());
    }

    void start(@Observes StartupEvent started) {
        scheduler = Scheduler.create(dataSource, send)
                .startTasks(planDigests, purge)
                .schedulerName(new SchedulerName.Fixed(new SchedulerName.Hostname().getName() + "/" + ProcessHandle.current().pid()))
                .threads(config.threads())
                .pollingInterval(config.pollInterval())
                .heartbeatInterval(config.heartbeatInterval())
                .missedHeartbeatsLimit(4)
                .clock(clock::instant)
                .build();
        scheduler.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (scheduler != null) {
            scheduler.stop();
        }
    }

    /** Queues notifications, each at its due time, in the caller's transaction. */
    void queue(List<NotificationRepository.Queued> queued) {
        if (!queued.isEmpty()) {
            scheduler.scheduleBatch(queued.stream()
                    .<SchedulableInstance<?>>map(q -> SchedulableInstance.of(instance(q.id()), q.due())).toList());
        }
    }

    /**
     * Moves a held notification's execution (quiet hours changed). One that a node is sending
     * at this moment is left alone: it is on its way already.
     */
    void moveTo(UUID notificationId, Instant due) {
        try {
            scheduler.reschedule(instance(notificationId), due);
        } catch (TaskInstanceCurrentlyExecutingException sending) {
            // nothing to move
        }
    }

    /** Looks for due executions now rather than at the next poll (after planning committed some). */
    void wake() {
        Scheduler running = scheduler;
        if (running != null) {
            running.triggerCheckForDueExecutions();
        }
    }

    private TaskInstance<Void> instance(UUID notificationId) {
        return send.instance(notificationId.toString());
    }

    private static CompletionHandler<Void> completion(NotificationSender.Outcome outcome) {
        if (outcome.retryAt() == null) {
            return new CompletionHandler.OnCompleteRemove<>();
        }
        return (complete, operations) -> operations.reschedule(complete, outcome.retryAt());
    }
}
