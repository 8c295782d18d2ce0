package dev.realtime.gateway.health;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.realtime.gateway.config.GatewayConfig;
import dev.realtime.gateway.support.Gateway;
import dev.realtime.platform.test.KafkaResource;
import dev.realtime.platform.test.TestTopics;
import dev.realtime.platform.test.TokenResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Readiness reports how many partitions the delivery consumer reads, and that is every partition the broker has
 * for the delivery topics, a partition added while running included. (Readiness DOWN until the broker can be
 * reached is {@link KafkaUnreachableTest}.)
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(TokenResource.class)
class ReadinessTest {

    @Inject
    GatewayConfig config;

    @BeforeEach
    void awaitReady() {
        Gateway.awaitReady();
    }

    @Test
    void readinessReportsEveryPartitionOfEveryDeliveryTopic() {
        JsonNode check = Gateway.deliveryReadiness();
        assertEquals("UP", check.path("status").asText(), check.toString());
        assertEquals(brokerPartitions(), check.path("data").path("partitions").asInt(), check.toString());
    }

    @Test
    void aPartitionAddedWhileRunningIsReported() {
        // an earlier test may have added one that the gateway has not picked up yet
        awaitReportedPartitions(brokerPartitions());
        int before = brokerPartitions();

        TestTopics.addPartition(config.topics().get(0));

        assertEquals(before + 1, brokerPartitions());
        awaitReportedPartitions(before + 1);
        assertEquals("UP", Gateway.deliveryReadiness().path("status").asText());
    }

    /** Partitions of the delivery topics, as the broker counts them. */
    private int brokerPartitions() {
        return TestTopics.partitionCounts(config.topics()).values().stream().mapToInt(Integer::intValue).sum();
    }

    private static void awaitReportedPartitions(int expected) {
        // the gateway looks for new partitions every gateway.partition-check-interval (500 ms in tests)
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertEquals(expected,
                Gateway.deliveryReadiness().path("data").path("partitions").asInt()));
    }
}
