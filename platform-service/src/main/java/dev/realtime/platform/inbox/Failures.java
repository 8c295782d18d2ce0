package dev.realtime.platform.inbox;

import java.sql.SQLException;
import java.util.Set;

/**
 * Tells a transient failure (retry the record in place) from a poison one (dead-letter it). The rule:
 * <ul>
 * <li>an explicit {@link PoisonRecordException} or {@link TransientFailureException} anywhere in the cause
 * chain decides, the outermost first;</li>
 * <li>otherwise the first {@link SQLException} in the chain decides by its SQL state: classes 22 (data
 * exception), 23 (constraint violation) and 42 (syntax or access rule) are poison, being properties of the
 * record or of the code, which a retry would only repeat; every other state, and none, is transient
 * (connection failures 08, resources 53, shutdown 57P, serialization failures and deadlocks 40, and the pool's
 * acquisition timeout, which has no state);</li>
 * <li>anything else is poison. An unknown exception is most likely a defect of the effect for this record;
 * retrying it would stop the whole partition behind one record with nothing to show but lag, while the
 * dead-letter topic keeps the record, its reason and origin, to be replayed once the defect is fixed.</li>
 * </ul>
 */
public final class Failures {

    private static final Set<String> POISON_SQL_CLASSES = Set.of("22", "23", "42");

    private Failures() {
    }

    /** Whether a retry of the same record may succeed. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof PoisonRecordException) {
                return false;
            }
            if (cause instanceof TransientFailureException) {
                return true;
            }
        }
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                return state == null || state.length() < 2 || !POISON_SQL_CLASSES.contains(state.substring(0, 2));
            }
        }
        return false;
    }

    private static Throwable next(Throwable cause) {
        return cause.getCause() == cause ? null : cause.getCause();
    }
}
