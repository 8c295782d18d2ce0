package dev.realtime.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import dev.realtime.platform.event.Topics;

class TopicConfigSourceTest {

    @Test
    void servesEveryTopicUnderItsKey() {
        TopicConfigSource source = new TopicConfigSource();
        assertEquals("chat.commands", source.getValue("rt.topic.chat-commands"));
        assertEquals("auth.user-events", source.getValue("rt.topic.auth-user-events"));
        assertEquals(Topics.ALL.size(), source.getPropertyNames().size());
        Topics.ALL.forEach(topic -> assertEquals(topic, source.getValue(Topics.configKey(topic))));
    }

    @Test
    void everyTopicConstantIsInAll() {
        Set<String> constants = Arrays.stream(Topics.class.getFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .filter(field -> !field.getName().equals("CONFIG_PREFIX"))
                .map(TopicConfigSourceTest::value)
                .collect(Collectors.toSet());
        assertEquals(constants, Set.copyOf(Topics.ALL));
        assertEquals(Topics.ALL.size(), constants.size(), "no topic listed twice");
    }

    @Test
    void isRegisteredForServiceLoading() {
        assertTrue(ServiceLoader.load(ConfigSource.class).stream()
                .anyMatch(provider -> provider.type() == TopicConfigSource.class));
    }

    @Test
    void deadLetterTopicIsTheTopicWithDlq() {
        assertEquals("notification.requests.dlq", Topics.dlq(Topics.NOTIFICATION_REQUESTS));
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
