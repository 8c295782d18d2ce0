package dev.realtime.chat.support;

import static io.restassured.RestAssured.given;

import java.util.Map;

import dev.realtime.platform.test.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** chat-service's REST API as the tests call it, one user at a time. */
public final class ChatApi {

    private ChatApi() {
    }

    /** A request made with this user's token (role {@code user}). */
    public static RequestSpecification as(String user) {
        return given().auth().oauth2(TestTokens.token(user, "user")).contentType(ContentType.JSON);
    }

    /** A request made with the token of an admin (roles {@code user} and {@code admin}). */
    public static RequestSpecification asAdmin(String admin) {
        return given().auth().oauth2(TestTokens.token(admin, "user", "admin")).contentType(ContentType.JSON);
    }

    /** Opens a closed room owned by this user and returns its id. */
    public static String createRoom(String owner) {
        return createRoom(owner, false);
    }

    /** Opens a room owned by this user, open to anyone or closed, and returns its id. */
    public static String createRoom(String owner, boolean open) {
        return as(owner).body(Map.of("name", "room of " + owner, "open", open)).post("/rooms")
                .then().statusCode(201).extract().path("id");
    }

    /** Posts a message over REST as this member and returns its seq. */
    public static long post(String sender, String room, String clientMessageId, String body) {
        return as(sender).body(Map.of("clientMessageId", clientMessageId, "body", body))
                .post("/rooms/{id}/messages", room).then().statusCode(201).extract().<Number>path("seq").longValue();
    }

    /** Has the owner (or an admin) add this user to the room. */
    public static void addMember(String owner, String room, String user) {
        as(owner).put("/rooms/{id}/members/{user}", room, user).then().statusCode(200);
    }
}
