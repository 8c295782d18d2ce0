package dev.realtime.gateway.ws;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds event frames, {@code {"type":"event","topic":..,"partition":..,"offset":..,"event":<value>}}, by
 * copying the record value bytes between a prefix and a suffix: the value is neither parsed nor re-serialised,
 * so the client receives exactly what the producer wrote.
 * <p>
 * Not thread-safe: the delivery thread owns one instance (it caches each topic's prefix).
 */
public final class EventFrameEncoder {

    private static final byte[] OFFSET = bytes(",\"offset\":");
    private static final byte[] EVENT = bytes(",\"event\":");
    private static final byte CLOSE = '}';

    private final Map<String, byte[]> topicHeads = new HashMap<>();

    /**
     * Whether a record value can go into a frame verbatim: it must be a JSON object (first and last
     * non-whitespace bytes are braces). A cheap check, not a parse; it keeps non-JSON and tombstones out.
     */
    public static boolean isJsonObject(byte[] value) {
        if (value == null) {
            return false;
        }
        int first = 0;
        while (first < value.length && isWhitespace(value[first])) {
            first++;
        }
        int last = value.length - 1;
        while (last > first && isWhitespace(value[last])) {
            last--;
        }
        return last > first && value[first] == '{' && value[last] == '}';
    }

    /**
     * The event frame for a record, as the String the WebSocket API sends. The frame is built once per record
     * and shared by all the connections it goes to.
     */
    public String encode(String topic, int partition, long offset, byte[] value) {
        byte[] head = topicHeads.computeIfAbsent(topic, EventFrameEncoder::head);
        int partitionDigits = digits(partition);
        int offsetDigits = digits(offset);
        byte[] frame = new byte[head.length + partitionDigits + OFFSET.length + offsetDigits + EVENT.length
                + value.length + 1];
        int at = copy(head, frame, 0);
        at = writeDigits(partition, partitionDigits, frame, at);
        at = copy(OFFSET, frame, at);
        at = writeDigits(offset, offsetDigits, frame, at);
        at = copy(EVENT, frame, at);
        at = copy(value, frame, at);
        frame[at] = CLOSE;
        return new String(frame, StandardCharsets.UTF_8);
    }

    private static byte[] head(String topic) {
        // Kafka topic names are [a-zA-Z0-9._-]: nothing to escape
        return bytes("{\"type\":\"event\",\"topic\":\"" + topic + "\",\"partition\":");
    }

    private static int copy(byte[] source, byte[] target, int at) {
        System.arraycopy(source, 0, target, at, source.length);
        return at + source.length;
    }

    /** Digits of a non-negative number (partitions and offsets are never negative). */
    private static int digits(long number) {
        int digits = 1;
        while (number >= 10) {
            number /= 10;
            digits++;
        }
        return digits;
    }

    private static int writeDigits(long number, int digits, byte[] target, int at) {
        for (int i = at + digits - 1; i >= at; i--) {
            target[i] = (byte) ('0' + number % 10);
            number /= 10;
        }
        return at + digits;
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    private static byte[] bytes(String ascii) {
        return ascii.getBytes(StandardCharsets.UTF_8);
    }
}
