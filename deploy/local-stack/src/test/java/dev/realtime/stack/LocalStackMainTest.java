package dev.realtime.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class LocalStackMainTest {

    @TempDir
    Path dir;

    @Test
    void replicasOfTheGatewayListenOnTheirOwnPorts() {
        LocalStack stack = parse("--replicas", "gateway=2", "--without", "chat-service");

        assertEquals(List.of(8080, 8085), stack.replicas(Service.GATEWAY).stream().map(Replica::port).toList());
        assertEquals(URI.create("ws://localhost:8085/ws"), stack.gatewayWebSocketUri(2));
        assertEquals(List.of(), stack.replicas(Service.CHAT));
        String description = stack.describe();
        assertTrue(description.contains("gateway-2") && description.contains("ws://localhost:8085/ws")
                && description.contains(dir.resolve("logs/gateway-2.log").toString()), description);
    }

    @Test
    void gatewaysIsTheShortForm() {
        LocalStack stack = parse("--gateways", "3", "--replicas", "booking-service=2");

        assertEquals(List.of(8080, 8085, 8086), stack.replicas(Service.GATEWAY).stream().map(Replica::port).toList());
        assertEquals(List.of(8083, 8087), stack.replicas(Service.BOOKING).stream().map(Replica::port).toList());
    }

    @Test
    void theHelpShowsHowToRunSeveralGateways() {
        StringWriter out = new StringWriter();
        int exit = LocalStackMain.commandLine().setOut(new PrintWriter(out)).execute("--help");

        assertEquals(0, exit);
        assertTrue(out.toString().contains("--replicas <module>=<count>"), out.toString());
        assertTrue(out.toString().contains("./run-stack.sh --replicas gateway=2"), out.toString());
    }

    @Test
    void aBadCommandLineIsAUsageError() {
        for (List<String> args : List.of(List.of("--replicas", "gatway=2"), List.of("--gateways", "0"),
                List.of("--gateways", "2", "--replicas", "gateway=3"), List.of("--gateways", "12"),
                List.of("--ready-timeout", "soon"), List.of("--no-such-option"))) {
            StringWriter err = new StringWriter();
            int exit = LocalStackMain.commandLine().setErr(new PrintWriter(err)).execute(args.toArray(String[]::new));
            assertEquals(2, exit, args + ": " + err);
            assertTrue(err.toString().contains("Usage: run-stack.sh"), args + ": " + err);
        }
    }

    private LocalStack parse(String... args) {
        CommandLine commandLine = LocalStackMain.commandLine();
        commandLine.parseArgs(args);
        LocalStackMain main = commandLine.getCommand();
        return main.builder().repoRoot(dir).workDir(dir).build();
    }
}
