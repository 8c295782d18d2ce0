package dev.realtime.chat.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.RecordMetadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.realtime.platform.event.EventHeaders;
import dev.realtime.platform.test.TopicWriter;

/** {@code chat.commands} records exactly as the gateway writes them (notes: contracts, "chat.commands"). */
public final class GatewayCommands implements AutoCloseable {

    public static final String TOPIC = "chat.commands";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TopicWriter writer = TopicWriter.open();

    /** The envelope id the gateway gives a send frame: the same for every resend of one client message id. */
    public static String commandId(String roomId, String senderId, String clientMessageId) {
        return UUID.nameUUIDFromBytes((senderId + "\n" + roomId + "\n" + clientMessageId)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Writes one {@code chat.send-message} command, keyed by room id, and waits for the broker's ack. */
    public RecordMetadata send(String roomId, String senderId, String clientMessageId, Object body) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("roomId", roomId);
        data.put("senderId", senderId);
        data.put("clientMessageId", clientMessageId);
        data.put("body", body);
        String id = commandId(roomId, senderId, clientMessageId);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", id);
        envelope.put("type", "chat.send-message");
        envelope.put("source", "gateway");
        envelope.put("time", Instant.now().toString());
        envelope.put("subject", roomId);
        envelope.put("data", data);
        return writer.to(TOPIC).key(roomId)
                .header(EventHeaders.EVENT_TYPE, "chat.send-message")
                .header(EventHeaders.EVENT_ID, id)
                .send(json(envelope));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        writer.close();
    }
}
