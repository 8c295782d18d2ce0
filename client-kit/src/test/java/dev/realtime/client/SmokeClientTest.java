package dev.realtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class SmokeClientTest {

    @Test
    void theHelpListsWhereTheSmokeTestConnects() {
        StringWriter out = new StringWriter();
        int exit = new CommandLine(new SmokeClient()).setOut(new PrintWriter(out)).execute("--help");

        assertEquals(0, exit);
        assertTrue(out.toString().contains("--gateway <url>") && out.toString().contains("ws://localhost:8080/ws"),
                out.toString());
    }

    @Test
    void aBadCommandLineIsAUsageErrorBeforeAnyConnection() {
        for (List<String> args : List.of(List.of("--timeout", "soon"), List.of("--gateway"), List.of("--nope"))) {
            StringWriter err = new StringWriter();
            int exit = new CommandLine(new SmokeClient()).setErr(new PrintWriter(err))
                    .execute(args.toArray(String[]::new));
            assertEquals(2, exit, args + ": " + err);
            assertTrue(err.toString().contains("Usage: smoke-test.sh"), args + ": " + err);
        }
    }
}
