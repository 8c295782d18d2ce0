package dev.realtime.chat.access;

import static dev.realtime.chat.support.ChatApi.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.realtime.chat.support.ChatApi;
import dev.realtime.platform.test.KafkaResource;
import dev.realtime.platform.test.PostgresResource;
import dev.realtime.platform.test.TestNames;
import dev.realtime.platform.test.TokenResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The gateway's subscription check for {@code room:} channels, answered with the subscriber's own token. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "chat"))
@WithTestResource(TokenResource.class)
class RoomAccessTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void aMemberMaySubscribe() {
        String alice = TestNames.unique("alice");
        String room = ChatApi.createRoom(alice);
        as(alice).get("/rooms/{id}/access", room).then().statusCode(204);
    }

    @Test
    void aStrangerIsForbiddenAnExistingRoom() {
        String room = ChatApi.createRoom(TestNames.unique("alice"));
        as(TestNames.unique("mallory")).get("/rooms/{id}/access", room)
                .then().statusCode(403).contentType(startsWith(PROBLEM)).body("status", equalTo(403));
    }

    @Test
    void aRoomThatDoesNotExistIsNotFound() {
        as(TestNames.unique("alice")).get("/rooms/{id}/access", UUID.randomUUID())
                .then().statusCode(404).contentType(startsWith(PROBLEM)).body("status", equalTo(404));
        as(TestNames.unique("alice")).get("/rooms/{id}/access", "not-a-room")
                .then().statusCode(404).contentType(startsWith(PROBLEM));
    }

    @Test
    void theCheckNeedsAToken() {
        String room = ChatApi.createRoom(TestNames.unique("alice"));
        given().get("/rooms/{id}/access", room).then().statusCode(401).contentType(startsWith(PROBLEM));
    }
}
