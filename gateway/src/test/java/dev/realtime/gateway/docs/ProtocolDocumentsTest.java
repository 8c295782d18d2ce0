package dev.realtime.gateway.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.realtime.gateway.protocol.CloseCode;
import dev.realtime.gateway.protocol.ErrorCode;
import dev.realtime.gateway.protocol.FrameType;
import dev.realtime.platform.event.EventHeaders;
import dev.realtime.platform.event.Topics;

/**
 * Keeps docs/asyncapi.yaml and docs/protocol.md in step with the code: a frame type, error code, close code, topic
 * or routing header that the code has and the documents do not fails the build. Plain JUnit, no Quarkus: it reads
 * the two files and the command sources, and instantiates nothing.
 */
class ProtocolDocumentsTest {

    private static final Path DOCS = Path.of("..", "docs");
    private static final Path COMMANDS = Path.of("src", "main", "java", "dev", "realtime", "gateway", "command");
    private static final String SOCKET = "socket";
    /** A handler's frame type: {@code String type() { return "subscribe"; }}. */
    private static final Pattern TYPE_LITERAL = Pattern.compile(
            "String\\s+type\\s*\\(\\s*\\)\\s*\\{\\s*return\\s+\"([^\"]+)\"\\s*;");

    private static JsonNode api;
    private static String protocol;

    @BeforeAll
    static void read() throws IOException {
        api = new ObjectMapper(new YAMLFactory()).readTree(DOCS.resolve("asyncapi.yaml").toFile());
        protocol = Files.readString(DOCS.resolve("protocol.md"));
    }

    @Test
    void itIsAnAsyncApi3DocumentWhoseReferencesAllResolve() {
        assertTrue(api.path("asyncapi").asText().startsWith("3."), "asyncapi: 3.x, was " + api.path("asyncapi"));
        List<String> broken = new ArrayList<>();
        refs(api, "", (where, ref) -> {
            if (!ref.startsWith("#/") || resolve(ref).isMissingNode()) {
                broken.add(where + " -> " + ref);
            }
        });
        assertEquals(List.of(), broken, "every $ref points into this document at something that exists");
    }

    @Test
    void channelsReferToComponentMessagesAndOperationsToTheirChannelsMessages() {
        List<String> wrong = new ArrayList<>();
        fields(api.path("channels")).forEach((name, channel) -> {
            assertTrue(channel.hasNonNull("address"), "channel " + name + " has an address");
            fields(channel.path("messages")).forEach((key, message) -> {
                if (!message.path("$ref").asText().startsWith("#/components/messages/")) {
                    wrong.add("channel " + name + " message " + key + " is not a reference to components/messages");
                }
            });
        });
        Set<String> used = new TreeSet<>();
        fields(api.path("operations")).forEach((name, operation) -> {
            String action = operation.path("action").asText();
            if (!action.equals("send") && !action.equals("receive")) {
                wrong.add("operation " + name + " has action " + action);
            }
            wrong.addAll(operationMessages("operation " + name, operation));
            wrong.addAll(operationMessages("reply of " + name, operation.path("reply")));
        });
        fields(api.path("channels")).forEach((name, channel) -> fields(channel.path("messages"))
                .forEach((key, message) -> used.add(message.path("$ref").asText())));
        fields(api.path("components").path("messages")).keySet().forEach(message -> {
            if (!used.contains("#/components/messages/" + message)) {
                wrong.add("components/messages/" + message + " is in no channel");
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyTopicIsAChannelAndSoIsTheDeadLetterConvention() {
        Set<String> addresses = new TreeSet<>();
        fields(api.path("channels")).values().forEach(channel -> addresses.add(channel.path("address").asText()));
        for (String topic : Topics.ALL) {
            assertTrue(addresses.contains(topic), "docs/asyncapi.yaml has a channel with address " + topic);
        }
        assertEquals(Topics.dlq("x"), "x.dlq", "the dead-letter convention the document describes");
        assertTrue(addresses.contains("{topic}.dlq"), "docs/asyncapi.yaml describes the <topic>.dlq convention");
    }

    @Test
    void everyClientFrameAGatewayCommandHandlesIsABuiltReceiveMessage() throws IOException {
        Map<String, JsonNode> received = socketMessages("receive");
        Set<String> handled = handledTypes();
        assertTrue(handled.containsAll(Set.of("ping", "subscribe", "unsubscribe", "send")),
                "the source scan finds the handlers (found " + handled + ")");
        for (String type : handled) {
            JsonNode message = received.get(type);
            assertNotNull(message, "client frame \"" + type + "\" is a receive message of the socket channel");
            assertFalse(planned(message), "client frame \"" + type
                    + "\" has a handler now: drop its x-status: planned in docs/asyncapi.yaml");
            assertTrue(protocol.contains("`" + type + "`"), "docs/protocol.md describes client frame " + type);
        }
    }

    @Test
    void everyFrameTypeTheGatewaySendsIsASendMessage() {
        Map<String, JsonNode> sent = socketMessages("send");
        for (FrameType type : FrameType.values()) {
            assertTrue(sent.containsKey(type.wireName()),
                    "server frame \"" + type.wireName() + "\" is a send message (or reply) of the socket channel");
            assertTrue(protocol.contains("`" + type.wireName() + "`"),
                    "docs/protocol.md names server frame " + type.wireName());
        }
    }

    @Test
    void everyErrorCodeIsInTheSchemaAndInProtocolMd() {
        Set<String> documented = new TreeSet<>();
        api.path("components").path("schemas").path("ErrorCode").path("enum").forEach(c -> documented.add(c.asText()));
        Set<String> codes = new TreeSet<>();
        for (ErrorCode code : ErrorCode.values()) {
            codes.add(code.wireName());
            assertTrue(protocol.contains("| `" + code.wireName() + "`"),
                    "docs/protocol.md has a row for error code " + code.wireName());
        }
        assertEquals(codes, documented, "the ErrorCode schema lists exactly the gateway's error codes");
    }

    @Test
    void everyCloseCodeIsInProtocolMdWithItsAdvice() {
        for (CloseCode code : CloseCode.values()) {
            assertTrue(protocol.contains("| `" + code.code() + "`"),
                    "docs/protocol.md has a row for close code " + code.code());
            int low = code.advice() == CloseCode.Advice.RECONNECT ? 4000 : 4100;
            assertTrue(code.code() >= low && code.code() < low + 100,
                    code + " is in the range its advice reserves (docs/protocol.md, \"Close codes\")");
        }
        assertTrue(protocol.contains("asyncapi.yaml"), "docs/protocol.md links the AsyncAPI document");
    }

    @Test
    void everyRoutingHeaderIsDocumented() throws IllegalAccessException {
        JsonNode headers = api.path("components").path("schemas").path("DeliveryHeaders").path("properties");
        for (Field field : EventHeaders.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                String header = (String) field.get(null);
                assertTrue(headers.has(header), "DeliveryHeaders documents " + header);
                assertTrue(protocol.contains(header), "docs/protocol.md names header " + header);
            }
        }
    }

    /** Frame types of the gateway's command handlers, read from their sources. */
    private static Set<String> handledTypes() throws IOException {
        Set<String> types = new TreeSet<>();
        try (Stream<Path> files = Files.list(COMMANDS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String source = Files.readString(file);
                if (!Pattern.compile("implements\\s+([\\w.]+\\s*,\\s*)*Command\\b").matcher(source).find()) {
                    continue;
                }
                Matcher literal = TYPE_LITERAL.matcher(source);
                assertTrue(literal.find(), file + " handles a frame: its type() must return a string literal");
                types.add(literal.group(1));
            }
        }
        return types;
    }

    /**
     * The socket channel's messages by frame type, for operations with this action; a reply counts as sent by
     * the gateway.
     */
    private static Map<String, JsonNode> socketMessages(String action) {
        Map<String, JsonNode> byType = new TreeMap<>();
        fields(api.path("operations")).values().forEach(operation -> {
            if (!operation.path("channel").path("$ref").asText().equals("#/channels/" + SOCKET)) {
                return;
            }
            if (operation.path("action").asText().equals(action)) {
                operation.path("messages").forEach(ref -> put(byType, ref));
            }
            if (action.equals("send")) {
                operation.path("reply").path("messages").forEach(ref -> put(byType, ref));
            }
        });
        return byType;
    }

    private static void put(Map<String, JsonNode> byType, JsonNode ref) {
        JsonNode message = deref(resolve(ref.path("$ref").asText()));
        JsonNode type = deref(message.path("payload")).path("properties").path("type").path("const");
        assertTrue(type.isTextual(), ref + ": a socket message's payload has properties.type.const");
        byType.put(type.asText(), message);
    }

    private static boolean planned(JsonNode message) {
        return "planned".equals(message.path("x-status").asText())
                || "planned".equals(deref(message.path("payload")).path("x-status").asText());
    }

    private static List<String> operationMessages(String what, JsonNode operation) {
        List<String> wrong = new ArrayList<>();
        if (operation.isMissingNode()) {
            return wrong;
        }
        String channel = operation.path("channel").path("$ref").asText();
        if (!channel.startsWith("#/channels/")) {
            wrong.add(what + " names no channel");
            return wrong;
        }
        JsonNode messages = operation.path("messages");
        if (messages.isEmpty()) {
            wrong.add(what + " has no messages");
        }
        messages.forEach(message -> {
            if (!message.path("$ref").asText().startsWith(channel + "/messages/")) {
                wrong.add(what + " message " + message.path("$ref").asText() + " is not one of " + channel + "'s");
            }
        });
        return wrong;
    }

    private static JsonNode deref(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref") && hops < 10; hops++) {
            current = resolve(current.get("$ref").asText());
        }
        return current;
    }

    private static JsonNode resolve(String ref) {
        return ref.startsWith("#/") ? api.at(ref.substring(1)) : MissingNode.getInstance();
    }

    private interface RefVisitor {
        void visit(String where, String ref);
    }

    private static void refs(JsonNode node, String where, RefVisitor visitor) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
                    visitor.visit(where, field.getValue().asText());
                } else {
                    refs(field.getValue(), where + "/" + field.getKey(), visitor);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                refs(node.get(i), where + "/" + i, visitor);
            }
        }
    }

    private static Map<String, JsonNode> fields(JsonNode node) {
        Map<String, JsonNode> fields = new TreeMap<>();
        node.fields().forEachRemaining(field -> fields.put(field.getKey(), field.getValue()));
        return fields;
    }
}
