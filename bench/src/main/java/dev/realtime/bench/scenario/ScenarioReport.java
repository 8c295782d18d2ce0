package dev.realtime.bench.scenario;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.realtime.bench.report.ResultDir;

/** The result of a scenario: its JSON (command, machine, figures) and its Markdown summary, also printed. */
final class ScenarioReport {

    private final String scenario;
    private final List<String> args;
    private final Map<String, Object> json = new LinkedHashMap<>();
    private final StringBuilder markdown = new StringBuilder();

    ScenarioReport(String scenario, List<String> args) {
        this.scenario = scenario;
        // picocli's original arguments are those of the whole command line, the scenario's name first
        this.args = !args.isEmpty() && args.get(0).equals(scenario) ? args.subList(1, args.size()) : args;
        json.put("scenario", scenario);
        json.put("command", command());
        json.put("started", Instant.now().toString());
        json.put("machine", Machine.describe());
    }

    String command() {
        return "./bench/run " + scenario + (args.isEmpty() ? "" : " " + String.join(" ", args));
    }

    ScenarioReport put(String key, Object value) {
        json.put(key, value);
        return this;
    }

    ScenarioReport putAll(Map<String, Object> values) {
        json.putAll(values);
        return this;
    }

    ScenarioReport markdown(String text) {
        markdown.append(text);
        return this;
    }

    /** Writes both files; returns the Markdown, which the command prints. */
    String write(ResultDir dir, String title) {
        json.put("finished", Instant.now().toString());
        dir.writeJson(json);
        @SuppressWarnings("unchecked")
        Map<String, Object> machine = (Map<String, Object>) json.get("machine");
        String summary = "# " + title + "\n\n"
                + "Command: `" + command() + "`\n\n"
                + "Machine: " + machine.get("cpus") + " CPUs, " + machine.get("memory MB") + " MB, "
                + machine.get("java") + ", load average at start " + machine.get("load average at start")
                + ". The load generator, Kafka and the server share these CPUs.\n\n"
                + markdown;
        Path file = dir.write(ResultDir.SUMMARY_FILE, summary);
        System.out.println(summary);
        System.out.println("Results: " + file.getParent());
        return summary;
    }
}
