package dev.realtime.platform.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void waitsDoubleUpToTheMaximumAndStartOverAfterASuccess() {
        Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofMillis(1000));
        assertEquals(Duration.ofMillis(200), backoff.next());
        assertEquals(Duration.ofMillis(400), backoff.next());
        assertEquals(Duration.ofMillis(800), backoff.next());
        assertEquals(Duration.ofMillis(1000), backoff.next());
        assertEquals(Duration.ofMillis(1000), backoff.next());
        backoff.reset();
        assertEquals(Duration.ofMillis(200), backoff.next());
    }

    @Test
    void aMaximumBelowTheFirstWaitIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)));
    }
}
