package dev.realtime.auth.sessions;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.realtime.auth.accounts.Accounts;
import dev.realtime.platform.test.KafkaResource;
import dev.realtime.platform.test.PostgresResource;
import dev.realtime.platform.test.TestNames;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** Refresh tokens over real HTTP and PostgreSQL: rotation, reuse, the browser cookie, logout. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "auth"))
class SessionsTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String INVALID_REFRESH = "https://realtime.dev/problems/invalid-refresh-token";

    @Inject
    DataSource database;

    @Test
    void everyRefreshRotatesTheRefreshTokenAndIssuesANewAccessToken() {
        String username = newUser("rotor");
        ExtractableResponse<Response> login = Accounts.loginForTokens(username, Accounts.PASSWORD);
        String first = login.path("refreshToken");
        assertEquals(1209600, (int) login.path("refreshExpiresIn"));

        ExtractableResponse<Response> refreshed = Accounts.refresh(first).then().statusCode(200)
                .body("tokenType", equalTo("Bearer"))
                .body("expiresIn", equalTo(900))
                .extract();
        String second = refreshed.path("refreshToken");
        assertNotEquals(first, second);
        assertNotEquals(login.path("accessToken"), refreshed.<String>path("accessToken"));
        given().auth().oauth2(refreshed.path("accessToken")).get("/auth/me")
                .then().statusCode(200).body("username", equalTo(username));

        String third = Accounts.refresh(second).then().statusCode(200).extract().path("refreshToken");
        assertNotNull(third);
    }

    @Test
    void reusingARotatedRefreshTokenRevokesTheWholeFamily() {
        String username = newUser("thief");
        String first = Accounts.loginForTokens(username, Accounts.PASSWORD).path("refreshToken");
        String second = Accounts.refresh(first).then().statusCode(200).extract().path("refreshToken");

        // the attacker replays the stolen, already rotated token
        Accounts.refresh(first).then().statusCode(401).contentType(PROBLEM).body("type", equalTo(INVALID_REFRESH));
        // and so the legitimate holder's current token is dead too: the family is revoked
        Accounts.refresh(second).then().statusCode(401).body("type", equalTo(INVALID_REFRESH));
        assertEquals(List.of("reuse"), revokedReasons(username));

        // a fresh login opens a new, working session
        String fresh = Accounts.loginForTokens(username, Accounts.PASSWORD).path("refreshToken");
        Accounts.refresh(fresh).then().statusCode(200);
    }

    @Test
    void unknownOrMissingRefreshTokensAreRefused() {
        Accounts.refresh("bm90IGEgcmVhbCByZWZyZXNoIHRva2VuIGF0IGFsbA").then().statusCode(401)
                .contentType(PROBLEM).body("type", equalTo(INVALID_REFRESH));
        given().contentType(ContentType.JSON).body("{}").post("/auth/refresh")
                .then().statusCode(401).body("type", equalTo(INVALID_REFRESH));
        given().post("/auth/refresh").then().statusCode(401).body("type", equalTo(INVALID_REFRESH));
    }

    @Test
    void onlyTheHashOfARefreshTokenIsStored() throws Exception {
        String username = newUser("hashed");
        String token = Accounts.loginForTokens(username, Accounts.PASSWORD).path("refreshToken");
        List<String> hashes = query("select t.token_hash from refresh_token t join refresh_family f on f.id = t.family_id"
                + " join app_user u on u.id = f.user_id where u.username = ?", username);
        assertEquals(List.of(sha256Hex(token)), hashes);
        assertEquals(List.of(), query("select token_hash from refresh_token where token_hash = ?", token));
    }

    @Test
    void browsersGetTheRefreshTokenInAStrictHttpOnlyCookieOnTheRefreshPath() {
        String username = newUser("browser");
        Response login = given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", Accounts.PASSWORD))
                .post("/auth/login");
        login.then().statusCode(200).body("refreshToken", nullValue()).body("accessToken", not(nullValue()));
        String setCookie = login.getHeader("Set-Cookie");
        assertCookieAttributes(setCookie);
        String cookie = login.getCookie("rt_refresh");
        assertFalse(login.asString().contains(cookie), "the body never carries the browser's refresh token");

        // the browser sends the cookie back on the refresh path only, with no body
        Response refreshed = given().cookie("rt_refresh", cookie).post("/auth/refresh");
        refreshed.then().statusCode(200).body("refreshToken", nullValue());
        assertCookieAttributes(refreshed.getHeader("Set-Cookie"));
        String next = refreshed.getCookie("rt_refresh");
        assertNotEquals(cookie, next);
        given().cookie("rt_refresh", cookie).post("/auth/refresh").then().statusCode(401);
    }

    @Test
    void logoutEndsThatSessionOnly() {
        String username = newUser("leaver");
        ExtractableResponse<Response> phone = Accounts.loginForTokens(username, Accounts.PASSWORD);
        ExtractableResponse<Response> laptop = Accounts.loginForTokens(username, Accounts.PASSWORD);

        Response logout = given().auth().oauth2(phone.path("accessToken")).post("/auth/logout");
        logout.then().statusCode(204);
        assertTrue(logout.getHeader("Set-Cookie").contains("Max-Age=0"), "the browser forgets its cookie");

        Accounts.refresh(phone.path("refreshToken")).then().statusCode(401).body("type", equalTo(INVALID_REFRESH));
        Accounts.refresh(laptop.path("refreshToken")).then().statusCode(200);
        assertEquals(List.of("logout"), revokedReasons(username));
    }

    @Test
    void logoutEverywhereEndsEverySession() {
        String username = newUser("everywhere");
        ExtractableResponse<Response> phone = Accounts.loginForTokens(username, Accounts.PASSWORD);
        ExtractableResponse<Response> laptop = Accounts.loginForTokens(username, Accounts.PASSWORD);
        String rotated = Accounts.refresh(laptop.path("refreshToken")).then().statusCode(200).extract().path("refreshToken");

        given().auth().oauth2(phone.path("accessToken")).post("/auth/logout-everywhere").then().statusCode(204);

        Accounts.refresh(phone.path("refreshToken")).then().statusCode(401);
        Accounts.refresh(rotated).then().statusCode(401);
        assertEquals(List.of("logout-everywhere", "logout-everywhere"), revokedReasons(username));
        given().post("/auth/logout-everywhere").then().statusCode(401);
    }

    private static void assertCookieAttributes(String setCookie) {
        assertNotNull(setCookie, "a Set-Cookie header");
        List<String> attributes = List.of(setCookie.split(";\\s*"));
        assertTrue(attributes.get(0).startsWith("rt_refresh="), setCookie);
        assertTrue(attributes.contains("HttpOnly"), setCookie);
        assertTrue(attributes.contains("Secure"), setCookie);
        assertTrue(attributes.contains("SameSite=Strict"), setCookie);
        assertTrue(attributes.contains("Path=/auth/refresh"), setCookie);
        assertTrue(attributes.contains("Max-Age=1209600"), setCookie);
    }

    private static String newUser(String prefix) {
        String username = TestNames.unique(prefix);
        Accounts.register(username);
        return username;
    }

    private List<String> revokedReasons(String username) {
        return query("select f.revoked_reason from refresh_family f join app_user u on u.id = f.user_id"
                + " where u.username = ? and f.revoked_at is not null order by f.revoked_reason", username);
    }

    private List<String> query(String sql, String parameter) {
        try (Connection connection = database.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static String sha256Hex(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}
