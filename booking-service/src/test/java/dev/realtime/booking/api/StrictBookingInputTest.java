package dev.realtime.booking.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import dev.realtime.platform.test.KafkaResource;
import dev.realtime.platform.test.PostgresResource;
import dev.realtime.platform.test.TestTokens;
import dev.realtime.platform.test.TokenResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** A booking is stored as the customer wrote it or refused with the field named; nothing is coerced. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "booking"))
@WithTestResource(TokenResource.class)
class StrictBookingInputTest {

    private static final String SOME_TOUR = "\"0b6f9d5e-8d1c-4c3e-9a51-3f0e2d7c1a42\"";

    private ValidatableResponse book(String body) {
        return given().auth().oauth2(TestTokens.token("strict-" + System.nanoTime(), "user"))
                .contentType(ContentType.JSON).body(body).post("/bookings").then();
    }

    private static void refusedAt(ValidatableResponse response, String field) {
        response.statusCode(400).contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400)).body("errors.field", hasItem(field));
    }

    @Test
    void aFractionOfAGuestIsRefused() {
        refusedAt(book("{\"tourId\":" + SOME_TOUR + ",\"guests\":1.5}"), "guests");
    }

    @Test
    void guestsAreRequired() {
        refusedAt(book("{\"tourId\":" + SOME_TOUR + "}"), "guests");
    }

    @Test
    void aNumberOrAnythingButAUuidIsNotATourId() {
        refusedAt(book("{\"tourId\":7,\"guests\":2}"), "tourId");
        refusedAt(book("{\"tourId\":\"porto\",\"guests\":2}"), "tourId");
    }

    @Test
    void aNulInATourIdIsRefused() {
        refusedAt(book("{\"tourId\":\"a\\u0000\",\"guests\":2}"), "tourId");
    }

    @Test
    void theDocumentSaysWhatIsRequired() {
        given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("components.schemas.CreateBookingRequest.required", hasItem("guests"))
                .body("paths.'/bookings'.post.responses.'201'.headers.Location", org.hamcrest.Matchers.notNullValue());
    }
}
