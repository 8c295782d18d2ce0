package dev.realtime.auth;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;

/** Test helpers that go through the public REST API only. */
final class Accounts {

    static final String PASSWORD = "correct horse battery";

    private Accounts() {
    }

    /** A username no other test uses. */
    static String uniqueUsername(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Registers an account with {@link #PASSWORD}; returns its id. */
    static String register(String username) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", PASSWORD))
                .post("/auth/register")
                .then().statusCode(201)
                .extract().path("id");
    }

    /** Logs in; returns the access token. */
    static String login(String username, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .post("/auth/login")
                .then().statusCode(200)
                .extract().path("accessToken");
    }
}
