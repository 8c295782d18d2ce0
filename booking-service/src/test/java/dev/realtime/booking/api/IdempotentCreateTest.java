package dev.realtime.booking.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.realtime.booking.bookings.Api;
import dev.realtime.platform.test.KafkaResource;
import dev.realtime.platform.test.PostgresResource;
import dev.realtime.platform.test.TestNames;
import dev.realtime.platform.test.TestTokens;
import dev.realtime.platform.test.TokenResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** A create sent again with its Idempotency-Key answers with the first one's booking and books nothing more. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "booking"))
@WithTestResource(TokenResource.class)
class IdempotentCreateTest {

    private static String body;

    /** Booking three seats of one roomy tour, created on first use (the application is up by then). */
    private static synchronized String body() {
        if (body == null) {
            body = "{\"tourId\":\"" + Api.tour(1000) + "\",\"guests\":3}";
        }
        return body;
    }

    private static ExtractableResponse<Response> book(String token, String key) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body());
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.post("/bookings").then().extract();
    }

    private static int bookingsOf(String token) {
        return given().auth().oauth2(token).get("/bookings").then().statusCode(200).extract().path("total");
    }

    @Test
    void aRetryWithTheSameKeyAnswersWithTheSameBooking() {
        String token = TestTokens.token(TestNames.unique("retry"), "user");
        String key = UUID.randomUUID().toString();
        ExtractableResponse<Response> first = book(token, key);
        ExtractableResponse<Response> again = book(token, key);
        assertEquals(201, first.statusCode());
        assertEquals(201, again.statusCode());
        assertEquals(first.path("id").toString(), again.path("id").toString());
        assertEquals(first.header("Location"), again.header("Location"));
        assertEquals(1, bookingsOf(token));
    }

    @Test
    void concurrentCreatesWithOneKeyBookOnce() throws Exception {
        String token = TestTokens.token(TestNames.unique("racer"), "user");
        String key = UUID.randomUUID().toString();
        int callers = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<ExtractableResponse<Response>>> answers = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return book(token, key);
                }));
            }
            start.countDown();
            Set<String> ids = new HashSet<>();
            for (Future<ExtractableResponse<Response>> answer : answers) {
                ExtractableResponse<Response> response = answer.get(30, TimeUnit.SECONDS);
                assertEquals(201, response.statusCode(), response.asString());
                ids.add(response.path("id").toString());
            }
            assertEquals(1, ids.size(), "one booking for one key: " + ids);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, bookingsOf(token));
    }

    @Test
    void aKeyBelongsToItsCallerAndNoKeyMeansEveryCallBooks() {
        String alice = TestTokens.token(TestNames.unique("alice"), "user");
        String bob = TestTokens.token(TestNames.unique("bob"), "user");
        String key = UUID.randomUUID().toString();
        String alicesBooking = book(alice, key).path("id").toString();
        String bobsBooking = book(bob, key).path("id").toString();
        assertEquals(false, alicesBooking.equals(bobsBooking), "another caller's key is not alice's");

        book(alice, null);
        book(alice, null);
        assertEquals(3, bookingsOf(alice));
    }

    @Test
    void aMalformedKeyIsRefusedBeforeAnythingIsBooked() {
        String token = TestTokens.token(TestNames.unique("badkey"), "user");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body()).header("Idempotency-Key", "two words")
                .post("/bookings")
                .then().statusCode(400).contentType(startsWith("application/problem+json")).body("status", equalTo(400));
        assertEquals(0, bookingsOf(token));
    }
}
