package dev.realtime.gateway.protocol;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Builds event frames, {@code {"type":"event","topic":..,"partition":..,"offset":..,"event":<value>}}, as ready
 * WebSocket frames, by copying the record value bytes between a prefix and a suffix: the value is neither parsed
 * nor re-serialised, so the client receives exactly what the producer wrote.
 * <p>
 * Not thread-safe: the delivery thread owns one instance (it caches each topic's prefix).
 */
public final class EventFrames {

    private static final byte[] OFFSET = ascii(",\"offset\":");
    private static final byte[] EVENT = ascii(",\"event\":");
    private static final byte CLOSE = '}';

    private final ByteBufAllocator allocator;
    private final Map<String, byte[]> topicHeads = new HashMap<>();
    private final byte[] digits = new byte[20];

    public EventFrames(ByteBufAllocator allocator) {
        this.allocator = allocator;
    }

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

    /** The frame for a record: one buffer (reference count 1) that every recipient shares. */
    public ByteBuf encode(String topic, int partition, long offset, byte[] value) {
        byte[] head = topicHeads.computeIfAbsent(topic, EventFrames::head);
        int partitionDigits = digits(partition);
        int offsetDigits = digits(offset);
        int payload = head.length + partitionDigits + OFFSET.length + offsetDigits + EVENT.length + value.length + 1;
        ByteBuf frame = WireFrame.allocate(allocator, payload);
        frame.writeBytes(head);
        writeDigits(frame, partition, partitionDigits);
        frame.writeBytes(OFFSET);
        writeDigits(frame, offset, offsetDigits);
        frame.writeBytes(EVENT);
        frame.writeBytes(value);
        frame.writeByte(CLOSE);
        return frame;
    }

    private static byte[] head(String topic) {
        // Kafka topic names are [a-zA-Z0-9._-]: nothing to escape
        return ascii("{\"type\":\"event\",\"topic\":\"" + topic + "\",\"partition\":");
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

    private void writeDigits(ByteBuf frame, long number, int count) {
        for (int i = count - 1; i >= 0; i--) {
            digits[i] = (byte) ('0' + number % 10);
            number /= 10;
        }
        frame.writeBytes(digits, 0, count);
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
