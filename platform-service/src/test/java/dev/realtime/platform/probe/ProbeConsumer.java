package dev.realtime.platform.probe;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.realtime.platform.inbox.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** Consumes {@code probe.commands} the way every service consumes a topic. */
@ApplicationScoped
public class ProbeConsumer {

    public static final String CHANNEL = "probe-commands";

    @Inject
    Inbox inbox;

    @Inject
    ProbeEffectRepository effects;

    @Incoming(CHANNEL)
    @Blocking
    void consume(ConsumerRecord<String, byte[]> record) {
        inbox.consume(CHANNEL, record, event -> {
            ProbeEffect effect = new ProbeEffect();
            effect.eventId = event.id();
            effect.subject = event.subject();
            effect.amount = ((Number) ((Map<?, ?>) event.data()).get("amount")).intValue();
            effects.persist(effect);
        });
    }
}
