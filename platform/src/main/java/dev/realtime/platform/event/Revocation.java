package dev.realtime.platform.event;

import java.util.List;

/**
 * Access to a channel that ends with an event: the gateway drops the subscriptions it names on every replica
 * (record headers {@link EventHeaders#REVOKE} and {@link EventHeaders#REVOKE_SUBJECTS}), without reading the
 * event's payload.
 *
 * @param channel  the channel, for example {@code room:42}
 * @param subjects the JWT subjects that lose it; empty for every subscriber (the room or booking is gone)
 */
public record Revocation(String channel, List<String> subjects) {

    public Revocation {
        Channels.join(List.of(channel));
        subjects = List.copyOf(subjects);
        subjects.forEach(subject -> Channels.user(subject));
    }

    /** The subjects as the header carries them, or null for every subscriber. */
    public String subjectsHeader() {
        return subjects.isEmpty() ? null : String.join(",", subjects);
    }
}
