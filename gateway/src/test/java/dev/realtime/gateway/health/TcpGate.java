package dev.realtime.gateway.health;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real listening socket on a loopback port, standing where a test has told a client its server is. While shut it
 * accepts every connection and drops it at once, counting the attempts; once opened it forwards each new
 * connection to the real server, byte for byte. It lets a test watch a client retry without a mock.
 */
final class TcpGate implements AutoCloseable {

    private final ServerSocket server;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicLong firstAttempt = new AtomicLong();
    private final AtomicLong lastAttempt = new AtomicLong();
    private volatile InetSocketAddress target;

    private TcpGate(int port) throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        Thread acceptor = new Thread(this::accept, "tcp-gate-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Listens on this loopback port, shut. */
    static TcpGate shut(int port) {
        try {
            return new TcpGate(port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port, e);
        }
    }

    /** A loopback port that nothing listened on a moment ago. */
    static int freePort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** From now on, forwards every new connection to this {@code host:port}. */
    void open(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        target = new InetSocketAddress(hostAndPort.substring(0, colon), Integer.parseInt(hostAndPort.substring(colon + 1)));
    }

    /** Connections accepted while shut. */
    int attempts() {
        return attempts.get();
    }

    /** Time from the first to the last connection accepted while shut. */
    Duration attemptSpan() {
        return Duration.ofNanos(lastAttempt.get() - firstAttempt.get());
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                InetSocketAddress forwardTo = target;
                if (forwardTo == null) {
                    long now = System.nanoTime();
                    firstAttempt.compareAndSet(0, now);
                    lastAttempt.set(now);
                    attempts.incrementAndGet();
                    client.close();
                } else {
                    forward(client, forwardTo);
                }
            } catch (IOException e) {
                // closed by close(), or one connection failed: the loop condition decides
            }
        }
    }

    private void forward(Socket client, InetSocketAddress forwardTo) throws IOException {
        Socket upstream = new Socket(forwardTo.getAddress(), forwardTo.getPort());
        sockets.add(client);
        sockets.add(upstream);
        pump(client, upstream);
        pump(upstream, client);
    }

    /** Copies one direction until either side closes, then closes both. */
    private void pump(Socket from, Socket to) {
        Thread pump = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // the other direction closed the sockets
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tcp-gate-pump");
        pump.setDaemon(true);
        pump.start();
    }

    private void closeQuietly(Socket socket) {
        sockets.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
        sockets.forEach(this::closeQuietly);
    }
}
