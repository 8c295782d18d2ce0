package dev.realtime.gateway.health;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.realtime.gateway.delivery.DeliveryReader;

/** Ready once the delivery consumer has every partition of the delivery topics assigned and positioned. */
@Readiness
@ApplicationScoped
public class DeliveryReadiness implements HealthCheck {

    private final DeliveryReader consumer;

    @Inject
    public DeliveryReadiness(DeliveryReader consumer) {
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        Set<TopicPartition> partitions = consumer.assignedPartitions();
        return HealthCheckResponse.named("kafka-delivery")
                .status(consumer.isReady())
                .withData("partitions", partitions.size())
                .build();
    }
}
