package dev.realtime.auth.api;

import static io.restassured.RestAssured.given;

import java.net.URL;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.realtime.platform.test.KafkaResource;
import dev.realtime.platform.test.PostgresResource;
import dev.realtime.platform.test.openapi.OpenApiGuard;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * auth-service's REST API against its own OpenAPI document (see {@link OpenApiGuard}). auth-service verifies
 * tokens against its own keys, so the callers are real accounts: two new users and the bootstrap admin.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "auth"))
class OpenApiGuardTest extends OpenApiGuard {

    @Override
    protected Map<String, String> callerTokens(URL root) {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("user", newAccount());
        tokens.put("other-user", newAccount());
        tokens.put("admin", login("admin", "admin-password"));
        return tokens;
    }

    private static String newAccount() {
        String username = "guard-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", "guard-password"))
                .post("/auth/register")
                .then().statusCode(201);
        return login(username, "guard-password");
    }

    private static String login(String username, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .post("/auth/login")
                .then().statusCode(200)
                .extract().path("accessToken");
    }
}
