package dev.realtime.gateway.signals;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

import dev.realtime.gateway.config.SignalsConfig;
import dev.realtime.platform.event.Topics;
import dev.realtime.platform.kafka.KafkaClients;
import dev.realtime.platform.kafka.KafkaUnavailableException;

/**
 * Makes sure {@code gateway.signals} exists and keeps its records only briefly: it is created if missing, and its
 * {@code retention.ms} set at every start, whoever created it (the producer creates its topics too, without
 * that setting). Blocking: called from the signals reader's own thread.
 */
@ApplicationScoped
public class SignalsTopic {

    private final KafkaClients kafka;
    private final SignalsConfig config;

    @Inject
    public SignalsTopic(KafkaClients kafka, SignalsConfig config) {
        this.kafka = kafka;
        this.config = config;
    }

    public void ensure() {
        kafka.ensureTopics(List.of(Topics.GATEWAY_SIGNALS));
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.GATEWAY_SIGNALS);
        Collection<AlterConfigOp> retention = List.of(new AlterConfigOp(
                new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, Long.toString(config.signals().retention().toMillis())),
                AlterConfigOp.OpType.SET));
        try (Admin admin = Admin.create(kafka.adminConfig("signals-topic"))) {
            admin.incrementalAlterConfigs(Map.of(topic, retention)).all().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaUnavailableException("cannot set the retention of " + Topics.GATEWAY_SIGNALS, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while setting the retention of " + Topics.GATEWAY_SIGNALS,
                    e);
        }
    }
}
