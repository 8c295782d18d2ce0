package dev.realtime.platform.inbox;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import dev.realtime.platform.kafka.Backoff;
import dev.realtime.platform.kafka.KafkaClients;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Creates the dead-letter topic of every incoming Kafka channel of this service, in the background, retrying
 * until the broker answers. A dead-letter topic that does not exist would not show until the first poison
 * record, and then stall its channel: the connector's producer waits for the topic instead of moving on.
 */
@ApplicationScoped
public class DeadLetterTopics {

    private static final Logger LOG = Logger.getLogger(DeadLetterTopics.class);
    private static final String PREFIX = "mp.messaging.incoming.";
    private static final String CONNECTOR = ".connector";
    private static final String KAFKA = "smallrye-kafka";
    private static final String DEAD_LETTER = "dead-letter-queue";

    private final KafkaClients kafka;
    private final Config config;
    private final InboxSettings settings;
    private final CountDownLatch stopping = new CountDownLatch(1);

    @Inject
    public DeadLetterTopics(KafkaClients kafka, Config config, InboxSettings settings) {
        this.kafka = kafka;
        this.config = config;
        this.settings = settings;
    }

    void start(@Observes StartupEvent event) {
        List<String> topics = topics();
        if (topics.isEmpty()) {
            return;
        }
        Thread creator = new Thread(() -> createUntilDone(topics), "dead-letter-topics");
        creator.setDaemon(true);
        creator.start();
    }

    void stop(@Observes ShutdownEvent event) {
        stopping.countDown();
    }

    /** The dead-letter topics of this service's Kafka channels that dead-letter their failures. */
    public List<String> topics() {
        TreeSet<String> topics = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            if (!name.startsWith(PREFIX) || !name.endsWith(CONNECTOR)
                    || !KAFKA.equals(config.getOptionalValue(name, String.class).orElse(null))) {
                continue;
            }
            String channel = name.substring(PREFIX.length(), name.length() - CONNECTOR.length());
            String strategy = channelValue(channel, "failure-strategy").orElse("fail");
            if (DEAD_LETTER.equals(strategy)) {
                channelValue(channel, "dead-letter-queue.topic").ifPresent(topics::add);
            }
        }
        return List.copyOf(topics);
    }

    private Optional<String> channelValue(String channel, String attribute) {
        Optional<String> own = config.getOptionalValue(PREFIX + channel + "." + attribute, String.class);
        return own.isPresent() ? own
                : config.getOptionalValue("mp.messaging.connector." + KAFKA + "." + attribute, String.class);
    }

    private void createUntilDone(List<String> topics) {
        Backoff backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff());
        while (true) {
            try {
                kafka.ensureTopics(topics);
                return;
            } catch (RuntimeException e) {
                LOG.debugf(e, "Cannot create the dead-letter topics %s yet", topics);
                try {
                    if (stopping.await(backoff.next().toMillis(), TimeUnit.MILLISECONDS)) {
                        return;
                    }
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
