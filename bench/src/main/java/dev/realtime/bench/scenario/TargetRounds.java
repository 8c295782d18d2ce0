package dev.realtime.bench.scenario;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.realtime.bench.report.Figures;
import dev.realtime.bench.server.BenchStack;
import dev.realtime.bench.server.Target;
import dev.realtime.bench.server.TargetServer;

/**
 * Runs a measurement against each target in turn, round after round (gateway, node, gateway, node, ...), so that
 * a slow spell of a shared machine falls on both; then the median of each figure per step.
 */
final class TargetRounds {

    /** One run against one server; returns the figures of each step. */
    interface Measurement {
        List<Figures> run(TargetServer server, BenchStack stack, Path workDir);
    }

    /** Starts Kafka and the targets' servers, and runs the measurement against each target, round after round. */
    static TargetRounds run(ServerOptions server, RunOptions run, Path workDir, Measurement measurement) {
        TargetRounds rounds = new TargetRounds();
        try (BenchStack stack = BenchStack.start(workDir, EnumSet.copyOf(server.targetList()), server.partitions,
                server.gatewayJvmOptions(), Map.of(), run.readyTimeout())) {
            rounds.run(stack, server.targetList(), server.rounds, run.readyTimeout(), workDir, measurement);
        }
        return rounds;
    }

    final Map<String, List<List<Figures>>> runs = new LinkedHashMap<>();
    final Map<String, String> skipped = new LinkedHashMap<>();

    private void run(BenchStack stack, List<Target> targets, int rounds, Duration readyTimeout, Path workDir,
            Measurement measurement) {
        List<Target> available = new ArrayList<>();
        for (Target target : targets) {
            Optional<String> reason = stack.unavailable(target);
            if (reason.isPresent()) {
                skipped.put(target.label(), reason.get());
                System.out.println("Skipping " + target.label() + ": " + reason.get());
            } else {
                available.add(target);
            }
        }
        for (int round = 1; round <= rounds; round++) {
            for (Target target : available) {
                System.out.printf("Round %d of %d: %s%n", round, rounds, target.label());
                try (TargetServer server = stack.start(target, readyTimeout)) {
                    List<Figures> steps = measurement.run(server, stack,
                            workDir.resolve(target.label() + "-round-" + round));
                    runs.computeIfAbsent(target.label(), t -> new ArrayList<>()).add(steps);
                    steps.forEach(step -> System.out.println("  " + step));
                }
            }
        }
    }

    /** Per target, per step, the median over rounds. */
    Map<String, List<Figures>> medians() {
        Map<String, List<Figures>> medians = new LinkedHashMap<>();
        runs.forEach((target, rounds) -> {
            List<Figures> steps = new ArrayList<>();
            for (int i = 0; i < rounds.get(0).size(); i++) {
                int step = i;
                steps.add(Figures.median(rounds.stream().map(r -> r.get(step)).toList()));
            }
            medians.put(target, steps);
        });
        return medians;
    }

    /** A Markdown table per step, the targets side by side. */
    String tables() {
        StringBuilder md = new StringBuilder();
        Map<String, List<Figures>> medians = medians();
        if (medians.isEmpty()) {
            return "No run completed.\n";
        }
        int steps = medians.values().iterator().next().size();
        for (int i = 0; i < steps; i++) {
            Map<String, Figures> columns = new LinkedHashMap<>();
            for (Map.Entry<String, List<Figures>> entry : medians.entrySet()) {
                columns.put(entry.getKey(), entry.getValue().get(i));
            }
            md.append("### ").append(columns.values().iterator().next().get("step")).append("\n\n");
            md.append(dev.realtime.bench.report.Markdown.table("figure", columns)).append('\n');
        }
        skipped.forEach((target, reason) -> md.append("Skipped ").append(target).append(": ").append(reason)
                .append("\n\n"));
        return md.toString();
    }

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("medians", medians());
        json.put("runs", runs);
        json.put("skipped", skipped);
        return json;
    }
}
