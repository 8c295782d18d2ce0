package dev.realtime.gateway.protocol;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.common.TopicPartition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A client's position in the event streams, as the {@code cursor} of {@code position}, {@code resumed} and
 * {@code resume} frames: per topic its epoch (the Kafka topic id, which changes when a topic is recreated) and
 * per partition the offset of the last record the client has:
 * {@code {"chat.events":{"epoch":"Jx2...","offsets":{"0":41,"1":7}}}}.
 */
public final class Cursors {

    /** Topics and partitions a cursor may name at most. */
    private static final int MAX_TOPICS = 32;
    private static final int MAX_PARTITIONS = 1024;

    private static final Comparator<TopicPartition> BY_TOPIC_AND_NUMBER =
            Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

    /** A parsed cursor. */
    public record Cursor(Map<String, String> epochs, Map<TopicPartition, Long> offsets) {
    }

    private Cursors() {
    }

    public static void write(ObjectNode into, Map<String, String> epochs, Map<TopicPartition, Long> offsets) {
        Map<String, ObjectNode> topics = new TreeMap<>();
        new TreeMap<>(epochs).forEach((topic, epoch) -> {
            ObjectNode node = into.putObject(topic).put("epoch", epoch);
            topics.put(topic, node.putObject("offsets"));
        });
        Map<TopicPartition, Long> ordered = new TreeMap<>(BY_TOPIC_AND_NUMBER);
        ordered.putAll(offsets);
        ordered.forEach((partition, offset) -> {
            ObjectNode partitions = topics.get(partition.topic());
            if (partitions != null) {
                partitions.put(Integer.toString(partition.partition()), offset);
            }
        });
    }

    /** Reads a client's cursor; a malformed one is a {@code bad-cursor} error. */
    public static Cursor read(JsonNode cursor) {
        if (cursor == null || !cursor.isObject() || cursor.size() > MAX_TOPICS) {
            throw bad("\"cursor\" must be an object of at most " + MAX_TOPICS + " topics");
        }
        Map<String, String> epochs = new HashMap<>();
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> topics = cursor.fields(); topics.hasNext();) {
            Map.Entry<String, JsonNode> topic = topics.next();
            JsonNode epoch = topic.getValue().get("epoch");
            JsonNode partitions = topic.getValue().get("offsets");
            if (epoch == null || !epoch.isTextual() || partitions == null || !partitions.isObject()
                    || partitions.size() > MAX_PARTITIONS) {
                throw bad("cursor of " + ClientFrame.quoted(topic.getKey()) + " needs a string \"epoch\" and an object \"offsets\"");
            }
            epochs.put(topic.getKey(), epoch.textValue());
            for (Iterator<Map.Entry<String, JsonNode>> it = partitions.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> partition = it.next();
                int number;
                try {
                    number = Integer.parseInt(partition.getKey());
                } catch (NumberFormatException e) {
                    throw bad("partition " + ClientFrame.quoted(partition.getKey()) + " is not a number");
                }
                JsonNode offset = partition.getValue();
                if (number < 0 || !offset.isIntegralNumber() || !offset.canConvertToLong() || offset.longValue() < -1) {
                    throw bad("offset of " + ClientFrame.quoted(topic.getKey()) + "/" + number + " must be an integer >= -1");
                }
                offsets.put(new TopicPartition(topic.getKey(), number), offset.longValue());
            }
        }
        return new Cursor(epochs, offsets);
    }

    private static FrameException bad(String message) {
        return new FrameException(ErrorCode.BAD_CURSOR, message);
    }
}
