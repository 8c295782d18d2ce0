package dev.realtime.gateway.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.RecordMetadata;

import com.fasterxml.jackson.databind.JsonNode;

import dev.realtime.client.GatewaySocket;
import dev.realtime.platform.event.EventHeaders;
import dev.realtime.platform.test.TopicWriter;

/** Records on the delivery topics as a producing service writes them, and the event frames they become. */
public final class DeliveryRecords {

    private DeliveryRecords() {
    }

    /** A record that was written: the envelope id it carries and where the broker put it. */
    public record Sent(String id, RecordMetadata metadata) {
    }

    /** Writes a fresh envelope for these channels (an {@code rt-channels} value) to one partition of a topic. */
    public static Sent send(TopicWriter writer, String topic, int partition, String channels) {
        String id = UUID.randomUUID().toString();
        RecordMetadata metadata = writer.to(topic).partition(partition).key("k")
                .header(EventHeaders.CHANNELS, channels)
                .send(envelope(id));
        return new Sent(id, metadata);
    }

    /** An event envelope with this id, as the services write them. */
    public static String envelope(String id) {
        return "{\"id\":\"" + id + "\",\"type\":\"test.probed\",\"source\":\"gateway-test\","
                + "\"time\":\"2026-01-01T00:00:00Z\",\"subject\":\"probe\",\"data\":{}}";
    }

    /** The envelope id carried by an event frame; fails if the frame is no event. */
    public static String eventId(JsonNode frame) {
        assertTrue(frame.path("event").isObject(), "not an event frame: " + frame);
        return frame.path("event").path("id").asText();
    }

    /** The envelope ids of these raw event frames, in order. */
    public static List<String> eventIds(List<String> rawFrames) {
        return rawFrames.stream().map(GatewaySocket::parse).map(DeliveryRecords::eventId).toList();
    }
}
