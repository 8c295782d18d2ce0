package dev.realtime.booking.bookings;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.realtime.platform.test.KafkaResource;
import dev.realtime.platform.test.PostgresResource;
import dev.realtime.platform.test.TokenResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * Every action from every reachable state: the legal ones move the booking as the issue says, the others are a 409
 * naming the current state and change nothing. The expected outcomes are written out here, independently of the
 * service's own rules. Then who may take which action.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "booking"))
@WithTestResource(TokenResource.class)
class StateMachineTest {

    /** A reachable state and the actions (by whoever may take them) that reach it from a new booking. */
    record State(String status, String payment, List<String> path) {
        @Override
        public String toString() {
            return status + "/" + payment;
        }
    }

    static final List<State> STATES = List.of(
            new State("PENDING", "UNPAID", List.of()),
            new State("PENDING", "PAID", List.of("pay")),
            new State("PENDING", "REFUNDED", List.of("pay", "refund")),
            new State("CONFIRMED", "UNPAID", List.of("confirm")),
            new State("CONFIRMED", "PAID", List.of("confirm", "pay")),
            new State("CONFIRMED", "REFUNDED", List.of("confirm", "pay", "refund")),
            new State("COMPLETED", "UNPAID", List.of("confirm", "complete")),
            new State("COMPLETED", "PAID", List.of("confirm", "pay", "complete")),
            new State("COMPLETED", "REFUNDED", List.of("confirm", "pay", "complete", "refund")),
            new State("CANCELLED", "UNPAID", List.of("cancel")),
            new State("CANCELLED", "REFUNDED", List.of("pay", "cancel")));

    static final List<String> ACTIONS = List.of("confirm", "cancel", "complete", "pay", "refund");

    /** Where the action leads from the state, or null when it is illegal there. */
    static String[] expected(State from, String action) {
        boolean active = from.status.equals("PENDING") || from.status.equals("CONFIRMED");
        return switch (action) {
            case "confirm" -> from.status.equals("PENDING") ? new String[] { "CONFIRMED", from.payment } : null;
            case "cancel" -> active ? new String[] { "CANCELLED",
                    from.payment.equals("PAID") ? "REFUNDED" : from.payment } : null;
            case "complete" -> from.status.equals("CONFIRMED") ? new String[] { "COMPLETED", from.payment } : null;
            case "pay" -> active && from.payment.equals("UNPAID") ? new String[] { from.status, "PAID" } : null;
            case "refund" -> from.payment.equals("PAID") ? new String[] { from.status, "REFUNDED" } : null;
            default -> throw new IllegalArgumentException(action);
        };
    }

    static Stream<Arguments> everyStateAndAction() {
        List<Arguments> cases = new ArrayList<>();
        for (State state : STATES) {
            for (String action : ACTIONS) {
                cases.add(Arguments.of(state, action));
            }
        }
        return cases.stream();
    }

    /** Who may take the action: the customer pays, admins confirm, complete and refund, the customer cancels. */
    static String actor(String action, String customer) {
        return action.equals("pay") || action.equals("cancel") ? customer : Api.ADMIN;
    }

    static String bookingIn(State state, String customer, String tour) {
        String id = Api.booking(customer, tour);
        for (String step : state.path) {
            Api.done(actor(step, customer), id, step);
        }
        given().auth().oauth2(customer).get("/bookings/" + id).then().statusCode(200)
                .body("status", equalTo(state.status)).body("paymentStatus", equalTo(state.payment));
        return id;
    }

    @ParameterizedTest(name = "{1} from {0}")
    @MethodSource("everyStateAndAction")
    void everyActionFromEveryState(State from, String action) {
        String customer = Api.newUser("sm");
        String id = bookingIn(from, customer, Api.tour(2));
        int version = given().auth().oauth2(customer).get("/bookings/" + id).then().extract().path("version");
        String[] to = expected(from, action);

        ExtractableResponse<Response> answer = Api.act(actor(action, customer), id, action);

        if (to == null) {
            assertEquals(409, answer.statusCode(), answer.asString());
            assertEquals("application/problem+json", answer.contentType());
            assertEquals(409, (int) answer.path("status"));
            assertEquals("https://realtime.dev/problems/illegal-transition", answer.path("type"));
            assertEquals(from.status, answer.path("state.status"));
            assertEquals(from.payment, answer.path("state.paymentStatus"));
            assertEquals(version, (int) answer.path("state.version"));
            given().auth().oauth2(customer).get("/bookings/" + id).then().body("status", equalTo(from.status))
                    .body("paymentStatus", equalTo(from.payment)).body("version", equalTo(version));
        } else {
            assertEquals(200, answer.statusCode(), answer.asString());
            assertEquals(to[0], answer.path("status"));
            assertEquals(to[1], answer.path("paymentStatus"));
            assertEquals(version + 1, (int) answer.path("version"));
            assertEquals("\"" + (version + 1) + "\"", answer.header("ETag"));
        }
    }

    @Test
    void aStrangerGetsNotFoundForEveryActionAndChangesNothing() {
        String customer = Api.newUser("owner");
        String id = Api.booking(customer, Api.tour(2));
        String stranger = Api.newUser("stranger");
        for (String action : ACTIONS) {
            ExtractableResponse<Response> answer = Api.act(stranger, id, action);
            assertEquals(404, answer.statusCode(), action + ": " + answer.asString());
            assertEquals("application/problem+json", answer.contentType());
        }
        given().auth().oauth2(stranger).get("/bookings/" + id).then().statusCode(404);
        given().auth().oauth2(customer).get("/bookings/" + id).then().body("version", equalTo(0));
    }

    @Test
    void theCustomerMayNotConfirmCompleteOrRefund() {
        String customer = Api.newUser("self-serve");
        String id = Api.booking(customer, Api.tour(2));
        Api.done(customer, id, "pay");
        for (String action : List.of("confirm", "refund")) {
            assertEquals(403, Api.act(customer, id, action).statusCode(), action);
        }
        Api.done(Api.ADMIN, id, "confirm");
        assertEquals(403, Api.act(customer, id, "complete").statusCode());
        given().auth().oauth2(customer).get("/bookings/" + id).then().body("status", equalTo("CONFIRMED"))
                .body("paymentStatus", equalTo("PAID"));
    }

    @Test
    void anAdminMayCancelButNotPayForACustomer() {
        String customer = Api.newUser("customer");
        String id = Api.booking(customer, Api.tour(2));
        ExtractableResponse<Response> paid = Api.act(Api.ADMIN, id, "pay");
        assertEquals(403, paid.statusCode(), paid.asString());
        Api.done(Api.ADMIN, id, "cancel");
        given().auth().oauth2(customer).get("/bookings/" + id).then().body("status", equalTo("CANCELLED"));
    }

    @Test
    void anUnknownActionIsNotFound() {
        String customer = Api.newUser("customer");
        String id = Api.booking(customer, Api.tour(2));
        assertEquals(404, Api.act(Api.ADMIN, id, "approve").statusCode());
    }

    @Test
    void aStaleIfMatchIs412AndTheCurrentOneIsTaken() {
        String customer = Api.newUser("locker");
        String id = Api.booking(customer, Api.tour(2));
        String tag = given().auth().oauth2(customer).get("/bookings/" + id).then().statusCode(200)
                .extract().header("ETag");
        assertEquals("\"0\"", tag);
        Api.done(customer, id, "pay");

        given().auth().oauth2(customer).header("If-Match", tag).post("/bookings/" + id + "/cancel").then()
                .statusCode(412).contentType("application/problem+json").body("status", equalTo(412));
        given().auth().oauth2(customer).get("/bookings/" + id).then().body("status", equalTo("PENDING"));

        given().auth().oauth2(customer).header("If-Match", "\"1\"").post("/bookings/" + id + "/cancel").then()
                .statusCode(200).header("ETag", "\"2\"").body("status", equalTo("CANCELLED"))
                .body("paymentStatus", equalTo("REFUNDED"));
        given().auth().oauth2(Api.ADMIN).header("If-Match", "*").post("/bookings/" + id + "/refund").then()
                .statusCode(409);
        given().auth().oauth2(Api.ADMIN).header("If-Match", "W/\"2\"").post("/bookings/" + id + "/refund").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void adminsListEveryBookingByTourAndStatusCustomersOnlyTheirOwn() {
        String tour = Api.tour(10);
        String ann = Api.newUser("ann");
        String ben = Api.newUser("ben");
        String first = Api.booking(ann, tour);
        String second = Api.booking(ben, tour);
        String third = Api.booking(ben, tour);
        Api.done(Api.ADMIN, second, "confirm");

        given().auth().oauth2(Api.ADMIN).queryParam("tourId", tour).get("/bookings/all").then().statusCode(200)
                .body("total", equalTo(3)).body("items.id", equalTo(List.of(third, second, first)));
        given().auth().oauth2(Api.ADMIN).queryParam("tourId", tour).queryParam("status", "CONFIRMED")
                .get("/bookings/all").then().body("total", equalTo(1)).body("items[0].id", equalTo(second));
        given().auth().oauth2(Api.ADMIN).queryParam("tourId", tour).queryParam("size", 2).queryParam("page", 1)
                .get("/bookings/all").then().body("total", equalTo(3)).body("items.id", equalTo(List.of(first)));
        given().auth().oauth2(ben).get("/bookings/all").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(ben).get("/bookings").then().statusCode(200).body("total", equalTo(2))
                .body("items.id", equalTo(List.of(third, second)));
        given().auth().oauth2(ben).queryParam("status", "PENDING").get("/bookings").then()
                .body("items.id", equalTo(List.of(third)));
    }
}
