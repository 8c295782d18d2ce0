package dev.realtime.bench.load;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The benchmark's event: an envelope-shaped JSON object of a fixed size whose {@code data.m} carries a marker
 * {@code ~P<step>~R<room>~S<seq>~T<epoch micros>~}. Receivers find the marker with one scan, whether the event
 * arrives as a JSON object inside the gateway's frame or as an escaped string inside a Socket.IO packet: the marker
 * has no character JSON escapes.
 */
public final class EventPayload {

    /** What a parsed marker holds; {@code step} is -1 when the frame carried no marker. */
    public record Marker(int step, int room, long seq, long sentMicros) {
    }

    private static final byte[] PADDING = new byte[4096];

    static {
        Arrays.fill(PADDING, (byte) 'x');
    }

    private EventPayload() {
    }

    /** The record value: exactly {@code size} bytes when the marker fits, longer otherwise. */
    public static byte[] build(int size, int step, int room, long seq, long sentMicros) {
        String head = "{\"id\":\"bench-" + room + "-" + seq + "\",\"type\":\"bench.tick\",\"source\":\"bench\","
                + "\"subject\":\"bench-room-" + room + "\",\"data\":{\"m\":\"~P" + step + "~R" + room + "~S" + seq
                + "~T" + sentMicros + "~\",\"pad\":\"";
        String tail = "\"}}";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        int pad = Math.max(0, Math.min(PADDING.length, size - headBytes.length - tail.length()));
        byte[] value = new byte[headBytes.length + pad + tail.length()];
        System.arraycopy(headBytes, 0, value, 0, headBytes.length);
        System.arraycopy(PADDING, 0, value, headBytes.length, pad);
        System.arraycopy(tail.getBytes(StandardCharsets.US_ASCII), 0, value, headBytes.length + pad, tail.length());
        return value;
    }

    /** The marker in a received text, or a marker with step -1 if there is none. */
    public static Marker parse(CharSequence text) {
        int at = indexOf(text, "~P");
        if (at < 0) {
            return new Marker(-1, -1, -1, -1);
        }
        int[] cursor = { at + 2 };
        long step = number(text, cursor);
        cursor[0] += 2; // ~R
        long room = number(text, cursor);
        cursor[0] += 2; // ~S
        long seq = number(text, cursor);
        cursor[0] += 2; // ~T
        long sent = number(text, cursor);
        return new Marker((int) step, (int) room, seq, sent);
    }

    /** Now, in microseconds since the epoch: the clock the producer stamps and the receivers read. */
    public static long nowMicros() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    private static long number(CharSequence text, int[] cursor) {
        long value = 0;
        int i = cursor[0];
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            value = value * 10 + (c - '0');
            i++;
        }
        cursor[0] = i;
        return value;
    }

    private static int indexOf(CharSequence text, String needle) {
        if (text instanceof String s) {
            return s.indexOf(needle);
        }
        return text.toString().indexOf(needle);
    }
}
