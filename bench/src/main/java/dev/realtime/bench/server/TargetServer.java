package dev.realtime.bench.server;

import java.net.URI;

import dev.realtime.bench.client.WireProtocol;

/** A server under test, running as its own process on this machine; closing it stops the process. */
public interface TargetServer extends AutoCloseable {

    Target target();

    default WireProtocol protocol() {
        return target().protocol();
    }

    /** Where clients connect: {@code ws://127.0.0.1:<port>} plus the protocol's path. */
    URI socketUri();

    long pid();

    /** Bytes of heap the server holds after a full collection (jcmd for the JVM, V8's heapUsed for Node). */
    long liveHeapBytes();

    @Override
    void close();
}
