package dev.realtime.platform.test;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.jboss.logging.Logger;

/**
 * One real Apache Kafka KRaft broker (combined broker and controller) in this JVM, started on first use and
 * stopped when the JVM exits. Its address is kept in a system property so that every class loader
 * Quarkus creates for a test sees the same broker.
 */
public final class TestKafka {

    private static final Logger LOG = Logger.getLogger(TestKafka.class);
    private static final String BOOTSTRAP_PROPERTY = "rt.test.kafka.bootstrap-servers";

    private TestKafka() {
    }

    /** The bootstrap servers of the broker, starting it if this JVM has none yet. */
    public static synchronized String bootstrapServers() {
        String running = System.getProperty(BOOTSTRAP_PROPERTY);
        if (running != null) {
            return running;
        }
        try {
            long started = System.nanoTime();
            // Our own data directory: the test kit's default one is deleted by a shutdown hook of its own that
            // races ours, and a broker whose log directory vanishes under it halts the JVM with exit code 1.
            // The cluster deletes this one itself, after its brokers have stopped.
            Path dataDirectory = Files.createTempDirectory("test-kafka-");
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setBaseDirectory(dataDirectory)
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
                    .setConfigProp("auto.create.topics.enable", "false")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    // one broker: with the default of 3 the offsets topic is never created, and no consumer group forms
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            String bootstrap = cluster.bootstrapServers();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(cluster), "test-kafka-shutdown"));
            LOG.infof("Started Kafka KRaft broker at %s in %d ms", bootstrap, (System.nanoTime() - started) / 1_000_000);
            System.setProperty(BOOTSTRAP_PROPERTY, bootstrap);
            return bootstrap;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the test Kafka broker", e);
        }
    }

    private static void close(KafkaClusterTestKit cluster) {
        try {
            cluster.close();
        } catch (Exception e) {
            LOG.warn("Test Kafka broker did not stop cleanly", e);
        }
    }
}
