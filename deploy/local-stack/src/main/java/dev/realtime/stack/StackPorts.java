package dev.realtime.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * The TCP ports the stack listens on.
 *
 * @param kafkaController the KRaft controller listener of the combined broker
 */
public record StackPorts(int gateway, int auth, int chat, int booking, int notification, int kafka,
        int kafkaController, int postgres) {

    public StackPorts {
        List<Integer> all = List.of(gateway, auth, chat, booking, notification, kafka, kafkaController, postgres);
        for (int port : all) {
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("not a TCP port: " + port);
            }
        }
        if (all.stream().distinct().count() != all.size()) {
            throw new IllegalArgumentException("ports must be distinct: " + all);
        }
    }

    /** The ports of the shared contract, which the README, the smoke test and frontend developers rely on. */
    public static StackPorts defaults() {
        return new StackPorts(8080, 8081, 8082, 8083, 8084, 9092, 9093, 15432);
    }

    /**
     * Ports that are free right now, chosen by the operating system, so that a test stack never fights another
     * stack or a developer's running one. Another process may take one before the stack binds it; that is rare
     * and fails loudly.
     */
    public static StackPorts free() {
        List<ServerSocket> held = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(socket);
                ports.add(socket.getLocalPort());
            }
            return new StackPorts(ports.get(0), ports.get(1), ports.get(2), ports.get(3), ports.get(4), ports.get(5),
                    ports.get(6), ports.get(7));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find free ports", e);
        } finally {
            held.forEach(StackPorts::closeQuietly);
        }
    }

    /** The HTTP port of a service. */
    public int of(Service service) {
        return switch (service) {
            case AUTH -> auth;
            case CHAT -> chat;
            case BOOKING -> booking;
            case NOTIFICATION -> notification;
            case GATEWAY -> gateway;
        };
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the port is released either way once the JVM lets go of it
        }
    }
}
