package dev.realtime.booking.bookings;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.realtime.platform.test.KafkaResource;
import dev.realtime.platform.test.PostgresResource;
import dev.realtime.platform.test.TokenResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The gateway's check for {@code booking:{id}} subscriptions, made with the subscriber's own token: its customer
 * and admins may; anyone else gets the 404 a missing booking gets, so that ids cannot be probed.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "booking"))
@WithTestResource(TokenResource.class)
class AccessCheckTest {

    @Test
    void theCustomerAndAdminsMaySubscribeOthersGetNotFound() {
        String tour = Api.tour(5);
        String dora = Api.newUser("dora");
        String id = Api.booking(dora, tour);

        given().auth().oauth2(dora).get("/bookings/" + id + "/access").then().statusCode(204).body(emptyString());
        given().auth().oauth2(Api.ADMIN).get("/bookings/" + id + "/access").then().statusCode(204);
        given().auth().oauth2(Api.newUser("eve")).get("/bookings/" + id + "/access").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    void aMissingBookingIsNotFoundForAdminsToo() {
        given().auth().oauth2(Api.ADMIN).get("/bookings/" + UUID.randomUUID() + "/access").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void withoutATokenTheAnswerIs401() {
        given().get("/bookings/" + UUID.randomUUID() + "/access").then().statusCode(401)
                .contentType("application/problem+json");
    }
}
