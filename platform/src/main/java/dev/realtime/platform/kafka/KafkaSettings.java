package dev.realtime.platform.kafka;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a service's Kafka topics are created when they do not exist yet. */
@ConfigMapping(prefix = "rt.kafka")
public interface KafkaSettings {

    /** Topics this service produces to or needs; created at start if missing. */
    Optional<List<String>> topics();

    /** Partitions of a topic this service creates. */
    @WithDefault("3")
    int partitions();

    /** Replication factor of a topic this service creates; 3 in production. */
    @WithDefault("1")
    short replicationFactor();
}
