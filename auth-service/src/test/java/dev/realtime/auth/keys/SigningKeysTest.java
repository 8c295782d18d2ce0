package dev.realtime.auth.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.realtime.auth.model.KeyState;
import dev.realtime.auth.model.SigningKey;
import dev.realtime.auth.repository.SigningKeyRepository;
import dev.realtime.auth.service.SigningKeys;
import dev.realtime.platform.test.KafkaResource;
import dev.realtime.platform.test.PostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "database", value = "auth"))
class SigningKeysTest {

    private static final int REPLICAS = 4;

    @Inject
    SigningKeys keys;

    @Inject
    SigningKeyRepository repository;

    @Test
    void replicasStartingTogetherCreateExactlyOneKey() throws Exception {
        List<String> before = activeKids();
        // a database with no active key, as on the very first start
        QuarkusTransaction.requiringNew().run(() -> repository.update(
                "state = ?1, retiredAt = ?2 where state = ?3", KeyState.RETIRED, Instant.now(), KeyState.ACTIVE));
        ExecutorService replicas = Executors.newFixedThreadPool(REPLICAS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> starts = new ArrayList<>();
            for (int i = 0; i < REPLICAS; i++) {
                starts.add(replicas.submit(() -> {
                    go.await();
                    keys.ensureActiveKey();
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> start : starts) {
                start.get(60, TimeUnit.SECONDS);
            }

            List<String> after = activeKids();
            assertEquals(1, after.size(), "one new active key, whichever replica made it: " + after);
            assertFalse(before.contains(after.get(0)));
        } finally {
            replicas.shutdownNow();
            restore(before);
        }
    }

    @Test
    void ensuringAnActiveKeyWhenOneExistsChangesNothing() {
        List<String> before = activeKids();
        keys.ensureActiveKey();
        assertEquals(before, activeKids());
        assertEquals(before.get(0), keys.signer().kid(), "the newest active key signs");
    }

    private List<String> activeKids() {
        return QuarkusTransaction.requiringNew().call(() -> repository.active().stream().map(key -> key.kid).toList());
    }

    /** Puts the keys back as they were, so the other tests keep verifying with the keys they know. */
    private void restore(List<String> active) {
        QuarkusTransaction.requiringNew().run(() -> {
            repository.delete("state = ?1 and kid not in ?2", KeyState.ACTIVE, active);
            for (String kid : active) {
                SigningKey key = repository.findById(kid);
                key.state = KeyState.ACTIVE;
                key.retiredAt = null;
            }
        });
    }
}
