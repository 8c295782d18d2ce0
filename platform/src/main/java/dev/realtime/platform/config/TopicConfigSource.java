package dev.realtime.platform.config;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.spi.ConfigSource;

import dev.realtime.platform.event.Topics;
import io.quarkus.runtime.annotations.StaticInitSafe;

/**
 * Serves each topic of {@link Topics} as the configuration key {@code rt.topic.<name>}, so properties say
 * {@code ${rt.topic.chat-commands}} instead of spelling the name a second time. Registered through
 * {@code META-INF/services}, so Quarkus reads it at build time and at run time alike.
 * <p>
 * Its ordinal is above system properties and environment variables: the names are the code's, and a
 * setting that changed one service's idea of a topic but not the constants the others compile against
 * would split the suite silently. It holds constants only, so it is safe to read during static init
 * (native images).
 */
@StaticInitSafe
public class TopicConfigSource implements ConfigSource {

    /** Above system properties (400) and environment variables (300). */
    public static final int ORDINAL = 1000;

    private static final Map<String, String> PROPERTIES = Topics.ALL.stream()
            .collect(Collectors.toUnmodifiableMap(Topics::configKey, Function.identity()));

    @Override
    public Set<String> getPropertyNames() {
        return PROPERTIES.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return PROPERTIES.get(propertyName);
    }

    @Override
    public String getName() {
        return "rt-topics";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
