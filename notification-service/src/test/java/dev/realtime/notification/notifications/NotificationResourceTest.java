package dev.realtime.notification.notifications;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.realtime.notification.model.Notification;
import dev.realtime.notification.repository.NotificationRepository;
import dev.realtime.platform.event.EventHeaders;
import dev.realtime.platform.test.KafkaResource;
import dev.realtime.platform.test.PostgresResource;
import dev.realtime.platform.test.TestNames;
import dev.realtime.platform.test.TestTokens;
import dev.realtime.platform.test.TokenResource;
import dev.realtime.platform.test.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
@WithTestResource(TokenResource.class)
class NotificationResourceTest {

    @Inject
    NotificationRepository notifications;

    @Test
    void readingANotificationLowersTheUnreadCountOnEveryDevice() throws Exception {
        String dora = TestNames.unique("dora");
        UUID first = store(dora, "Booking confirmed");
        store(dora, "New message");

        given().auth().oauth2(TestTokens.token(dora, "user")).get("/notifications/unread-count")
                .then().statusCode(200).body("unread", equalTo(2));

        given().auth().oauth2(TestTokens.token(dora, "user")).post("/notifications/" + first + "/read")
                .then().statusCode(200).body("readAt", notNullValue());
        given().auth().oauth2(TestTokens.token(dora, "user")).get("/notifications/unread-count")
                .then().statusCode(200).body("unread", equalTo(1));
        given().auth().oauth2(TestTokens.token(dora, "user")).get("/notifications")
                .then().statusCode(200).body("size()", equalTo(2));

        try (TopicReader reader = TopicReader.fromBeginning("notification.events")) {
            ConsumerRecord<String, byte[]> record = reader.await(r -> dora.equals(r.key()), Duration.ofSeconds(15));
            assertEquals("user:" + dora, TopicReader.header(record, EventHeaders.CHANNELS));
            JsonNode data = new ObjectMapper().readTree(record.value()).get("data");
            assertEquals(first.toString(), data.get("id").asText());
            assertEquals(1, data.get("unread").asLong());
        }
    }

    @Test
    void nobodyReadsAnotherUsersNotification() {
        String erin = TestNames.unique("erin");
        UUID id = store(erin, "Your tour starts tomorrow");
        given().auth().oauth2(TestTokens.token(TestNames.unique("frank"), "user")).post("/notifications/" + id + "/read")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.token(erin, "user")).get("/notifications/unread-count")
                .then().statusCode(200).body("unread", equalTo(1));
    }

    @Test
    void notificationsNeedAValidToken() {
        given().get("/notifications").then().statusCode(401);
        given().auth().oauth2(TestTokens.expiredToken("dora", "user")).get("/notifications").then().statusCode(401);
    }

    private UUID store(String userId, String title) {
        Notification notification = new Notification();
        notification.id = UUID.randomUUID();
        notification.userId = userId;
        notification.type = "test";
        notification.title = title;
        notification.createdAt = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> notifications.persist(notification));
        return notification.id;
    }
}
