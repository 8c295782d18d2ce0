package dev.realtime.auth.accounts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.realtime.platform.test.KafkaResource;
import dev.realtime.platform.test.PostgresResource;
import dev.realtime.platform.test.TestNames;
import dev.realtime.platform.test.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "auth"))
class AuthResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void registeredUserLogsInAndSeesThemselves() {
        String username = TestNames.unique("alice");
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", Accounts.PASSWORD, "displayName", "  Alice Liddell "))
                .post("/auth/register")
                .then().statusCode(201)
                .contentType(ContentType.JSON)
                .body("id", not(emptyOrNullString()))
                .body("username", equalTo(username))
                .body("displayName", equalTo("Alice Liddell"))
                .body("roles", contains("user"))
                .body("passwordHash", nullValue())
                .body("password", nullValue())
                .extract().path("id");

        ExtractableResponse<Response> login = given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", Accounts.PASSWORD))
                .post("/auth/login")
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("tokenType", equalTo("Bearer"))
                .body("expiresIn", equalTo(900))
                .extract();

        given().auth().oauth2(login.path("accessToken")).get("/auth/me")
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("username", equalTo(username))
                .body("displayName", equalTo("Alice Liddell"))
                .body("roles", contains("user"));
    }

    @Test
    void usernamesAreCaseInsensitiveAndStoredLowerCased() {
        String username = TestNames.unique("Bob.Mixed_Case");
        given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", Accounts.PASSWORD))
                .post("/auth/register")
                .then().statusCode(201)
                .body("username", equalTo(username.toLowerCase()))
                .body("displayName", equalTo(username.toLowerCase()));

        Accounts.login(username.toUpperCase(), Accounts.PASSWORD);

        given().contentType(ContentType.JSON)
                .body(Map.of("username", username.toLowerCase(), "password", Accounts.PASSWORD))
                .post("/auth/register")
                .then().statusCode(409);
    }

    @Test
    void takenUsernameIsAConflict() {
        String username = TestNames.unique("carol");
        Accounts.register(username);

        given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", "another password"))
                .post("/auth/register")
                .then().statusCode(409)
                .contentType(PROBLEM)
                .body("type", equalTo("https://realtime.dev/problems/username-taken"))
                .body("status", equalTo(409))
                .body("detail", equalTo("the username '" + username + "' is already taken"));

        // the first account is untouched: its password still works, the second one does not
        Accounts.login(username, Accounts.PASSWORD);
        given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", "another password"))
                .post("/auth/login")
                .then().statusCode(401);
    }

    @Test
    void invalidRegistrationNamesEveryBadField() {
        given().contentType(ContentType.JSON)
                .body(Map.of("username", "a b", "password", "short", "displayName", "x".repeat(65)))
                .post("/auth/register")
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("type", equalTo("https://realtime.dev/problems/validation"))
                .body("status", equalTo(400))
                .body("errors.field", containsInAnyOrder("username", "password", "displayName"));

        given().contentType(ContentType.JSON)
                .body(Map.of("username", "ab", "password", "p".repeat(129)))
                .post("/auth/register")
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("username", "password"));

        given().contentType(ContentType.JSON)
                .body(Map.of("password", Accounts.PASSWORD))
                .post("/auth/register")
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", contains("username"));
    }

    @Test
    void boundaryLengthsAreAccepted() {
        String username = TestNames.unique("x".repeat(23)); // 23 + 1 + 8 = 32 characters
        assertEquals(32, username.length());
        given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", "p".repeat(128)))
                .post("/auth/register")
                .then().statusCode(201);
        Accounts.login(username, "p".repeat(128));
    }

    @Test
    void malformedBodyIsAProblem() {
        given().contentType(ContentType.JSON)
                .body("{\"username\": ")
                .post("/auth/register")
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("status", equalTo(400));
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        String username = TestNames.unique("dave");
        Accounts.register(username);

        ExtractableResponse<Response> wrongPassword = given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", "not the password"))
                .post("/auth/login")
                .then().statusCode(401).contentType(PROBLEM).extract();
        ExtractableResponse<Response> unknownUser = given().contentType(ContentType.JSON)
                .body(Map.of("username", TestNames.unique("nobody"), "password", "not the password"))
                .post("/auth/login")
                .then().statusCode(401).contentType(PROBLEM).extract();

        assertEquals(wrongPassword.body().asString(), unknownUser.body().asString());
        assertEquals("https://realtime.dev/problems/invalid-credentials", wrongPassword.path("type"));
    }

    @Test
    void loginWithoutCredentialsIsInvalid() {
        given().contentType(ContentType.JSON)
                .body(Map.of("username", "someone"))
                .post("/auth/login")
                .then().statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", contains("password"));
    }

    @Test
    void meNeedsAValidToken() {
        given().get("/auth/me").then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
        given().auth().oauth2("not-a-jwt").get("/auth/me").then().statusCode(401);
        // well formed and signed, but by a key this service never published
        given().auth().oauth2(TestTokens.foreignToken("alice", "user")).get("/auth/me").then().statusCode(401);
    }

    @Test
    void bootstrapAdminHoldsTheAdminRole() {
        String token = Accounts.login("admin", "admin-password");
        given().auth().oauth2(token).get("/auth/me")
                .then().statusCode(200)
                .body("username", equalTo("admin"))
                .body("roles", hasItems("user", "admin"));
    }

    @Test
    void apiIsDescribedAndServiceIsReady() {
        given().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("paths.keySet()", hasItems("/auth/register", "/auth/login", "/auth/me", "/.well-known/jwks.json"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
