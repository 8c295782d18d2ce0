package dev.realtime.platform.kafka;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Identifier;

/**
 * Kafka client settings for every service, built from the {@code kafka.*} configuration that
 * quarkus-kafka-client collects (bootstrap servers among them). Each call returns a fresh copy.
 */
@ApplicationScoped
public class KafkaClients {

    private static final Logger LOG = Logger.getLogger(KafkaClients.class);
    private static final Set<String> NOT_FOR_CLIENTS = Set.of(ConsumerConfig.GROUP_ID_CONFIG);

    private final Map<String, Object> brokerConfig;
    private final KafkaSettings settings;

    @Inject
    public KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> brokerConfig, KafkaSettings settings) {
        this.brokerConfig = brokerConfig;
        this.settings = settings;
    }

    /** An idempotent producer of string keys and raw byte values, acknowledged by all in-sync replicas. */
    public Map<String, Object> producerConfig(String clientId) {
        Map<String, Object> config = common(clientId);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        return config;
    }

    /** A consumer with no group: callers assign partitions and keep positions themselves. */
    public Map<String, Object> assignedConsumerConfig(String clientId) {
        Map<String, Object> config = common(clientId);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        return config;
    }

    public Map<String, Object> adminConfig(String clientId) {
        Map<String, Object> config = common(clientId);
        config.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        return config;
    }

    /** The topics named in {@code rt.kafka.topics}. */
    public List<String> declaredTopics() {
        return settings.topics().orElse(List.of());
    }

    /**
     * Creates the topics that do not exist yet, with this service's partition count and replication factor.
     *
     * @throws KafkaUnavailableException if the broker cannot be reached in time; the caller retries
     */
    public void ensureTopics(Collection<String> topics) {
        if (topics.isEmpty()) {
            return;
        }
        try (Admin admin = Admin.create(adminConfig("topic-provisioner"))) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, settings.partitions(), settings.replicationFactor()))
                    .toList();
            if (missing.isEmpty()) {
                return;
            }
            admin.createTopics(missing).values().forEach((topic, future) -> {
                try {
                    future.get(10, TimeUnit.SECONDS);
                    LOG.infof("Created topic %s with %d partitions", topic, settings.partitions());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new KafkaUnavailableException("cannot create topic " + topic, e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new KafkaUnavailableException("interrupted while creating topic " + topic, e);
                } catch (TimeoutException e) {
                    throw new KafkaUnavailableException("timed out creating topic " + topic, e);
                }
            });
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaUnavailableException("cannot list topics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while listing topics", e);
        }
    }

    private Map<String, Object> common(String clientId) {
        Map<String, Object> config = new HashMap<>(brokerConfig);
        NOT_FOR_CLIENTS.forEach(config::remove);
        Object application = brokerConfig.getOrDefault(ConsumerConfig.GROUP_ID_CONFIG, "service");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, application + "-" + clientId);
        return config;
    }
}
