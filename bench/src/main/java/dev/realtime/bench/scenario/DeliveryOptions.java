package dev.realtime.bench.scenario;

import java.util.Arrays;
import java.util.List;

import picocli.CommandLine.Option;

/** The options of the scenarios whose clients connect in bulk (fan-out, capacity, overload). */
final class DeliveryOptions {

    @Option(names = "--connections", paramLabel = "<n>", defaultValue = "2000",
            description = "WebSocket connections (default: ${DEFAULT-VALUE}); 19000 needs 4 client processes")
    int connections;

    @Option(names = "--room-size", paramLabel = "<n>", defaultValue = "100",
            description = "connections per room; an event goes to one room (default: ${DEFAULT-VALUE})")
    int roomSize;

    @Option(names = "--event-bytes", paramLabel = "<n>", defaultValue = "200",
            description = "size of each record value (default: ${DEFAULT-VALUE})")
    int eventBytes;

    @Option(names = "--per-process", paramLabel = "<n>", defaultValue = "5000",
            description = "connections per client JVM; a process may hold 20,000 open files here (default: ${DEFAULT-VALUE})")
    int perProcess;

    @Option(names = "--client-jvm", paramLabel = "<flags>", defaultValue = "-Xms256m -Xmx1g -XX:+UseParallelGC",
            description = "JVM options of each client process (default: ${DEFAULT-VALUE})")
    String clientJvm;

    @Option(names = "--client-event-loops", paramLabel = "<n>", defaultValue = "1",
            description = "Vert.x event loops per client process (default: ${DEFAULT-VALUE})")
    int clientEventLoops;

    List<String> clientJvmOptions() {
        return split(clientJvm);
    }

    static List<String> split(String flags) {
        return Arrays.stream(flags.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }
}
