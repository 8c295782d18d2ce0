package dev.realtime.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import dev.realtime.platform.event.EventHeaders;
import dev.realtime.platform.test.KafkaResource;
import dev.realtime.platform.test.TestKafka;
import dev.realtime.platform.test.TestTokens;
import dev.realtime.platform.test.TokenResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A client that stops reading is closed with 4001 once its frames pile up; the others keep receiving. */
@QuarkusTest
@TestProfile(SlowClientTest.FewPendingFrames.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(TokenResource.class)
class SlowClientTest {

    public static class FewPendingFrames implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.max-pending-frames", "8");
        }
    }

    @TestHTTPResource("/ws")
    URI http;

    @Test
    void aClientThatStopsReadingIsClosedAndTheOthersAreNotHeldBack() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        URI ws = URI.create(http.toString().replaceFirst("^http", "ws"));
        String slow = GatewaySocketTest.unique("slow");
        String fast = GatewaySocketTest.unique("fast");
        // 256 KB per event: a few dozen fill the socket buffers between the gateway and a client that stopped reading
        String padding = "x".repeat(256 * 1024);
        try (WsClient slowClient = WsClient.withHeader(ws, TestTokens.token(slow, "user"));
                WsClient fastClient = WsClient.withHeader(ws, TestTokens.token(fast, "user"));
                KafkaProducer<String, String> producer = producer()) {
            slowClient.welcome();
            fastClient.welcome();
            slowClient.pause();

            int[] sent = { 0 };
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                // the fast client reads each event before the next is produced, so it never falls behind
                String id = "event-" + sent[0]++;
                producer.send(new ProducerRecord<>("booking.events", 0, "k",
                        "{\"id\":\"" + id + "\",\"data\":\"" + padding + "\"}", channels(slow + "," + fast)))
                        .get();
                assertEquals(id, fastClient.next("event").path("event").path("id").asText());
                return closedSlowConsumers() > 0;
            });

            slowClient.resume();
            assertEquals(4001, slowClient.awaitCloseCode());
        }
    }

    private static RecordHeaders channels(String subjects) {
        StringBuilder channels = new StringBuilder();
        for (String subject : subjects.split(",")) {
            channels.append(channels.isEmpty() ? "" : ",").append("user:").append(subject);
        }
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventHeaders.CHANNELS, channels.toString().getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    private static double closedSlowConsumers() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(line -> line.startsWith("gateway_connections_closed_slow_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024));
    }
}
