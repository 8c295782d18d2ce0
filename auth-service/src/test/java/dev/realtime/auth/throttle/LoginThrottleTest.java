package dev.realtime.auth.throttle;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.realtime.auth.accounts.Accounts;
import dev.realtime.platform.test.KafkaResource;
import dev.realtime.platform.test.PostgresResource;
import dev.realtime.platform.test.TestNames;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Failed-login throttling over real HTTP and PostgreSQL. Client addresses are given as {@code X-Forwarded-For}
 * (forwarding is on in the test profile); lockouts start at 60 s here, so no test depends on timing.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "auth"))
class LoginThrottleTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String TOO_MANY = "https://realtime.dev/problems/too-many-login-attempts";

    @Inject
    DataSource database;

    @Test
    void aBurstOfWrongPasswordsIsThrottledWhileAnotherAccountFromElsewhereLogsIn() {
        String victim = TestNames.unique("victim");
        Accounts.register(victim);
        String bystander = TestNames.unique("bystander");
        Accounts.register(bystander);

        for (int i = 0; i < 5; i++) {
            login(victim, "wrong password " + i, "198.51.100.1").then().statusCode(401);
        }
        // the sixth failure locks the account for 60 s
        login(victim, "wrong password 5", "198.51.100.1").then().statusCode(401);
        Response throttled = login(victim, "wrong password 6", "198.51.100.1");
        throttled.then().statusCode(429).contentType(PROBLEM).body("type", equalTo(TOO_MANY)).body("status", equalTo(429));
        int retryAfter = Integer.parseInt(throttled.getHeader("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 60, "Retry-After " + retryAfter);

        // even the right password waits, from any address: the lock is on the account name
        login(victim, Accounts.PASSWORD, "198.51.100.2").then().statusCode(429);
        // another account from another address is not affected
        login(bystander, Accounts.PASSWORD, "198.51.100.3").then().statusCode(200);

        // the next failure after a lockout doubles it
        setLockedUntilPast("account:" + victim);
        login(victim, "wrong password 7", "198.51.100.1").then().statusCode(401);
        int doubled = Integer.parseInt(login(victim, "wrong password 8", "198.51.100.1").then().statusCode(429)
                .extract().header("Retry-After"));
        assertTrue(doubled > 60 && doubled <= 120, "Retry-After after the second lockout " + doubled);
    }

    @Test
    void aThrottledUnknownAccountGetsTheSameAnswerAsAThrottledRealOne() {
        String real = TestNames.unique("real");
        Accounts.register(real);
        String unknown = TestNames.unique("ghost");
        for (int i = 0; i < 6; i++) {
            login(real, "wrong", "198.51.100.10").then().statusCode(401);
            login(unknown, "wrong", "198.51.100.11").then().statusCode(401);
        }
        Response forReal = login(real, "wrong", "198.51.100.10");
        Response forUnknown = login(unknown, "wrong", "198.51.100.11");
        forReal.then().statusCode(429);
        forUnknown.then().statusCode(429);
        assertEquals(forReal.asString(), forUnknown.asString());
    }

    @Test
    void oneAddressTryingManyAccountsIsThrottled() {
        String address = "203.0.113.7";
        for (int i = 0; i < 151; i++) {
            login(TestNames.unique("spray"), "wrong", address).then().statusCode(401);
        }
        String someone = TestNames.unique("someone");
        Accounts.register(someone);
        login(someone, Accounts.PASSWORD, address).then().statusCode(429).body("type", equalTo(TOO_MANY));
        login(someone, Accounts.PASSWORD, "203.0.113.8").then().statusCode(200);
    }

    /**
     * What two replicas sharing the database do, made concrete: failures for one account arriving at once on many
     * connections (each request its own worker thread and transaction). Every failure that was answered 401 is
     * counted exactly once in the shared table, so no replica can lose another's count.
     */
    @Test
    void concurrentFailuresAreAllCountedInTheSharedTable() throws Exception {
        String target = TestNames.unique("raced");
        Accounts.register(target);
        int attempts = 24;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                String address = "192.0.2." + (i + 1);
                answers.add(pool.submit(() -> login(target, "wrong", address).statusCode()));
            }
            int unauthorized = 0;
            int throttled = 0;
            for (Future<Integer> answer : answers) {
                int status = answer.get();
                if (status == 401) {
                    unauthorized++;
                } else {
                    assertEquals(429, status);
                    throttled++;
                }
            }
            assertEquals(unauthorized, failures("account:" + target), "every answered failure counted once");
            assertTrue(unauthorized >= 6, "at least the allowance and the locking failure: " + unauthorized);
            assertTrue(throttled > 0, "later attempts were throttled");
        } finally {
            pool.shutdownNow();
        }
    }

    private static Response login(String username, String password, String address) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", address)
                .body(Map.of("username", username, "password", password))
                .post("/auth/login");
    }

    private int failures(String subject) throws Exception {
        try (Connection connection = database.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select failures from throttle.login_throttle where subject = ?")) {
            statement.setString(1, subject);
            try (ResultSet row = statement.executeQuery()) {
                assertTrue(row.next(), "a row for " + subject);
                return row.getInt(1);
            }
        }
    }

    /** Ends the current lockout as if its time had passed, keeping the count. */
    private void setLockedUntilPast(String subject) {
        try (Connection connection = database.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "update throttle.login_throttle set locked_until = now() - interval '1 second' where subject = ?")) {
            statement.setString(1, subject);
            assertEquals(1, statement.executeUpdate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
