package dev.realtime.gateway.authorization;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.realtime.gateway.config.AuthorizationConfig;

/**
 * The owning services' recent answers, per user and channel, for {@code gateway.authorization.cache-ttl} and at
 * most {@code cache-size} of them. A revocation read from Kafka drops the entries it names on every replica.
 */
@ApplicationScoped
public class AccessCache {

    private record Entry(Decision decision, long expiresAtNanos) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    /** When each channel was last revoked, per subject ("" for everyone), kept for one TTL. */
    private final ConcurrentHashMap<String, Long> revoked = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int maxSize;

    @Inject
    public AccessCache(AuthorizationConfig config) {
        this.ttlNanos = config.cacheTtl().toNanos();
        this.maxSize = config.cacheSize();
    }

    /** The cached decision, or null. */
    public Decision get(String subject, String channel) {
        Entry entry = entries.get(key(subject, channel));
        if (entry == null) {
            return null;
        }
        if (System.nanoTime() - entry.expiresAtNanos >= 0) {
            entries.remove(key(subject, channel), entry);
            return null;
        }
        return entry.decision;
    }

    public void put(String subject, String channel, Decision decision) {
        if (!decision.cacheable() || ttlNanos <= 0) {
            return;
        }
        if (entries.size() >= maxSize) {
            evict();
        }
        entries.put(key(subject, channel), new Entry(decision, System.nanoTime() + ttlNanos));
    }

    /** Forgets the answers for this channel: for these subjects, or for everyone if {@code subjects} is null. */
    public void invalidate(String channel, String[] subjects) {
        long now = System.nanoTime();
        if (revoked.size() >= maxSize) {
            revoked.values().removeIf(at -> now - at > ttlNanos);
        }
        if (subjects == null) {
            revoked.put(key("", channel), now);
        } else {
            for (String subject : subjects) {
                revoked.put(key(subject, channel), now);
            }
        }
        if (subjects != null) {
            for (String subject : subjects) {
                entries.remove(key(subject, channel));
            }
            return;
        }
        String suffix = "\n" + channel;
        entries.keySet().removeIf(key -> key.endsWith(suffix));
    }

    /**
     * Whether a revocation of this channel for this subject was read since {@code sinceNanos}: an access check
     * that started before it may have been answered before the owning service removed the access, so its grant
     * must not be applied.
     */
    public boolean revokedSince(String subject, String channel, long sinceNanos) {
        Long forSubject = revoked.get(key(subject, channel));
        Long forEveryone = revoked.get(key("", channel));
        return (forSubject != null && forSubject - sinceNanos >= 0)
                || (forEveryone != null && forEveryone - sinceNanos >= 0);
    }

    public int size() {
        return entries.size();
    }

    /** Drops the expired entries, and if that is not enough, about half of the rest. */
    private void evict() {
        long now = System.nanoTime();
        entries.values().removeIf(entry -> now - entry.expiresAtNanos >= 0);
        if (entries.size() < maxSize) {
            return;
        }
        int toDrop = entries.size() / 2;
        for (Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator(); it.hasNext() && toDrop > 0; toDrop--) {
            it.next();
            it.remove();
        }
    }

    private static String key(String subject, String channel) {
        return subject + "\n" + channel;
    }
}
