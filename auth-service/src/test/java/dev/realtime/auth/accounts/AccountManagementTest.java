package dev.realtime.auth.accounts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.realtime.platform.test.KafkaResource;
import dev.realtime.platform.test.PostgresResource;
import dev.realtime.platform.test.TestNames;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** Password change, profiles, and what admins do to accounts, over real HTTP and PostgreSQL. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "auth"))
class AccountManagementTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void changingThePasswordNeedsTheCurrentOneAndEndsTheOtherSessions() {
        String username = TestNames.unique("changer");
        Accounts.register(username);
        ExtractableResponse<Response> here = Accounts.loginForTokens(username, Accounts.PASSWORD);
        ExtractableResponse<Response> elsewhere = Accounts.loginForTokens(username, Accounts.PASSWORD);

        given().auth().oauth2(here.path("accessToken")).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "not the password", "newPassword", "a brand new password"))
                .post("/auth/password")
                .then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("https://realtime.dev/problems/wrong-password"));
        given().auth().oauth2(here.path("accessToken")).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", Accounts.PASSWORD, "newPassword", "short"))
                .post("/auth/password")
                .then().statusCode(400).body("errors.field", contains("newPassword"));

        given().auth().oauth2(here.path("accessToken")).contentType(ContentType.JSON)
                .body(Map.of("currentPassword", Accounts.PASSWORD, "newPassword", "a brand new password"))
                .post("/auth/password")
                .then().statusCode(204);

        Accounts.refresh(elsewhere.path("refreshToken")).then().statusCode(401);
        Accounts.refresh(here.path("refreshToken")).then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("username", username, "password", Accounts.PASSWORD))
                .post("/auth/login").then().statusCode(401);
        Accounts.login(username, "a brand new password");
    }

    @Test
    void anySignedInUserReadsProfilesOneOrManyAtATime() {
        String alice = Accounts.register(TestNames.unique("prof-a"));
        String bob = Accounts.register(TestNames.unique("prof-b"));
        String reader = readerToken();

        given().auth().oauth2(reader).get("/users/" + alice)
                .then().statusCode(200)
                .body("id", equalTo(alice))
                .body("roles", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(reader).get("/users/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);

        given().auth().oauth2(reader).queryParam("ids", bob + "," + UUID.randomUUID() + "," + alice).get("/users")
                .then().statusCode(200)
                .body("id", contains(bob, alice))
                .body("[0].keySet()", org.hamcrest.Matchers.containsInAnyOrder("id", "username", "displayName"));
        given().auth().oauth2(reader).queryParam("ids", "not-an-id").get("/users").then().statusCode(400);
        given().get("/users/" + alice).then().statusCode(401);
    }

    @Test
    void anAdminChangesRolesAndAUserMayNot() {
        String id = Accounts.register(TestNames.unique("promoted"));
        String admin = Accounts.login("admin", "admin-password");

        given().auth().oauth2(readerToken()).contentType(ContentType.JSON).body(Map.of("roles", List.of("user", "admin")))
                .put("/admin/users/" + id + "/roles")
                .then().statusCode(403).contentType(PROBLEM);

        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("roles", List.of("admin")))
                .put("/admin/users/" + id + "/roles")
                .then().statusCode(200).body("roles", contains("user", "admin"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("roles", List.of("root")))
                .put("/admin/users/" + id + "/roles")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void aDisabledUserCannotLogInOrRefresh() {
        String username = TestNames.unique("disabled");
        String id = Accounts.register(username);
        ExtractableResponse<Response> session = Accounts.loginForTokens(username, Accounts.PASSWORD);
        String admin = Accounts.login("admin", "admin-password");

        given().auth().oauth2(session.path("accessToken")).post("/admin/users/" + id + "/disable").then().statusCode(403);
        given().auth().oauth2(admin).post("/admin/users/" + id + "/disable")
                .then().statusCode(200).body("disabled", equalTo(true));

        Accounts.refresh(session.path("refreshToken")).then().statusCode(401).contentType(PROBLEM)
                .body("type", equalTo("https://realtime.dev/problems/invalid-refresh-token"));
        given().contentType(ContentType.JSON).body(Map.of("username", username, "password", Accounts.PASSWORD))
                .post("/auth/login").then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("https://realtime.dev/problems/account-disabled"));
        // a wrong password still gets the answer an unknown user gets: disabled accounts are not revealed
        given().contentType(ContentType.JSON).body(Map.of("username", username, "password", "wrong password"))
                .post("/auth/login").then().statusCode(401);
    }

    @Test
    void anAdminListsAndSearchesUsersPageByPage() {
        String prefix = TestNames.unique("srch");
        for (int i = 0; i < 3; i++) {
            Accounts.register(prefix + i);
        }
        String admin = Accounts.login("admin", "admin-password");

        ExtractableResponse<Response> first = given().auth().oauth2(admin).queryParam("q", prefix.toUpperCase())
                .queryParam("size", 2).get("/admin/users")
                .then().statusCode(200).body("total", equalTo(3)).body("items", hasSize(2)).extract();
        assertEquals(List.of(prefix + "0", prefix + "1"), first.path("items.username"));
        given().auth().oauth2(admin).queryParam("q", prefix).queryParam("size", 2).queryParam("page", 1).get("/admin/users")
                .then().statusCode(200).body("items.username", contains(prefix + "2"));
        given().auth().oauth2(admin).get("/admin/users").then().statusCode(200).body("total", greaterThanOrEqualTo(4));
        given().auth().oauth2(admin).queryParam("size", 0).get("/admin/users").then().statusCode(400);
        given().auth().oauth2(readerToken()).get("/admin/users").then().statusCode(403);
    }

    private static String readerToken() {
        String username = TestNames.unique("reader");
        Accounts.register(username);
        return Accounts.login(username, Accounts.PASSWORD);
    }
}
