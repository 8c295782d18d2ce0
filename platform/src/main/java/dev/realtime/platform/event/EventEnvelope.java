package dev.realtime.platform.event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The JSON value of every record on every domain topic, with CloudEvents field names.
 *
 * @param id      unique per event; consumers drop a second delivery of the same id
 * @param type    {@code <aggregate>.<past-verb>}, for example {@code booking.created}
 * @param source  the producing service, for example {@code booking-service}
 * @param time    when the change happened
 * @param subject the aggregate id; also the record key, so one aggregate's events stay in order
 * @param data    the event body, serialised as JSON
 */
public record EventEnvelope(String id, String type, String source, Instant time, String subject, Object data) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(subject, "subject");
    }

    /** A new event with a random id, stamped now. */
    public static EventEnvelope of(String type, String source, String subject, Object data) {
        return new EventEnvelope(UUID.randomUUID().toString(), type, source, Instant.now(), subject, data);
    }
}
