package app.smallwins.live;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import app.smallwins.access.ChildGrant;
import app.smallwins.common.Times;

/**
 * Where features announce their changes. An event joins the caller's transaction: it is
 * written just before that transaction commits, all of the transaction's events in one
 * statement, so a rolled-back change leaves none and an acknowledged one always has its
 * event. Writing them last keeps the id lock (V8__live_events.sql) for the commit only: the
 * change's own rows are already written when it is taken, so no transaction waits for it
 * while holding a row another needs.
 */
@ApplicationScoped
public class LiveEvents {

    private static final Object PENDING = LiveEvents.class.getName() + ".pending";

    private final DataSource dataSource;
    private final LiveEventRepository events;
    private final TransactionManager transactions;
    private final TransactionSynchronizationRegistry registry;
    private final Event<RecordChanged> recordChanged;

    LiveEvents(DataSource dataSource, LiveEventRepository events, TransactionManager transactions,
            TransactionSynchronizationRegistry registry, Event<RecordChanged> recordChanged) {
        this.recordChanged = recordChanged;
        this.dataSource = dataSource;
        this.events = events;
        this.transactions = transactions;
        this.registry = registry;
    }

    /** For everyone on the child's team whose capacity may read what changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void emit(ChildGrant grant, EventType type, EventRefs refs) {
        add(new LiveEventRepository.Pending(grant.childId(), type, Times.now(), type.roles(), null, refs));
        if (type.movesProgress()) {
            recordChanged.fire(new RecordChanged(grant, type));
        }
    }

    /** For one member of the team only (their own unread counts). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void emitTo(ChildGrant grant, UUID memberId, EventType type, EventRefs refs) {
        add(new LiveEventRepository.Pending(grant.childId(), type, Times.now(), type.roles(), memberId, refs));
    }

    /** To a person who has just left the team: they may no longer see the child, but learn that they left. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void tellFormerMember(ChildGrant grant, UUID userId, EventRefs refs) {
        add(new LiveEventRepository.Pending(grant.childId(), EventType.TEAM_CHANGED, Times.now(), null, userId, refs));
    }

    /**
     * Who may see each event of a range (after one id, up to another), by the rules of the GETs
     * they announce as those rules stand now: what notifications are planned from.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<EventRecipient> audience(long after, long upTo) {
        return events.recipients(after, upTo);
    }

    private void add(LiveEventRepository.Pending event) {
        @SuppressWarnings("unchecked")
        List<LiveEventRepository.Pending> pending = (List<LiveEventRepository.Pending>) registry.getResource(PENDING);
        if (pending == null) {
            List<LiveEventRepository.Pending> fresh = new ArrayList<>();
            registry.putResource(PENDING, fresh);
            writeBeforeCommit(fresh);
            pending = fresh;
        }
        pending.add(event);
    }

    /**
     * Registered on the transaction after Hibernate joined it, so it runs after Hibernate's own
     * flush: the change's rows are written before the id lock is taken. The insert goes through
     * the data source, which hands out the connection already enlisted in the transaction.
     */
    private void writeBeforeCommit(List<LiveEventRepository.Pending> pending) {
        try {
            transactions.getTransaction().registerSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    try (Connection connection = dataSource.getConnection()) {
                        LiveEventRepository.insert(connection, pending);
                    } catch (SQLException e) {
                        // Thrown here, it rolls the transaction back: no change without its event.
                        throw new IllegalStateException("The live events could not be written", e);
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    // Nothing to undo: the rows went with the transaction, or never existed.
                }
            });
        } catch (RollbackException | SystemException e) {
            throw new IllegalStateException("The transaction cannot take its live events", e);
        }
    }
}
