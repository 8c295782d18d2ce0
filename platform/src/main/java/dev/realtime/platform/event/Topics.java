package dev.realtime.platform.event;

import java.util.List;

/**
 * Every Kafka topic of the suite, named once. Code refers to these constants; configuration refers to the
 * keys {@code rt.topic.<name with '-' for '.'>} (for example {@code ${rt.topic.chat-commands}}), which
 * {@link dev.realtime.platform.config.TopicConfigSource} serves from this class. A test checks that no other
 * main source file spells a topic name.
 */
public final class Topics {

    /** Account events of auth-service. */
    public static final String AUTH_USER_EVENTS = "auth.user-events";
    /** Room and message events of chat-service. */
    public static final String CHAT_EVENTS = "chat.events";
    /** Chat commands from the gateway to chat-service (send, read, react). */
    public static final String CHAT_COMMANDS = "chat.commands";
    /** Booking events of booking-service. */
    public static final String BOOKING_EVENTS = "booking.events";
    /** Notification events of notification-service (new, read, unread counts). */
    public static final String NOTIFICATION_EVENTS = "notification.events";
    /** The public contract for other teams: requests to notify users, validated on arrival. */
    public static final String NOTIFICATION_REQUESTS = "notification.requests";
    /** Ephemeral signals between gateway replicas (typing, presence); short retention. */
    public static final String GATEWAY_SIGNALS = "gateway.signals";

    /** Every topic above, in declaration order. */
    public static final List<String> ALL = List.of(AUTH_USER_EVENTS, CHAT_EVENTS, CHAT_COMMANDS, BOOKING_EVENTS,
            NOTIFICATION_EVENTS, NOTIFICATION_REQUESTS, GATEWAY_SIGNALS);

    /** Prefix of the configuration keys that name topics. */
    public static final String CONFIG_PREFIX = "rt.topic.";

    private static final String DLQ_SUFFIX = ".dlq";

    private Topics() {
    }

    /** The dead-letter topic of this topic: records that cannot be processed go there with the reason. */
    public static String dlq(String topic) {
        return topic + DLQ_SUFFIX;
    }

    /** The configuration key whose value is this topic's name, for example {@code rt.topic.chat-commands}. */
    public static String configKey(String topic) {
        return CONFIG_PREFIX + topic.replace('.', '-');
    }
}
