package dev.realtime.platform.inbox;

/**
 * A record that no retry can process: unparseable, invalid, or refused by the effect. Thrown out of a consumer
 * method, it sends the record to the channel's dead-letter topic at once, and consumption goes on.
 */
public class PoisonRecordException extends RuntimeException {

    public PoisonRecordException(String message) {
        super(message);
    }

    public PoisonRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
