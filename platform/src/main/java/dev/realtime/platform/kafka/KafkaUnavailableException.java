package dev.realtime.platform.kafka;

/** The broker could not be reached or did not answer in time; the operation can be retried. */
public class KafkaUnavailableException extends RuntimeException {

    public KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
