package dev.realtime.chat.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.realtime.platform.test.KafkaResource;
import dev.realtime.platform.test.PostgresResource;
import dev.realtime.platform.test.TestTokens;
import dev.realtime.platform.test.TokenResource;
import dev.realtime.platform.test.openapi.RawHttp;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * The REST surface's edges, one finding of the review per test, on a real service: the refusals the HTTP layer
 * and the JSON reader make are problem+json, and a refused create leaves no room behind.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "chat"))
@WithTestResource(TokenResource.class)
class RestSurfaceTest {

    private static final String PROBLEM = "application/problem+json";

    @TestHTTPResource("/")
    URL root;

    private final String owner = TestTokens.token("surface-" + System.nanoTime(), "user");

    private ValidatableResponse createRoom(String contentType, String accept, String body) {
        var request = given().auth().oauth2(owner).contentType(contentType).body(body);
        if (accept != null) {
            request = request.header("Accept", accept);
        }
        return request.post("/rooms").then();
    }

    private List<String> roomNames() {
        return given().auth().oauth2(owner).get("/rooms").then().statusCode(200).extract().path("name");
    }

    @Test
    void anUnparsableAcceptIsA406BeforeAnythingIsCreated() {
        createRoom("application/json", "application/json;;", "{\"name\":\"accept-garbage\"}")
                .statusCode(406).contentType(startsWith(PROBLEM)).body("status", equalTo(406));
        createRoom("application/json", "text/html", "{\"name\":\"accept-html\"}")
                .statusCode(406).contentType(startsWith(PROBLEM));
        assertTrue(roomNames().isEmpty(), "a refused create left a room: " + roomNames());
    }

    @Test
    void theLocationOfANewRoomAnswers() {
        String location = createRoom("application/json", null, "{\"name\":\"located\"}")
                .statusCode(201).extract().header("Location");
        given().auth().oauth2(owner).get(location).then().statusCode(200).body("name", equalTo("located"));
        given().auth().oauth2(TestTokens.token("stranger", "user")).get(location)
                .then().statusCode(404).contentType(startsWith(PROBLEM));
    }

    @Test
    void aPlainTextBodyIsNotARoomName() {
        createRoom("text/plain", null, "plain-name").statusCode(415).contentType(startsWith(PROBLEM))
                .body("status", equalTo(415));
        assertTrue(roomNames().isEmpty());
    }

    @Test
    void wrongJsonShapesAreProblemsNamingTheField() {
        createRoom("application/json", null, "[]").statusCode(400).contentType(startsWith(PROBLEM));
        createRoom("application/json", null, "42").statusCode(400).contentType(startsWith(PROBLEM));
        createRoom("application/json", null, "{\"name\":7}").statusCode(400).contentType(startsWith(PROBLEM))
                .body("errors.field", hasItem("name"));
        createRoom("application/json", null, "{\"name\":\"a\",\"name\":\"b\"}").statusCode(400)
                .contentType(startsWith(PROBLEM));
        createRoom("application/json", null, "{\"name\":\"a\"}xyz").statusCode(400).contentType(startsWith(PROBLEM));
        createRoom("application/json", null, "[".repeat(1200) + "]".repeat(1200)).statusCode(400)
                .contentType(startsWith(PROBLEM));
        createRoom("application/json", null, "{\"name\":\"a\\u0000b\"}").statusCode(400)
                .contentType(startsWith(PROBLEM)).body("errors.field", hasItem("name"));
        assertTrue(roomNames().isEmpty(), "a refused body left a room: " + roomNames());
    }

    @Test
    void malformedAndOverlongTargetsAreProblems() {
        for (String target : List.of("/rooms?q=%G1", "/rooms/%zz", "/rooms?q=%00", "/rooms?q=" + "z".repeat(5000))) {
            RawHttp.Response response = RawHttp.send(root.getHost(), root.getPort(), "GET", target,
                    Map.of("Authorization", "Bearer " + owner), null);
            int expected = target.length() > 4096 ? 414 : 400;
            assertEquals(expected, response.status(), target.substring(0, Math.min(40, target.length())));
            assertTrue(String.valueOf(response.header("content-type")).startsWith(PROBLEM), response.headers().toString());
            assertTrue(response.text().contains("\"status\":" + expected), response.text());
        }
    }

    @Test
    void requestsAreAcceptedAsJsonOnly() {
        given().auth().oauth2(owner).contentType(ContentType.JSON).body("{\"name\":\"json\"}").post("/rooms")
                .then().statusCode(201);
    }
}
