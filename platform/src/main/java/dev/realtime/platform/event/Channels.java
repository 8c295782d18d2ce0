package dev.realtime.platform.event;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Names of delivery channels, the routing vocabulary shared by producers and the gateway.
 * A channel name never contains a comma or whitespace, so a list of them travels as one header.
 */
public final class Channels {

    public static final String BROADCAST = "broadcast";
    public static final String USER_PREFIX = "user:";
    public static final String ROLE_PREFIX = "role:";
    public static final String ROOM_PREFIX = "room:";
    public static final String BOOKING_PREFIX = "booking:";

    private Channels() {
    }

    public static String user(String subject) {
        return checked(USER_PREFIX + subject);
    }

    public static String role(String role) {
        return checked(ROLE_PREFIX + role);
    }

    public static String room(String roomId) {
        return checked(ROOM_PREFIX + roomId);
    }

    public static String booking(String bookingId) {
        return checked(BOOKING_PREFIX + bookingId);
    }

    /** The header value for these channels. */
    public static String join(Collection<String> channels) {
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("an event needs at least one delivery channel");
        }
        channels.forEach(Channels::checked);
        return String.join(",", channels);
    }

    /** The channels of a header value; empty names are skipped. */
    public static List<String> split(String header) {
        List<String> channels = new ArrayList<>(4);
        int start = 0;
        int length = header.length();
        while (start < length) {
            int comma = header.indexOf(',', start);
            int end = comma < 0 ? length : comma;
            if (end > start) {
                channels.add(header.substring(start, end));
            }
            start = end + 1;
        }
        return channels;
    }

    private static String checked(String channel) {
        for (int i = 0; i < channel.length(); i++) {
            char c = channel.charAt(i);
            if (c == ',' || Character.isWhitespace(c)) {
                throw new IllegalArgumentException("channel name must not contain ',' or whitespace: " + channel);
            }
        }
        return channel;
    }
}
