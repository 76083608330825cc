package app.smallwins.common.error;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import javax.transaction.xa.XAException;

import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;

/** Which failures mean "the database cannot be reached" (503) rather than a bug (500). */
class DatabaseUnreachableTest {

    @Test
    void connectionClassSqlStatesAnywhereInTheChainAreUnreachable() {
        for (String state : new String[] { "08001", "08006", "08003", "57P01", "57P02", "57P03", "53300" }) {
            assertTrue(ProblemMappers.databaseUnreachable(
                    new PersistenceException(new RuntimeException(new SQLException("gone", state)))), state);
        }
    }

    @Test
    void aBrokenCommitIsUnreachable() {
        XAException xa = new XAException(XAException.XAER_RMERR);
        xa.initCause(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        RollbackException rollback = new RollbackException("ARJUNA016053");
        rollback.initCause(xa);
        assertTrue(ProblemMappers.databaseUnreachable(rollback));
    }

    @Test
    void theDriversAndThePoolsOwnSignalsAreUnreachable() {
        assertTrue(ProblemMappers.databaseUnreachable(
                new JDBCConnectionException("could not connect", new SQLException("x"))));
        assertTrue(ProblemMappers.databaseUnreachable(new RuntimeException(new SQLTransientConnectionException())));
        assertTrue(ProblemMappers.databaseUnreachable(new PersistenceException(
                new SQLException("Acquisition timeout while waiting for new connection"))));
        SQLException batch = new SQLException("Batch entry 0 failed", "XX000");
        batch.setNextException(new SQLException("terminating connection due to administrator command", "57P01"));
        assertTrue(ProblemMappers.databaseUnreachable(batch));
    }

    @Test
    void statementFailuresAndBugsAreNot() {
        assertFalse(ProblemMappers.databaseUnreachable(new ConstraintViolationException("duplicate",
                new SQLException("duplicate key", "23505"), "team_membership_invitation")));
        assertFalse(ProblemMappers.databaseUnreachable(new SQLException("division by zero", "22012")));
        assertFalse(ProblemMappers.databaseUnreachable(new IllegalStateException("bug")));
        RuntimeException cycle = new RuntimeException("a");
        RuntimeException other = new RuntimeException("b", cycle);
        cycle.initCause(other);
        assertFalse(ProblemMappers.databaseUnreachable(cycle));
    }
}
