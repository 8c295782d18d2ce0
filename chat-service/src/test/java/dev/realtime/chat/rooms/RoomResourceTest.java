package dev.realtime.chat.rooms;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.realtime.platform.event.EventHeaders;
import dev.realtime.platform.test.KafkaResource;
import dev.realtime.platform.test.PostgresResource;
import dev.realtime.platform.test.TestNames;
import dev.realtime.platform.test.TestTokens;
import dev.realtime.platform.test.TokenResource;
import dev.realtime.platform.test.TopicReader;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "chat"))
@WithTestResource(TokenResource.class)
class RoomResourceTest {

    @Test
    void aNewRoomBelongsToItsCreatorAndIsAnnouncedOnItsChannel() {
        String alice = TestNames.unique("alice");
        String id = given().auth().oauth2(TestTokens.token(alice, "user"))
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Trip to Porto"))
                .post("/rooms")
                .then().statusCode(201)
                .body("createdBy", equalTo(alice))
                .extract().path("id");

        given().auth().oauth2(TestTokens.token(alice, "user")).get("/rooms")
                .then().statusCode(200).body("id", hasItem(id));
        given().auth().oauth2(TestTokens.token(TestNames.unique("bob"), "user")).get("/rooms")
                .then().statusCode(200).body("id", not(hasItem(id)));

        try (TopicReader reader = TopicReader.fromBeginning("chat.events")) {
            ConsumerRecord<String, byte[]> record = reader.await(r -> id.equals(r.key()), Duration.ofSeconds(15));
            assertEquals("user:" + alice + ",room:" + id, TopicReader.header(record, EventHeaders.CHANNELS));
            assertEquals("room.created", TopicReader.header(record, EventHeaders.EVENT_TYPE));
        }
    }

    @Test
    void aRoomNeedsAName() {
        given().auth().oauth2(TestTokens.token("alice", "user"))
                .contentType(ContentType.JSON)
                .body(Map.of("name", " "))
                .post("/rooms")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"));
    }

    @Test
    void roomsNeedAValidToken() {
        given().get("/rooms").then().statusCode(401);
        given().auth().oauth2(TestTokens.foreignToken("alice", "user")).get("/rooms").then().statusCode(401);
    }
}
