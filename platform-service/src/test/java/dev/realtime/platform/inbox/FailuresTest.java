package dev.realtime.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rule that sends a failed record to the dead-letter topic or back for another try. */
class FailuresTest {

    @ParameterizedTest
    @ValueSource(strings = { "22001", "23505", "23514", "42P01", "42501" })
    void dataConstraintAndSyntaxErrorsArePoison(String state) {
        assertFalse(Failures.isTransient(wrapped(new SQLException("refused", state))));
    }

    @ParameterizedTest
    @ValueSource(strings = { "08001", "08006", "53300", "57P01", "40001", "40P01", "XX000" })
    void connectionResourceShutdownAndConflictErrorsAreTransient(String state) {
        assertTrue(Failures.isTransient(wrapped(new SQLException("unavailable", state))));
    }

    @Test
    void aPoolTimeoutWithoutStateIsTransient() {
        assertTrue(Failures.isTransient(wrapped(new SQLException("Acquisition timeout while waiting for new connection"))));
    }

    @Test
    void theOutermostExplicitMarkerDecides() {
        assertFalse(Failures.isTransient(new PoisonRecordException("no",
                new TransientFailureException("down", new SQLException("x", "08006")))));
        assertTrue(Failures.isTransient(new IllegalStateException("wrapped",
                new TransientFailureException("down", new SQLException("x", "23505")))));
    }

    @Test
    void anUnknownExceptionIsPoison() {
        assertFalse(Failures.isTransient(new IllegalArgumentException("bad amount")));
        assertFalse(Failures.isTransient(new NullPointerException()));
    }

    /** As Hibernate and the transaction manager hand them on: the SQL exception a few causes deep. */
    private static RuntimeException wrapped(SQLException cause) {
        return new IllegalStateException("commit failed", new RuntimeException("JDBC exception", cause));
    }
}
