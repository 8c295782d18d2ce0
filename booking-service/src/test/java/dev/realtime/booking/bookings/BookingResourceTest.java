package dev.realtime.booking.bookings;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.realtime.platform.event.EventHeaders;
import dev.realtime.platform.test.KafkaResource;
import dev.realtime.platform.test.PostgresResource;
import dev.realtime.platform.test.TestTokens;
import dev.realtime.platform.test.TokenResource;
import dev.realtime.platform.test.TopicReader;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "booking"))
@WithTestResource(TokenResource.class)
class BookingResourceTest {


    @Test
    void createdBookingIsPublishedToItsOwnerAdminsAndItsChannel() throws Exception {
        String tour = Api.tour(10);
        String id = given().auth().oauth2(TestTokens.token("alice", "user"))
                .contentType(ContentType.JSON)
                .body(Map.of("tourId", tour, "guests", 2))
                .post("/bookings")
                .then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("paymentStatus", equalTo("UNPAID"))
                .body("amount", equalTo(100.0f))
                .body("currency", equalTo("EUR"))
                .header("Location", startsWith("http"))
                .body("ownerId", equalTo("alice"))
                .body("status", equalTo("PENDING"))
                .body("guests", equalTo(2))
                .extract().path("id");

        try (TopicReader reader = TopicReader.fromBeginning("booking.events")) {
            ConsumerRecord<String, byte[]> record = reader.await(r -> id.equals(r.key()), Duration.ofSeconds(15));
            assertEquals("user:alice,role:admin,booking:" + id, TopicReader.header(record, EventHeaders.CHANNELS));
            JsonNode event = TopicReader.assertEnvelope(record, "booking.created", "booking-service", id);
            JsonNode data = event.get("data");
            assertEquals(tour, data.get("tourId").asText());
            assertEquals("PENDING", data.get("status").asText());
            // booking.created's first fields, which chat-service reads, are all there
            for (String field : new String[] { "id", "ownerId", "tourId", "startsOn", "guests", "status",
                    "createdAt", "updatedAt", "paymentStatus", "amount", "currency", "version" }) {
                assertEquals(true, data.hasNonNull(field), field);
            }
            assertEquals(data.get("updatedAt").asText(), event.get("time").asText(), "the event's time is the change's");
        }
    }

    @Test
    void ownerAndAdminsSeeABookingOthersDoNot() {
        String id = createBooking("carol");

        given().auth().oauth2(TestTokens.token("carol", "user")).get("/bookings/" + id)
                .then().statusCode(200).body("id", equalTo(id));
        given().auth().oauth2(TestTokens.token("root", "user", "admin")).get("/bookings/" + id)
                .then().statusCode(200).body("ownerId", equalTo("carol"));
        given().auth().oauth2(TestTokens.token("mallory", "user")).get("/bookings/" + id)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
        given().auth().oauth2(TestTokens.token("carol", "user")).get("/bookings")
                .then().statusCode(200).body("items.id", hasItems(id));
    }

    @Test
    void invalidBookingIsRejectedWithFieldErrors() {
        given().auth().oauth2(TestTokens.token("alice", "user"))
                .contentType(ContentType.JSON)
                .body(Map.of("tourId", "", "guests", 0))
                .post("/bookings")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://realtime.dev/problems/validation"))
                .body("errors.field", hasItems("tourId", "guests"));
    }

    @Test
    void malformedBodyIsAProblem() {
        given().auth().oauth2(TestTokens.token("alice", "user"))
                .contentType(ContentType.JSON)
                .body("{\"tourId\": ")
                .post("/bookings")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://realtime.dev/problems/malformed-body"));
    }

    @Test
    void callsWithoutAValidTokenAreUnauthorized() {
        given().get("/bookings").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("https://realtime.dev/problems/unauthorized"));
        given().auth().oauth2(TestTokens.foreignToken("alice", "user")).get("/bookings").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.expiredToken("alice", "user")).get("/bookings").then().statusCode(401)
                .contentType("application/problem+json");
    }

    static String createBooking(String owner) {
        return Api.booking(TestTokens.token(owner, "user"), Api.tour(3));
    }
}
