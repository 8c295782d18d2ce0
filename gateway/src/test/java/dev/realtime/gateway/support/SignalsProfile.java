package dev.realtime.gateway.support;

import java.time.Duration;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Typing and presence timings short enough for tests to watch states expire. */
public class SignalsProfile implements QuarkusTestProfile {

    public static final Duration TYPING_TTL = Duration.ofMillis(1500);
    public static final Duration TYPING_DEBOUNCE = Duration.ofSeconds(1);
    public static final Duration HEARTBEAT = Duration.ofMillis(300);
    public static final Duration PRESENCE_TTL = Duration.ofMillis(2000);

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "gateway.typing.ttl", TYPING_TTL.toMillis() + "ms",
                "gateway.typing.debounce", TYPING_DEBOUNCE.toMillis() + "ms",
                "gateway.presence.heartbeat", HEARTBEAT.toMillis() + "ms",
                "gateway.presence.ttl", PRESENCE_TTL.toMillis() + "ms");
    }
}
