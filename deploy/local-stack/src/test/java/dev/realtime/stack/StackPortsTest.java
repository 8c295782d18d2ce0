package dev.realtime.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class StackPortsTest {

    @Test
    void defaultsAreTheContractPorts() {
        StackPorts ports = StackPorts.defaults();
        assertEquals(List.of(8080, 8081, 8082, 8083, 8084, 9092, 9093, 15432),
                List.of(ports.of(Service.GATEWAY), ports.of(Service.AUTH), ports.of(Service.CHAT),
                        ports.of(Service.BOOKING), ports.of(Service.NOTIFICATION), ports.kafka(),
                        ports.kafkaController(), ports.postgres()));
        assertEquals(List.of(8085, 8086, 8087, 8088, 8089, 8090, 8091, 8092, 8093, 8094), ports.spare());
    }

    @Test
    void freePortsAreDistinctAndBindable() throws IOException {
        StackPorts ports = StackPorts.free(2);
        assertEquals(2, ports.spare().size());
        for (int port : Stream.concat(Stream.of(ports.gateway(), ports.auth(), ports.chat(), ports.booking(),
                ports.notification(), ports.kafka(), ports.kafkaController(), ports.postgres()),
                ports.spare().stream()).toList()) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress("localhost", port));
            }
        }
    }

    @Test
    void rejectsDuplicateAndInvalidPorts() {
        assertThrows(IllegalArgumentException.class,
                () -> new StackPorts(8080, 8080, 8082, 8083, 8084, 9092, 9093, 15432));
        assertThrows(IllegalArgumentException.class,
                () -> new StackPorts(0, 8081, 8082, 8083, 8084, 9092, 9093, 15432));
        assertThrows(IllegalArgumentException.class,
                () -> new StackPorts(8080, 8081, 8082, 8083, 8084, 9092, 9093, 70_000));
        assertThrows(IllegalArgumentException.class,
                () -> new StackPorts(8080, 8081, 8082, 8083, 8084, 9092, 9093, 15432, List.of(8085, 8080)));
    }
}
