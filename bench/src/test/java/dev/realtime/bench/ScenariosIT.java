package dev.realtime.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.realtime.bench.report.ResultDir;
import dev.realtime.bench.scenario.ChatRoundTripCommand;
import dev.realtime.bench.server.NodeServer;
import dev.realtime.stack.RepoRoot;

/**
 * Every scenario at a tiny size (a few connections, a couple of seconds, no warm-up), so that the harness cannot
 * rot. Asserts that each ran, wrote its JSON and Markdown and, for fan-out and overload, counted deliveries; never
 * a speed or memory figure. The Node side runs when node and {@code npm ci} work here, and is skipped otherwise.
 */
class ScenariosIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Optional<String> nodeUnavailable;

    @BeforeAll
    static void checkNode() throws IOException {
        Path logs = Files.createDirectories(workParent().resolve("bench-it-node"));
        nodeUnavailable = NodeServer.unavailable(RepoRoot.locate().resolve("bench/node"), logs);
    }

    @Test
    void fanoutCountsDeliveriesOfEachTarget() throws IOException {
        JsonNode result = run("fanout", "--connections", "20", "--room-size", "5", "--rates", "200,400",
                "--duration", "2", "--warmup", "0", "--quiet", "3", "--per-process", "10");
        assertDelivered(result, "gateway", 2);
        assertTrue(Files.isRegularFile(lastResult("fanout").resolve("latency.svg")), "the plot is written");
        assumeNode();
        assertDelivered(result, "node", 2);
    }

    @Test
    void capacityMeasuresEachLevel() throws IOException {
        JsonNode result = run("capacity", "--levels", "5,10", "--room-size", "5", "--settle", "0",
                "--per-process", "5");
        JsonNode gateway = result.path("medians").path("gateway");
        assertEquals(3, gateway.size(), "no connection, 5 and 10: " + gateway);
        assertEquals(10, gateway.get(2).path("connections open").asInt(), gateway.toString());
        assumeNode();
        assertEquals(10, result.path("medians").path("node").get(2).path("connections open").asInt());
    }

    @Test
    void overloadCountsDeliveriesOfBothPhases() throws IOException {
        JsonNode result = run("overload", "--connections", "10", "--room-size", "5", "--overload-rate", "1000",
                "--overload-duration", "2", "--after-rate", "100", "--after-duration", "1", "--warmup", "0",
                "--quiet", "3");
        assertDelivered(result, "gateway", 2);
        assumeNode();
        assertDelivered(result, "node", 2);
    }

    @Test
    void restToSocketRuns() throws IOException {
        JsonNode result = run("rest-to-socket", "--rate", "5", "--duration", "1", "--warmup", "0", "--wait", "10");
        assertTrue(result.path("figures").path("measured").path("requests").asLong() > 0, result.toString());
    }

    @Test
    void chatRoundTripRunsOrNamesWhatIsMissing() throws IOException {
        JsonNode result = run("chat", "--rate", "5", "--duration", "1", "--warmup", "0", "--wait", "10",
                "--members", "2");
        assumeTrue(!ChatRoundTripCommand.UNSUPPORTED.equals(result.path("status").asText()),
                "the stack cannot run the chat round trip yet; missing: " + result.path("missing"));
        assertTrue(result.path("figures").path("measured").path("sent").asLong() > 0, result.toString());
    }

    @Test
    void startupTimesAService() throws IOException {
        JsonNode result = run("startup", "--services", "gateway", "--rounds", "1", "--idle", "0");
        assertTrue(result.path("jvm").path("gateway").path("ready s, median").asDouble() > 0, result.toString());
    }

    private static void assumeNode() {
        assumeTrue(nodeUnavailable.isEmpty(), () -> "Node side skipped: " + nodeUnavailable.orElse(""));
    }

    /** Steps with deliveries counted: one per step, against this target. */
    private static void assertDelivered(JsonNode result, String target, int steps) {
        JsonNode medians = result.path("medians").path(target);
        assertEquals(steps, medians.size(), target + " steps: " + result.path("medians"));
        for (JsonNode step : medians) {
            assertTrue(step.path("delivered").asLong() > 0, target + " counted no delivery: " + step);
            assertTrue(step.has("lost") && step.has("misrouted"), step.toString());
        }
    }

    private static JsonNode run(String scenario, String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of(scenario));
        args.addAll(List.of(options));
        if (List.of("fanout", "capacity", "overload").contains(scenario) && nodeUnavailable.isEmpty()) {
            args.addAll(List.of("--target", "gateway,node"));
        }
        args.addAll(List.of("--results", results(scenario).toString()));
        assertEquals(0, BenchMain.run(args.toArray(String[]::new)), scenario + " exited with an error");
        Path dir = lastResult(scenario);
        assertTrue(Files.isRegularFile(dir.resolve(ResultDir.SUMMARY_FILE)), "no summary in " + dir);
        return JSON.readTree(dir.resolve(ResultDir.JSON_FILE).toFile());
    }

    private static Path lastResult(String scenario) throws IOException {
        try (Stream<Path> dirs = Files.list(results(scenario))) {
            return dirs.filter(Files::isDirectory).max(Path::compareTo)
                    .orElseThrow(() -> new AssertionError("no results directory for " + scenario));
        }
    }

    private static Path results(String scenario) throws IOException {
        return Files.createDirectories(workParent().resolve("bench-it").resolve(scenario));
    }

    private static Path workParent() {
        return Path.of(System.getProperty("rt.bench.work-parent", "target"));
    }
}
