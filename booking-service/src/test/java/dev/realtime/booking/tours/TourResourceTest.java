package dev.realtime.booking.tours;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.realtime.booking.bookings.Api;
import dev.realtime.platform.event.EventHeaders;
import dev.realtime.platform.test.KafkaResource;
import dev.realtime.platform.test.PostgresResource;
import dev.realtime.platform.test.TestNames;
import dev.realtime.platform.test.TokenResource;
import dev.realtime.platform.test.TopicReader;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Tours: admins manage them, everyone lists them, and a tour's state decides whether it takes bookings. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "booking"))
@WithTestResource(TokenResource.class)
class TourResourceTest {

    @Test
    void onlyAdminsCreateAndChangeTours() {
        String user = Api.newUser("user");
        given().auth().oauth2(user).contentType(ContentType.JSON).body(Api.tourBody("mine", 3)).post("/tours")
                .then().statusCode(403).contentType("application/problem+json");
        String tour = Api.tour(3);
        given().auth().oauth2(user).contentType(ContentType.JSON).body(Api.tourBody("mine", 3))
                .put("/tours/" + tour).then().statusCode(403);
        for (String action : List.of("close", "open", "cancel")) {
            given().auth().oauth2(user).post("/tours/" + tour + "/" + action).then().statusCode(403);
        }
        given().auth().oauth2(user).get("/tours/" + tour).then().statusCode(200).body("status", equalTo("OPEN"))
                .body("seatsLeft", equalTo(3)).body("price", equalTo(50.0f));
    }

    @Test
    void everyoneSearchesAndPagesThroughTours() {
        String word = TestNames.unique("Cave").replace('-', 'x');
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(Api.ADMIN).contentType(ContentType.JSON).body(Api.tourBody(word + " " + i, 4))
                    .post("/tours").then().statusCode(201);
        }
        String user = Api.newUser("browser");
        given().auth().oauth2(user).queryParam("q", word.toLowerCase()).get("/tours").then().statusCode(200)
                .body("total", equalTo(3)).body("items.size()", equalTo(3));
        given().auth().oauth2(user).queryParam("q", word).queryParam("size", 2).queryParam("page", 1).get("/tours")
                .then().body("total", equalTo(3)).body("items.size()", equalTo(1)).body("page", equalTo(1));
        given().auth().oauth2(user).queryParam("q", "%").queryParam("status", "CANCELLED").get("/tours").then()
                .statusCode(200).body("items.name", not(hasItem(word + " 0")));
    }

    @Test
    void aStaleIfMatchIs412AndCapacityNeverDropsBelowTheSeatsBooked() {
        String tour = Api.tour(4);
        Api.book(Api.newUser("holder"), tour, 3);
        String tag = given().auth().oauth2(Api.ADMIN).get("/tours/" + tour).then().extract().header("ETag");
        Map<String, Object> smaller = new HashMap<>(Api.tourBody("smaller", 2));
        given().auth().oauth2(Api.ADMIN).contentType(ContentType.JSON).body(smaller).header("If-Match", tag)
                .put("/tours/" + tour).then().statusCode(409).body("state.status", equalTo("OPEN"));
        smaller.put("capacity", 3);
        given().auth().oauth2(Api.ADMIN).contentType(ContentType.JSON).body(smaller).header("If-Match", tag)
                .put("/tours/" + tour).then().statusCode(200).body("capacity", equalTo(3)).body("seatsLeft", equalTo(0));
        given().auth().oauth2(Api.ADMIN).contentType(ContentType.JSON).body(smaller).header("If-Match", tag)
                .put("/tours/" + tour).then().statusCode(412);
    }

    @Test
    void aClosedTourTakesNoBookingsUntilItOpensAgain() {
        String tour = Api.tour(4);
        String kim = Api.newUser("kim");
        String held = Api.booking(kim, tour);
        given().auth().oauth2(Api.ADMIN).post("/tours/" + tour + "/close").then().statusCode(200)
                .body("status", equalTo("CLOSED"));
        given().auth().oauth2(Api.ADMIN).post("/tours/" + tour + "/close").then().statusCode(409)
                .body("state.status", equalTo("CLOSED"));
        given().auth().oauth2(kim).contentType(ContentType.JSON).body(Map.of("tourId", tour, "guests", 1))
                .post("/bookings").then().statusCode(409).body("state.status", equalTo("CLOSED"));
        Api.done(Api.ADMIN, held, "confirm");
        given().auth().oauth2(Api.ADMIN).post("/tours/" + tour + "/open").then().statusCode(200);
        assertEquals(201, Api.book(kim, tour, 1).statusCode());
    }

    @Test
    void cancellingATourCancelsAndRefundsItsBookingsAndTellsEachCustomer() {
        String tour = Api.tour(6);
        String lea = Api.newUser("lea");
        String max = Api.newUser("max");
        String leas = Api.booking(lea, tour);
        String maxs = Api.booking(max, tour);
        String done = Api.booking(max, tour);
        Api.done(lea, leas, "pay");
        Api.done(Api.ADMIN, maxs, "confirm");
        Api.done(Api.ADMIN, done, "confirm");
        Api.done(Api.ADMIN, done, "complete");
        String leaId = given().auth().oauth2(lea).get("/bookings/" + leas).then().extract().path("ownerId");
        String maxId = given().auth().oauth2(max).get("/bookings/" + maxs).then().extract().path("ownerId");

        given().auth().oauth2(Api.ADMIN).post("/tours/" + tour + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));

        given().auth().oauth2(lea).get("/bookings/" + leas).then().body("status", equalTo("CANCELLED"))
                .body("paymentStatus", equalTo("REFUNDED"));
        given().auth().oauth2(max).get("/bookings/" + maxs).then().body("status", equalTo("CANCELLED"));
        given().auth().oauth2(max).get("/bookings/" + done).then().body("status", equalTo("COMPLETED"));
        assertEquals(409, Api.book(lea, tour, 1).statusCode());
        given().auth().oauth2(Api.ADMIN).post("/tours/" + tour + "/open").then().statusCode(409);

        try (TopicReader reader = TopicReader.fromBeginning("booking.events")) {
            ConsumerRecord<String, byte[]> toLea = reader.await(r -> leas.equals(r.key())
                    && "booking.cancelled".equals(TopicReader.header(r, EventHeaders.EVENT_TYPE)), Duration.ofSeconds(15));
            assertEquals("user:" + leaId + ",role:admin,booking:" + leas, TopicReader.header(toLea, EventHeaders.CHANNELS));
            reader.await(r -> maxs.equals(r.key())
                    && "booking.cancelled".equals(TopicReader.header(r, EventHeaders.EVENT_TYPE)), Duration.ofSeconds(15));
            ConsumerRecord<String, byte[]> told = reader.await(r -> tour.equals(r.key())
                    && "tour.cancelled".equals(TopicReader.header(r, EventHeaders.EVENT_TYPE)), Duration.ofSeconds(15));
            assertEquals(Set.of("role:admin", "user:" + leaId, "user:" + maxId),
                    Set.of(TopicReader.header(told, EventHeaders.CHANNELS).split(",")));
            assertEquals(0, reader.seen().stream().filter(r -> done.equals(r.key())
                    && "booking.cancelled".equals(TopicReader.header(r, EventHeaders.EVENT_TYPE))).count());
        }
    }
}
