package dev.realtime.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The TCP ports the stack listens on. The first replica of each service listens on the service's own port; the
 * further replicas of a service take the spare ports in order.
 *
 * @param kafkaController the KRaft controller listener of the combined broker
 * @param spare           the ports of the replicas beyond the first, handed out in order
 */
public record StackPorts(int gateway, int auth, int chat, int booking, int notification, int kafka,
        int kafkaController, int postgres, List<Integer> spare) {

    /** The first spare port of {@link #defaults()}: the second gateway replica listens here. */
    public static final int FIRST_SPARE_PORT = 8085;
    /** How many spare ports {@link #defaults()} has: 8085 to 8094. */
    public static final int DEFAULT_SPARE_PORTS = 10;

    public StackPorts {
        spare = List.copyOf(spare);
        List<Integer> all = Stream.concat(Stream.of(gateway, auth, chat, booking, notification, kafka,
                kafkaController, postgres), spare.stream()).toList();
        for (int port : all) {
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("not a TCP port: " + port);
            }
        }
        if (all.stream().distinct().count() != all.size()) {
            throw new IllegalArgumentException("ports must be distinct: " + all);
        }
    }

    /** Ports without spare ones: one replica of each service. */
    public StackPorts(int gateway, int auth, int chat, int booking, int notification, int kafka, int kafkaController,
            int postgres) {
        this(gateway, auth, chat, booking, notification, kafka, kafkaController, postgres, List.of());
    }

    /**
     * The ports of the shared contract, which the README, the smoke test and frontend developers rely on, and
     * 8085 to 8094 for further replicas.
     */
    public static StackPorts defaults() {
        return new StackPorts(8080, 8081, 8082, 8083, 8084, 9092, 9093, 15432,
                IntStream.range(FIRST_SPARE_PORT, FIRST_SPARE_PORT + DEFAULT_SPARE_PORTS).boxed().toList());
    }

    /** {@link #free(int)} with no spare ports. */
    public static StackPorts free() {
        return free(0);
    }

    /**
     * Ports that are free right now, chosen by the operating system, so that a test stack never fights another
     * stack or a developer's running one. Another process may take one before the stack binds it; that is rare
     * and fails loudly.
     *
     * @param spare how many ports for replicas beyond the first
     */
    public static StackPorts free(int spare) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < 8 + spare; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(socket);
                ports.add(socket.getLocalPort());
            }
            return new StackPorts(ports.get(0), ports.get(1), ports.get(2), ports.get(3), ports.get(4), ports.get(5),
                    ports.get(6), ports.get(7), ports.subList(8, ports.size()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find free ports", e);
        } finally {
            held.forEach(StackPorts::closeQuietly);
        }
    }

    /** The HTTP port of a service's first replica. */
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
