package dev.realtime.gateway.history;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;

import io.netty.buffer.ByteBuf;

/**
 * The recent records of every delivery partition, as the frames they were delivered in, with their channels:
 * what a reconnecting client missed is replayed from here, on whichever replica it reconnects to, since every
 * replica reads every partition. Bounded by age ({@code gateway.history.max-age}) and bytes
 * ({@code max-bytes}); the payloads are never parsed.
 * <p>
 * For each partition the window knows {@code from}: every deliverable record at or after that offset is here.
 * A cursor is recoverable on a partition when the client's last offset is at least {@code from - 1}, and its
 * epoch (the topic id) is the topic's current one.
 * <p>
 * Delivery thread only: appends, evictions and replays happen between two polls, which is what makes a replay
 * and the live deliveries after it meet with no gap and no overlap.
 */
public final class HistoryWindow {

    /** One delivered record. The window holds one reference to its frame. */
    public record Entry(long sequence, long offset, long timestamp, ByteBuf frame, String[] channels) {
    }

    private static final class PartitionLog {
        final ArrayDeque<Entry> entries = new ArrayDeque<>();
        long from;
        long next;

        PartitionLog(long from) {
            this.from = from;
            this.next = from;
        }
    }

    private final long maxAgeMillis;
    private final long maxBytes;
    private final Map<TopicPartition, PartitionLog> logs = new HashMap<>();
    private final Map<String, String> epochs = new HashMap<>();
    private long bytes;
    private long records;

    public HistoryWindow(long maxAgeMillis, long maxBytes) {
        this.maxAgeMillis = maxAgeMillis;
        this.maxBytes = maxBytes;
    }

    /** A topic's current epoch (its Kafka topic id); a changed one empties the topic's partitions. */
    public void epoch(String topic, String epoch) {
        String previous = epochs.put(topic, epoch);
        if (previous != null && !previous.equals(epoch)) {
            logs.keySet().removeIf(partition -> {
                if (partition.topic().equals(topic)) {
                    clear(logs.get(partition));
                    return true;
                }
                return false;
            });
        }
    }

    public String epoch(String topic) {
        return epochs.get(topic);
    }

    public Map<String, String> epochs() {
        return epochs;
    }

    /** A partition is read from this offset on: the window is complete from there. */
    public void start(TopicPartition partition, long fromOffset) {
        PartitionLog old = logs.put(partition, new PartitionLog(fromOffset));
        if (old != null) {
            clear(old);
        }
    }

    public boolean has(TopicPartition partition) {
        return logs.containsKey(partition);
    }

    /** Adds a delivered record; the window takes over one reference to {@code frame}. */
    public void append(TopicPartition partition, Entry entry) {
        PartitionLog log = logs.get(partition);
        if (log == null) {
            entry.frame().release();
            return;
        }
        log.entries.addLast(entry);
        log.next = entry.offset() + 1;
        bytes += entry.frame().readableBytes();
        records++;
    }

    /** The partition has been read up to here (records without channels are read but not kept). */
    public void advance(TopicPartition partition, long nextOffset) {
        PartitionLog log = logs.get(partition);
        if (log != null && nextOffset > log.next) {
            log.next = nextOffset;
        }
    }

    /** The next offset to be read on a partition, or -1 if it is not in the window. */
    public long next(TopicPartition partition) {
        PartitionLog log = logs.get(partition);
        return log == null ? -1 : log.next;
    }

    /** Drops what is older than the age limit and, oldest first over all partitions, what is over the byte limit. */
    public void evict(long nowMillis) {
        long oldest = nowMillis - maxAgeMillis;
        for (PartitionLog log : logs.values()) {
            while (!log.entries.isEmpty() && log.entries.peekFirst().timestamp() < oldest) {
                drop(log);
            }
        }
        while (bytes > maxBytes) {
            PartitionLog oldestLog = null;
            for (PartitionLog log : logs.values()) {
                if (!log.entries.isEmpty() && (oldestLog == null
                        || log.entries.peekFirst().sequence() < oldestLog.entries.peekFirst().sequence())) {
                    oldestLog = log;
                }
            }
            if (oldestLog == null) {
                return;
            }
            drop(oldestLog);
        }
    }

    /**
     * What to replay for a cursor: every kept record after the cursor's offset on each partition whose channels
     * meet {@code channels}, in delivery order; or why that cannot be done.
     *
     * @param cursor last offset the client has, per partition; a partition of this window missing from it counts
     *               as "nothing yet" (recoverable only if the window has that partition from offset 0)
     * @param epochs the cursor's epoch per topic
     */
    public Replay replay(Map<TopicPartition, Long> cursor, Map<String, String> cursorEpochs,
            Collection<String> channels, int maxFrames) {
        for (Map.Entry<String, String> epoch : cursorEpochs.entrySet()) {
            String current = epochs.get(epoch.getKey());
            if (current == null) {
                return Replay.notRecoverable("unknown-topic", epoch.getKey());
            }
            if (!current.equals(epoch.getValue())) {
                return Replay.notRecoverable("epoch", epoch.getKey());
            }
        }
        for (TopicPartition partition : cursor.keySet()) {
            if (!cursorEpochs.containsKey(partition.topic())) {
                return Replay.notRecoverable("epoch", partition.topic());
            }
            if (!logs.containsKey(partition)) {
                return Replay.notRecoverable("unknown-topic", partition.topic());
            }
        }
        List<Entry> replay = new ArrayList<>();
        for (Map.Entry<TopicPartition, PartitionLog> entry : logs.entrySet()) {
            TopicPartition partition = entry.getKey();
            PartitionLog log = entry.getValue();
            if (!cursorEpochs.containsKey(partition.topic())) {
                // a topic the client never had a position on: it cannot have missed anything it knows of
                continue;
            }
            long last = cursor.getOrDefault(partition, -1L);
            if (last + 1 < log.from) {
                return Replay.notRecoverable("expired", partition.topic());
            }
            if (last + 1 > log.next) {
                return Replay.notYet();
            }
            collect(log, last, channels, replay);
            if (replay.size() > maxFrames) {
                return Replay.notRecoverable("too-many", partition.topic());
            }
        }
        replay.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
        return Replay.of(replay);
    }

    /** Every kept record routed after {@code sequence} on these channels: what a connection missed while held. */
    public List<Entry> since(long sequence, Collection<String> channels) {
        List<Entry> replay = new ArrayList<>();
        for (PartitionLog log : logs.values()) {
            Iterator<Entry> newestFirst = log.entries.descendingIterator();
            ArrayDeque<Entry> tail = new ArrayDeque<>();
            while (newestFirst.hasNext()) {
                Entry entry = newestFirst.next();
                if (entry.sequence() <= sequence) {
                    break;
                }
                if (matches(entry, channels)) {
                    tail.addFirst(entry);
                }
            }
            replay.addAll(tail);
        }
        replay.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
        return replay;
    }

    /** The last offset read per partition: the cursor of a connection that has everything so far. */
    public Map<TopicPartition, Long> lastOffsets() {
        Map<TopicPartition, Long> last = new HashMap<>();
        logs.forEach((partition, log) -> last.put(partition, log.next - 1));
        return last;
    }

    public long bytes() {
        return bytes;
    }

    public long records() {
        return records;
    }

    private static void collect(PartitionLog log, long after, Collection<String> channels, List<Entry> into) {
        for (Entry entry : log.entries) {
            if (entry.offset() > after && matches(entry, channels)) {
                into.add(entry);
            }
        }
    }

    private static boolean matches(Entry entry, Collection<String> channels) {
        for (String channel : entry.channels()) {
            if (channels.contains(channel)) {
                return true;
            }
        }
        return false;
    }

    private void drop(PartitionLog log) {
        Entry entry = log.entries.pollFirst();
        log.from = entry.offset() + 1;
        bytes -= entry.frame().readableBytes();
        records--;
        entry.frame().release();
    }

    private void clear(PartitionLog log) {
        while (!log.entries.isEmpty()) {
            drop(log);
        }
    }
}
