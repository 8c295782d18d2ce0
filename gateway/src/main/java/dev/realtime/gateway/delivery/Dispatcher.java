package dev.realtime.gateway.delivery;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import dev.realtime.gateway.health.GatewayMetrics;
import dev.realtime.gateway.health.GatewayMetrics.SkipReason;
import dev.realtime.gateway.hub.Hub;
import dev.realtime.gateway.hub.Session;
import dev.realtime.gateway.ws.EventFrameEncoder;
import dev.realtime.platform.event.Channels;
import dev.realtime.platform.event.EventHeaders;

/**
 * Hands each record to the connections subscribed to the channels of its {@code rt-channels} header, once per
 * connection however many of its channels match.
 * <p>
 * Called by the delivery thread only: the record sequence, the encoder and {@link Session#claim} rely on it.
 * The frame is built only if some connection here wants the record, and then once for all of them.
 */
@ApplicationScoped
public class Dispatcher {

    private final Hub hub;
    private final GatewayMetrics metrics;
    private final EventFrameEncoder encoder = new EventFrameEncoder();
    private long sequence;

    @Inject
    public Dispatcher(Hub hub, GatewayMetrics metrics) {
        this.hub = hub;
        this.metrics = metrics;
    }

    /** Delivers one record; returns how many connections it was sent to. */
    public int dispatch(ConsumerRecord<String, byte[]> record) {
        metrics.recordConsumed();
        Header header = record.headers().lastHeader(EventHeaders.CHANNELS);
        if (header == null || header.value() == null || header.value().length == 0) {
            metrics.recordSkipped(SkipReason.NO_CHANNELS);
            return 0;
        }
        byte[] value = record.value();
        if (!EventFrameEncoder.isJsonObject(value)) {
            metrics.recordSkipped(SkipReason.NOT_AN_OBJECT);
            return 0;
        }
        List<String> channels = Channels.split(new String(header.value(), StandardCharsets.UTF_8));
        long recordSequence = ++sequence;
        String frame = null;
        Runnable onWritten = null;
        int sent = 0;
        for (String channel : channels) {
            Set<Session> sessions = hub.subscribers(channel);
            if (sessions == null) {
                continue;
            }
            for (Session session : sessions) {
                if (!session.claim(recordSequence)) {
                    continue;
                }
                if (frame == null) {
                    frame = encoder.encode(record.topic(), record.partition(), record.offset(), value);
                    onWritten = metrics.eventWritten(record.timestamp());
                }
                session.send(frame, onWritten);
                sent++;
            }
        }
        return sent;
    }
}
