package dev.realtime.auth.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import dev.realtime.platform.test.KafkaResource;
import dev.realtime.platform.test.PostgresResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Register and login refuse what the review found them taking or failing on, with the field named. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "auth"))
class StrictAccountInputTest {

    @Test
    void aNulInAUsernameOrPasswordIsA400NotA500() {
        given().contentType(ContentType.JSON).body("{\"username\":\"nul\\u0000user\",\"password\":\"password-1\"}")
                .post("/auth/register")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem("username"));
        given().contentType(ContentType.JSON).body("{\"username\":\"someone\",\"password\":\"pw\\u0000\"}")
                .post("/auth/login")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem("password"));
    }

    @Test
    void aRepeatedMemberIsA400() {
        given().contentType(ContentType.JSON).body("{\"username\":\"a\",\"password\":\"b\",\"password\":\"c\"}")
                .post("/auth/login")
                .then().statusCode(400).contentType(startsWith("application/problem+json")).body("status", equalTo(400));
    }

    @Test
    void theUsernamePatternIsAnchoredAndRegisterDocumentsItsBody() {
        given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("components.schemas.RegisterRequest.properties.username.pattern", startsWith("^"))
                .body("paths.'/auth/register'.post.responses.'201'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/User"));
    }
}
