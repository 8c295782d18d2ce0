package dev.realtime.gateway.delivery;

import io.netty.buffer.ByteBuf;

/**
 * The records of one Kafka poll, ready for the event loops: each record's frame (built once, shared by every
 * recipient), its channels, its timestamp and any revocation it carries. Each event loop gets the same batch as
 * one task; the frames hold one reference per loop, released by that loop when it is done.
 */
final class Batch {

    final long id;
    /** Sequence number of record 0; record i is {@code firstRecord + i}, for once-per-connection writes. */
    final long firstRecord;
    final int size;
    final ByteBuf[] frames;
    final String[][] channels;
    final long[] timestamps;
    /** Revoked channel per record, or null for the whole batch when none revokes anything. */
    String[] revoke;
    /** Subjects losing the revoked channel; null entry for every subscriber. */
    String[][] revokeSubjects;
    /** Sum of the frames' sizes, for the in-flight bound. */
    long bytes;

    Batch(long id, long firstRecord, int capacity) {
        this.id = id;
        this.firstRecord = firstRecord;
        this.frames = new ByteBuf[capacity];
        this.channels = new String[capacity][];
        this.timestamps = new long[capacity];
        this.size = capacity;
    }

    void revoke(int record, String channel, String[] subjects) {
        if (revoke == null) {
            revoke = new String[size];
            revokeSubjects = new String[size][];
        }
        revoke[record] = channel;
        revokeSubjects[record] = subjects;
    }
}
