package dev.realtime.stack;

import java.util.Optional;

/** The services of the suite, in the order the stack starts them: auth first, because the others verify tokens with its keys. */
public enum Service {

    AUTH("auth-service", "auth"),
    CHAT("chat-service", "chat"),
    BOOKING("booking-service", "booking"),
    NOTIFICATION("notification-service", "notification"),
    GATEWAY("gateway", null);

    private final String module;
    private final String database;

    Service(String module, String database) {
        this.module = module;
        this.database = database;
    }

    /** The Maven module directory below the repository root, also the name of its log file. */
    public String module() {
        return module;
    }

    /** Its own PostgreSQL database, if it has one. */
    public Optional<String> database() {
        return Optional.ofNullable(database);
    }
}
