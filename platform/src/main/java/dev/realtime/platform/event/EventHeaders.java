package dev.realtime.platform.event;

/**
 * Kafka record headers every domain event carries. The gateway routes on {@link #CHANNELS} alone and
 * never parses the record value.
 */
public final class EventHeaders {

    /** Comma-separated delivery channels, for example {@code user:42,role:admin,booking:7}. */
    public static final String CHANNELS = "rt-channels";
    /** The envelope's {@code type}, so consumers can filter without parsing the value. */
    public static final String EVENT_TYPE = "rt-event-type";
    /** The envelope's {@code id}, for idempotent consumers. */
    public static final String EVENT_ID = "rt-event-id";
    /** A channel whose subscriptions end with this event (see {@link Revocation}). */
    public static final String REVOKE = "rt-revoke";
    /** Comma-separated subjects that lose {@link #REVOKE}; absent for every subscriber. */
    public static final String REVOKE_SUBJECTS = "rt-revoke-subjects";

    private EventHeaders() {
    }
}
