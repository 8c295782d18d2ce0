package dev.realtime.platform.inbox;

/**
 * A failure that passes with time (a dependency that is down): an effect throws it to have the record retried
 * in place, with backoff, rather than dead-lettered.
 */
public class TransientFailureException extends RuntimeException {

    public TransientFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
