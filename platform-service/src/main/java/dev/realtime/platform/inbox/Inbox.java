package dev.realtime.platform.inbox;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.realtime.platform.event.EventEnvelope;
import dev.realtime.platform.kafka.Backoff;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Applies a consumed event exactly once per consumer. A service's {@code @Incoming @Blocking} method hands each
 * record to {@link #consume}, which parses the envelope and, in one transaction, records the event id in the
 * inbox and applies the effect only if the id is new. The Kafka offset is committed after the method returns,
 * so after the transaction has committed: a crash in between redelivers the record, and the inbox drops it.
 * <p>
 * Failures are sorted by {@link Failures}: a poison record makes {@code consume} throw
 * {@link PoisonRecordException}, which the messaging connector answers by writing the record to the channel's
 * dead-letter topic; a transient failure is retried here, in place, with backoff, for as long as it lasts, so
 * the records behind it on the partition wait and keep their order.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final InboxRepository repository;
    private final ObjectMapper mapper;
    private final InboxSettings settings;
    private final AtomicLong transientFailures = new AtomicLong();

    @Inject
    public Inbox(InboxRepository repository, ObjectMapper mapper, InboxSettings settings) {
        this.repository = repository;
        this.mapper = mapper;
        this.settings = settings;
    }

    /**
     * Processes one record for one consumer.
     *
     * @param consumer the consumer's name in the inbox, for example the channel name; two consumers of one
     *                 service that read the same event each apply it once
     * @param record   the record as consumed; its value must be an {@link EventEnvelope}
     * @param effect   what the event does, in the inbox's transaction; not called for a redelivered event
     * @throws PoisonRecordException if the record cannot be processed by any retry
     */
    public void consume(String consumer, ConsumerRecord<String, byte[]> record, EventHandler effect) {
        EventEnvelope event = parse(record);
        Backoff backoff = null;
        boolean interrupted = false;
        while (true) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    if (repository.recordFirstDelivery(consumer, event.id(), Instant.now())) {
                        effect.handle(event);
                    }
                });
                if (backoff != null) {
                    LOG.infof("Consumer %s processed %s after the transient failure", consumer, origin(record));
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                return;
            } catch (RuntimeException e) {
                if (!Failures.isTransient(e)) {
                    throw new PoisonRecordException("consumer " + consumer + " cannot process event " + event.id()
                            + " (" + event.type() + "): " + describe(e), e);
                }
                transientFailures.incrementAndGet();
                if (backoff == null) {
                    LOG.warnf("Consumer %s cannot process %s yet, retrying with backoff: %s", consumer, origin(record),
                            describe(e));
                    backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff());
                } else {
                    LOG.debugf(e, "Consumer %s retry failed", consumer);
                }
                // an interrupt is no reason to give up: returning would commit the offset of an unprocessed
                // record and throwing would dead-letter it; the record waits for success or for the process to end
                interrupted |= pause(backoff.next());
            }
        }
    }

    /** How many attempts at a record have failed transiently since start; for health and metrics. */
    public long transientFailures() {
        return transientFailures.get();
    }

    private EventEnvelope parse(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            throw new PoisonRecordException("record " + origin(record) + " has no value");
        }
        try {
            return mapper.readValue(record.value(), EventEnvelope.class);
        } catch (IOException e) {
            throw new PoisonRecordException("record " + origin(record) + " is not an event envelope: "
                    + e.getMessage(), e);
        }
    }

    /** Sleeps; returns whether the thread was interrupted meanwhile (its flag is cleared). */
    private static boolean pause(Duration duration) {
        try {
            TimeUnit.NANOSECONDS.sleep(duration.toNanos());
            return false;
        } catch (InterruptedException e) {
            return true;
        }
    }

    private static String origin(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure ? String.valueOf(failure.getMessage()) : failure.getMessage() + "; cause: " + root;
    }
}
