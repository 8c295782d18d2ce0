package dev.realtime.booking.tours;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import dev.realtime.booking.bookings.Api;
import dev.realtime.platform.test.KafkaResource;
import dev.realtime.platform.test.PostgresResource;
import dev.realtime.platform.test.TokenResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Seats: never more sold than the capacity, even to customers racing over real HTTP; cancelling frees them. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "booking"))
@WithTestResource(TokenResource.class)
class SeatCapacityTest {

    private static final int CAPACITY = 7;
    private static final int CUSTOMERS = 24;

    /**
     * Customers, each on a thread of their own and released together, book two seats each on a tour of seven,
     * with one seat already taken: exactly three bookings fit (six seats), and the rest are told it is sold out.
     */
    @RepeatedTest(3)
    void customersRacingForTheLastSeatsNeverOverbook() throws Exception {
        String tour = Api.tour(CAPACITY);
        Api.booking(Api.newUser("early"), tour);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CUSTOMERS);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < CUSTOMERS; i++) {
                String customer = Api.newUser("racer");
                answers.add(pool.submit(() -> {
                    start.await();
                    return Api.book(customer, tour, 2).statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3, statuses.stream().filter(s -> s == 201).count(), "booked: " + statuses);
        assertEquals(CUSTOMERS - 3, statuses.stream().filter(s -> s == 409).count(), "sold out: " + statuses);
        given().auth().oauth2(Api.ADMIN).get("/tours/" + tour).then().body("seatsLeft", equalTo(0));
        given().auth().oauth2(Api.ADMIN).queryParam("tourId", tour).get("/bookings/all").then()
                .body("total", equalTo(4));
    }

    @Test
    void cancellingFreesTheSeats() {
        String tour = Api.tour(2);
        String ann = Api.newUser("ann");
        String booked = Api.book(ann, tour, 2).path("id");
        given().auth().oauth2(Api.newUser("late")).contentType("application/json")
                .body("{\"tourId\":\"" + tour + "\",\"guests\":1}").post("/bookings").then().statusCode(409)
                .body("state.seatsLeft", equalTo(0));

        Api.done(ann, booked, "cancel");

        given().auth().oauth2(Api.ADMIN).get("/tours/" + tour).then().body("seatsLeft", equalTo(2));
        assertEquals(201, Api.book(Api.newUser("late"), tour, 2).statusCode());
    }
}
