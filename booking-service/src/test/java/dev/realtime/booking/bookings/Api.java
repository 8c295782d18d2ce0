package dev.realtime.booking.bookings;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import dev.realtime.platform.test.TestNames;
import dev.realtime.platform.test.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** The calls booking-service's tests make again and again: tours by an admin, bookings and actions by users. */
public final class Api {

    /** An admin of the test key set (role {@code admin}, the default {@code booking.admin-role}). */
    public static final String ADMIN = TestTokens.token("root", "user", "admin");

    private Api() {
    }

    public static String user(String name) {
        return TestTokens.token(name, "user");
    }

    /** A token for a user no other test uses; its subject is {@link #subjectOf}. */
    public static String newUser(String prefix) {
        return user(TestNames.unique(prefix));
    }

    /** An open tour a week ahead, 50.00 EUR a seat; its id. */
    public static String tour(int capacity) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(tourBody(TestNames.unique("tour"),
                capacity)).post("/tours").then().statusCode(201).extract().path("id");
    }

    public static Map<String, Object> tourBody(String name, int capacity) {
        LocalDate start = LocalDate.now(ZoneOffset.UTC).plusDays(7);
        return Map.of("name", name, "description", "a walk", "price", 50.00, "currency", "EUR",
                "capacity", capacity, "startsOn", start.toString(), "endsOn", start.plusDays(1).toString());
    }

    public static ExtractableResponse<Response> book(String token, String tourId, int guests) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("tourId", tourId, "guests", guests)).post("/bookings").then().extract();
    }

    /** A new PENDING booking of one seat; its id. */
    public static String booking(String token, String tourId) {
        ExtractableResponse<Response> booked = book(token, tourId, 1);
        if (booked.statusCode() != 201) {
            throw new AssertionError("booking refused: " + booked.statusCode() + " " + booked.asString());
        }
        return booked.path("id");
    }

    public static ExtractableResponse<Response> act(String token, String bookingId, String action) {
        return given().auth().oauth2(token).post("/bookings/" + bookingId + "/" + action).then().extract();
    }

    /** Takes an action that must succeed. */
    public static void done(String token, String bookingId, String action) {
        ExtractableResponse<Response> answer = act(token, bookingId, action);
        if (answer.statusCode() != 200) {
            throw new AssertionError(action + " refused: " + answer.statusCode() + " " + answer.asString());
        }
    }
}
