package dev.realtime.platform.test;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.management.JMException;
import javax.management.ObjectName;
import javax.management.StandardMBean;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.jboss.logging.Logger;

/**
 * One real Apache Kafka KRaft broker (combined broker and controller) in this JVM, started on first use and
 * stopped when the JVM exits. Its address is kept in a system property so that every class loader
 * Quarkus creates for a test sees the same broker.
 * <p>
 * A test can {@link #stopBroker()} and {@link #startBroker()} it again on the same port, to see a service through
 * a Kafka outage. The switch is a platform MBean, reached by name: the cluster object lives in the class loader
 * that started it, which need not be the test's.
 */
public final class TestKafka {

    private static final Logger LOG = Logger.getLogger(TestKafka.class);
    private static final String BOOTSTRAP_PROPERTY = "rt.test.kafka.bootstrap-servers";
    private static final String CONTROL_NAME = "dev.realtime.test:type=TestKafka";

    /** The outage switch, as the MBean offers it. */
    public interface Control {
        void stopBroker();

        void startBroker();
    }

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
            registerControl(cluster);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(cluster), "test-kafka-shutdown"));
            LOG.infof("Started Kafka KRaft broker at %s in %d ms", bootstrap, (System.nanoTime() - started) / 1_000_000);
            System.setProperty(BOOTSTRAP_PROPERTY, bootstrap);
            return bootstrap;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the test Kafka broker", e);
        }
    }

    /**
     * Stops the broker until {@link #startBroker()}; the KRaft controller keeps running, so the broker comes back
     * with its log and its port. A test that stops it starts it again in a {@code finally}.
     */
    public static void stopBroker() {
        control("stopBroker");
    }

    /** Starts the broker {@link #stopBroker()} stopped, and returns once it serves again. */
    public static void startBroker() {
        control("startBroker");
    }

    private static void control(String operation) {
        bootstrapServers();
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(CONTROL_NAME), operation, null, null);
        } catch (JMException e) {
            throw new IllegalStateException("the test broker did not " + operation, e);
        }
    }

    private static void registerControl(KafkaClusterTestKit cluster) throws JMException {
        Control control = new Control() {
            @Override
            public synchronized void stopBroker() {
                cluster.brokers().values().forEach(broker -> {
                    broker.shutdown();
                    broker.awaitShutdown();
                });
                LOG.info("Stopped the test Kafka broker");
            }

            @Override
            public synchronized void startBroker() {
                cluster.brokers().values().forEach(broker -> broker.startup());
                try {
                    cluster.waitForReadyBrokers();
                } catch (Exception e) {
                    throw new IllegalStateException("the test broker did not become ready", e);
                }
                LOG.info("Started the test Kafka broker again");
            }
        };
        ManagementFactory.getPlatformMBeanServer().registerMBean(new StandardMBean(control, Control.class),
                new ObjectName(CONTROL_NAME));
    }

    private static void close(KafkaClusterTestKit cluster) {
        try {
            cluster.close();
        } catch (Exception e) {
            LOG.warn("Test Kafka broker did not stop cleanly", e);
        }
    }
}
