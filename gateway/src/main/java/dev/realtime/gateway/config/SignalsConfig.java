package dev.realtime.gateway.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Typing, presence and the {@code gateway.signals} topic that carries them between replicas. */
@ConfigMapping(prefix = "gateway")
public interface SignalsConfig {

    Typing typing();

    Presence presence();

    Signals signals();

    interface Typing {

        /** A typing state with no refresh (another {@code start}) for this long ends by itself with a {@code stop}. */
        @WithDefault("5s")
        Duration ttl();

        /**
         * Shortest interval between two typing frames of one connection for one room; faster {@code start}s are
         * dropped without an answer, a {@code stop} always passes.
         */
        @WithDefault("1s")
        Duration debounce();
    }

    interface Presence {

        /** How often a replica publishes its online users, their status and rooms, and its figures. */
        @WithDefault("5s")
        Duration heartbeat();

        /**
         * A user a replica reported online is offline once no heartbeat of that replica has named them for this
         * long: the bound on how long a dead replica's users stay online. Keep it a few heartbeats long.
         */
        @WithDefault("15s")
        Duration ttl();
    }

    interface Signals {

        /** {@code retention.ms} of the topic, set at every start: the signals are worth nothing after a minute. */
        @WithDefault("60s")
        Duration retention();
    }
}
