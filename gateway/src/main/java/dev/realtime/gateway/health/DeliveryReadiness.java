package dev.realtime.gateway.health;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.realtime.gateway.delivery.DeliveryReader;
import dev.realtime.gateway.transport.Drain;

/**
 * Ready once the delivery reader has every partition assigned and the history window warm; DOWN again while the
 * replica drains on shutdown.
 */
@Readiness
@ApplicationScoped
public class DeliveryReadiness implements HealthCheck {

    private final DeliveryReader consumer;
    private final Drain drain;

    @Inject
    public DeliveryReadiness(DeliveryReader consumer, Drain drain) {
        this.consumer = consumer;
        this.drain = drain;
    }

    @Override
    public HealthCheckResponse call() {
        Set<TopicPartition> partitions = consumer.assignedPartitions();
        return HealthCheckResponse.named("kafka-delivery")
                .status(consumer.isReady() && !drain.draining())
                .withData("partitions", partitions.size())
                .withData("draining", drain.draining())
                .build();
    }
}
