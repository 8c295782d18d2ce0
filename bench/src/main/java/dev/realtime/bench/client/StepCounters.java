package dev.realtime.bench.client;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** What one client process received of one step's events; safe for any number of event-loop threads. */
final class StepCounters {

    final LongAdder unique = new LongAdder();
    final LongAdder duplicates = new LongAdder();
    final LongAdder misrouted = new LongAdder();
    final AtomicLong firstReceiptMicros = new AtomicLong(Long.MAX_VALUE);
    final AtomicLong lastReceiptMicros = new AtomicLong();
    private final Recorder latency = new Recorder(3);
    private final Histogram accumulated = new Histogram(3);

    void received(long sentMicros, long nowMicros) {
        unique.increment();
        latency.recordValue(Math.max(0, nowMicros - sentMicros));
        firstReceiptMicros.accumulateAndGet(nowMicros, Math::min);
        lastReceiptMicros.accumulateAndGet(nowMicros, Math::max);
    }

    /** Counters and the latency histogram so far (microseconds, compressed, Base64). */
    synchronized Map<String, Object> report() {
        accumulated.add(latency.getIntervalHistogram());
        ByteBuffer buffer = ByteBuffer.allocate(accumulated.getNeededByteBufferCapacity());
        int length = accumulated.encodeIntoCompressedByteBuffer(buffer);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("unique", unique.sum());
        report.put("duplicates", duplicates.sum());
        report.put("misrouted", misrouted.sum());
        report.put("firstReceiptMicros", unique.sum() == 0 ? 0 : firstReceiptMicros.get());
        report.put("lastReceiptMicros", lastReceiptMicros.get());
        report.put("latency", Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length)));
        return report;
    }
}
