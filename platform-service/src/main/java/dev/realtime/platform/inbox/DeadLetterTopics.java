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
    private final List<String> topics;
    private final Backoff backoff;
    private final CountDownLatch stopping = new CountDownLatch(1);

    /** Built at start, so that a bad rt.inbox backoff setting (the inbox's retries use it too) fails the start. */
    @Inject
    public DeadLetterTopics(KafkaClients kafka, Config config, InboxSettings settings) {
        this.kafka = kafka;
        this.topics = topicsOf(config);
        this.backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff());
    }

    void start(@Observes StartupEvent event) {
        if (topics.isEmpty()) {
            return;
        }
        Thread creator = new Thread(this::createUntilDone, "dead-letter-topics");
        creator.setDaemon(true);
        creator.start();
    }

    void stop(@Observes ShutdownEvent event) {
        stopping.countDown();
    }

    /**
     * The dead-letter topics of this service's Kafka channels that dead-letter their failures. A channel is any
     * {@code mp.messaging.incoming.<channel>.*} name; without a connector it is Kafka's, the only one here.
     */
    private static List<String> topicsOf(Config config) {
        TreeSet<String> channels = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            int end = name.indexOf('.', PREFIX.length());
            if (name.startsWith(PREFIX) && end > PREFIX.length()) {
                channels.add(name.substring(PREFIX.length(), end));
            }
        }
        TreeSet<String> topics = new TreeSet<>();
        for (String channel : channels) {
            String connector = config.getOptionalValue(PREFIX + channel + CONNECTOR, String.class).orElse(KAFKA);
            String strategy = channelValue(config, channel, "failure-strategy").orElse("fail");
            if (KAFKA.equals(connector) && DEAD_LETTER.equals(strategy)) {
                channelValue(config, channel, "dead-letter-queue.topic").ifPresent(topics::add);
            }
        }
        return List.copyOf(topics);
    }

    private static Optional<String> channelValue(Config config, String channel, String attribute) {
        Optional<String> own = config.getOptionalValue(PREFIX + channel + "." + attribute, String.class);
        return own.isPresent() ? own
                : config.getOptionalValue("mp.messaging.connector." + KAFKA + "." + attribute, String.class);
    }

    private void createUntilDone() {
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
