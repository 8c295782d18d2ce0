package dev.realtime.gateway.signals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.realtime.gateway.metrics.ReplicaFigures;

/**
 * The JSON of {@link Signal}s on {@code gateway.signals}, written and read with Jackson's tree model (no reflection,
 * native-ready). A value of another version or kind, or one that is not understood, reads as null: a replica
 * of a later release may add kinds, and an older one ignores them.
 */
@ApplicationScoped
public class SignalCodec {

    static final int VERSION = 1;

    private final ObjectMapper mapper;

    @Inject
    public SignalCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public byte[] write(Signal signal) {
        ObjectNode node = mapper.createObjectNode().put("v", VERSION);
        if (signal instanceof Signal.Typing typing) {
            node.put("kind", "typing").put("replica", typing.replica()).put("at", typing.at())
                    .put("room", typing.room()).put("user", typing.user()).put("state", typing.state());
        } else if (signal instanceof Signal.Presence presence) {
            node.put("kind", "presence").put("replica", presence.replica()).put("at", presence.at());
            user(node, presence.user());
        } else if (signal instanceof Signal.Heartbeat heartbeat) {
            node.put("kind", "heartbeat").put("replica", heartbeat.replica()).put("at", heartbeat.at());
            ArrayNode users = node.putArray("users");
            heartbeat.users().forEach(user -> user(users.addObject(), user));
            if (heartbeat.figures() != null) {
                heartbeat.figures().writeTo(node.putObject("figures"));
            }
        }
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a signal", e);
        }
    }

    /** The signal in a record value, or null if it is none this version understands. */
    public Signal read(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            JsonNode node = mapper.readTree(value);
            if (node == null || !node.isObject() || node.path("v").asInt() != VERSION) {
                return null;
            }
            String replica = text(node, "replica");
            long at = node.path("at").asLong();
            return switch (node.path("kind").asText()) {
                case "typing" -> new Signal.Typing(replica, at, text(node, "room"), text(node, "user"),
                        text(node, "state"));
                case "presence" -> new Signal.Presence(replica, at, user(node));
                case "heartbeat" -> {
                    List<Signal.UserPresence> users = new ArrayList<>();
                    node.path("users").forEach(user -> users.add(user(user)));
                    JsonNode figures = node.get("figures");
                    yield new Signal.Heartbeat(replica, at, users, figures == null ? null : figures(figures));
                }
                default -> null;
            };
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private static void user(ObjectNode node, Signal.UserPresence user) {
        node.put("user", user.user()).put("status", user.status()).put("since", user.since());
        user.rooms().forEach(node.putArray("rooms")::add);
    }

    private static Signal.UserPresence user(JsonNode node) {
        List<String> rooms = new ArrayList<>();
        node.path("rooms").forEach(room -> rooms.add(room.asText()));
        return new Signal.UserPresence(text(node, "user"), text(node, "status"), node.path("since").asLong(),
                List.copyOf(rooms));
    }

    private static ReplicaFigures figures(JsonNode node) {
        return new ReplicaFigures(node.path("connections").asLong(), node.path("usersOnline").asLong(),
                counts(node.path("subscriptions")), counts(node.path("framesIn")), counts(node.path("framesOut")));
    }

    private static Map<String, Long> counts(JsonNode node) {
        Map<String, Long> counts = new TreeMap<>();
        node.fields().forEachRemaining(field -> counts.put(field.getKey(), field.getValue().asLong()));
        return counts;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("no string " + field);
        }
        return value.textValue();
    }
}
