package dev.realtime.auth.accounts;

import static io.restassured.RestAssured.given;

import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** Test helpers that go through the public REST API only. */
public final class Accounts {

    public static final String PASSWORD = "correct horse battery";

    private Accounts() {
    }

    /** Registers an account with {@link #PASSWORD}; returns its id. */
    public static String register(String username) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", PASSWORD))
                .post("/auth/register")
                .then().statusCode(201)
                .extract().path("id");
    }

    /** Logs in asking for the refresh token in the body; returns the token response. */
    public static ExtractableResponse<Response> loginForTokens(String username, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password, "refreshIn", "body"))
                .post("/auth/login")
                .then().statusCode(200)
                .extract();
    }

    /** Exchanges a refresh token sent in the body; returns the raw answer. */
    public static Response refresh(String refreshToken) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("refreshToken", refreshToken))
                .post("/auth/refresh");
    }

    /** Logs in; returns the access token. */
    public static String login(String username, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .post("/auth/login")
                .then().statusCode(200)
                .extract().path("accessToken");
    }
}
