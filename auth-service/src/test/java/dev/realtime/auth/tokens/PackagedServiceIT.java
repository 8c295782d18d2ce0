package dev.realtime.auth.tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import org.junit.jupiter.api.Test;

import dev.realtime.auth.accounts.Accounts;
import dev.realtime.platform.test.KafkaResource;
import dev.realtime.platform.test.PostgresResource;
import dev.realtime.platform.test.TestNames;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The packaged jar in the prod profile. In dev and test mode smallrye-jwt adds an in-memory key of its own
 * when none is configured; only the prod profile shows that tokens verify through the key table alone.
 */
@QuarkusIntegrationTest
@WithTestResource(KafkaResource.class)
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "auth_it"))
class PackagedServiceIT {

    @Test
    void issuedTokensVerifyInTheProdProfile() {
        String username = TestNames.unique("packaged");
        String id = Accounts.register(username);
        String token = Accounts.login(username, Accounts.PASSWORD);

        given().auth().oauth2(token).get("/auth/me")
                .then().statusCode(200)
                .body("id", equalTo(id));
        given().get("/auth/me").then().statusCode(401);
        given().get("/.well-known/jwks.json")
                .then().statusCode(200)
                .body("keys[0].kid", not(emptyOrNullString()));
        given().get("/q/health/ready").then().statusCode(200);
    }
}
