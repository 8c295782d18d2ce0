package dev.realtime.gateway.signals;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

import dev.realtime.gateway.kafka.GatewayProducer;
import dev.realtime.platform.event.Topics;

/**
 * Sends signals to the other replicas through the gateway's producer, from any thread, without waiting. A signal
 * that cannot be sent is dropped: typing is refreshed by the next frame, presence by the next heartbeat.
 */
@ApplicationScoped
public class SignalsPublisher {

    private static final Logger LOG = Logger.getLogger(SignalsPublisher.class);

    private final GatewayProducer producer;
    private final SignalCodec codec;

    @Inject
    public SignalsPublisher(GatewayProducer producer, SignalCodec codec) {
        this.producer = producer;
        this.codec = codec;
    }

    /**
     * @param key the room id for typing; the replica id for presence and heartbeats, so that one replica's presence
     *            records stay in order (a heartbeat never overtakes a later change)
     */
    public void publish(String key, Signal signal) {
        producer.send(new ProducerRecord<>(Topics.GATEWAY_SIGNALS, key, codec.write(signal)))
                .whenComplete((ok, failure) -> {
                    if (failure != null) {
                        LOG.debugf("Signal not sent, dropped: %s", failure.toString());
                    }
                });
    }
}
