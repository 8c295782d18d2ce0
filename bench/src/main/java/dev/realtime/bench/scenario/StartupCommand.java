package dev.realtime.bench.scenario;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.realtime.bench.measure.ProcStats;
import dev.realtime.bench.report.Figures;
import dev.realtime.bench.report.Markdown;
import dev.realtime.bench.report.ResultDir;
import dev.realtime.stack.LocalStack;
import dev.realtime.stack.RepoRoot;
import dev.realtime.stack.Service;
import dev.realtime.stack.ServiceProcess;
import dev.realtime.stack.StackPorts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Start time and idle RSS of each service, the method of docs/performance.md: the local stack starts everything
 * once (databases migrated, topics created, the bootstrap admin made), then stops the services and starts them
 * again one at a time against the running PostgreSQL and Kafka. Start time is from the process start to the first
 * 200 of {@code /q/health/ready} (polled every 20 ms); Quarkus' own "started in" is reported beside it.
 */
@Command(name = "startup", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Start time (process start to first ready /q/health/ready) and idle RSS of every service, one "
                + "at a time, JVM mode; native where a binary exists.")
public final class StartupCommand implements Callable<Integer> {

    private static final Pattern STARTED_IN = Pattern.compile("started in (\\d+\\.\\d+)s");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofMillis(500)).build();

    @Spec
    CommandSpec spec;

    @Option(names = "--services", paramLabel = "<list>", split = ",",
            defaultValue = "auth-service,chat-service,booking-service,notification-service,gateway",
            description = "modules to time (default: ${DEFAULT-VALUE})")
    List<String> modules;

    @Option(names = "--rounds", paramLabel = "<n>", defaultValue = "3",
            description = "starts per service; the summary gives each and the median (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--jvm", paramLabel = "<flags>", defaultValue = "-Xmx384m",
            description = "JVM options of every service, as the local stack runs them (default: ${DEFAULT-VALUE})")
    String jvm;

    @Option(names = "--idle", paramLabel = "<secs>", defaultValue = "5",
            description = "wait after ready before reading the idle RSS (default: ${DEFAULT-VALUE})")
    double idleSeconds;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() throws Exception {
        Path root = RepoRoot.locate();
        ResultDir dir = ResultDir.create(run.resultsParent(), "startup");
        ScenarioReport report = new ScenarioReport("startup", spec.commandLine().getParseResult().originalArgs());
        List<Service> services = modules.stream().map(StartupCommand::service).toList();
        Set<Service> without = EnumSet.allOf(Service.class);
        services.forEach(without::remove);
        // the others verify tokens against auth-service lazily; it is started first, as the stack does
        Duration timeout = run.readyTimeout();
        Map<String, Figures> jvmFigures = new LinkedHashMap<>();
        Map<String, String> nativeSkipped = new LinkedHashMap<>();
        try (LocalStack stack = LocalStack.builder().repoRoot(root).workDir(dir.work().resolve("stack"))
                .ports(StackPorts.free()).readyTimeout(timeout).without(without)
                .serviceJvmOptions(DeliveryOptions.split(jvm)).build()) {
            stack.start();
            for (Service service : services) {
                stack.process(service, 1).stop();
            }
            for (Service service : services) {
                ServiceProcess process = stack.process(service, 1);
                List<Double> ready = new ArrayList<>();
                List<Double> quarkus = new ArrayList<>();
                List<Double> rss = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    long logBefore = Files.size(process.logFile());
                    long start = System.nanoTime();
                    process.start();
                    awaitReady(stack.baseUri(service), process, timeout);
                    ready.add((System.nanoTime() - start) / 1e9);
                    TimeUnit.MILLISECONDS.sleep((long) (idleSeconds * 1000));
                    rss.add(ProcStats.rssBytes(process.pid()) / 1048576.0);
                    quarkus.add(startedIn(process.logFile(), logBefore).orElse(Double.NaN));
                    process.stop();
                    System.out.printf("%s round %d: ready %.2f s, Quarkus started in %.2f s, idle RSS %.0f MB%n",
                            service.module(), round, ready.get(ready.size() - 1), quarkus.get(quarkus.size() - 1),
                            rss.get(rss.size() - 1));
                }
                jvmFigures.put(service.module(), new Figures()
                        .with("ready s (runs)", list(ready))
                        .with("ready s, median", Figures.round(median(ready)))
                        .with("Quarkus started in s (runs)", list(quarkus))
                        .with("idle RSS MB, median", Figures.round(median(rss))));
                nativeSkipped.put(service.module(), nativeBinary(root, service)
                        .map(binary -> "a native binary exists (" + binary + "), but the local stack runs jars only")
                        .orElse("no native binary (" + service.module() + "/target/*-runner); build one with "
                                + "-Dnative"));
            }
        }
        report.put("options", Map.of("services", modules, "rounds", rounds, "jvm", jvm))
                .put("jvm", jvmFigures).put("nativeSkipped", nativeSkipped);
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("service", "ready (runs)", "ready, median", "Quarkus \"started in\" (runs)",
                "idle RSS, median"));
        jvmFigures.forEach((module, figures) -> rows.add(List.of(module, figures.get("ready s (runs)"),
                figures.get("ready s, median") + " s", figures.get("Quarkus started in s (runs)"),
                figures.get("idle RSS MB, median") + " MB")));
        report.markdown("JVM mode, `" + jvm + "`, one service at a time against the stack's PostgreSQL and Kafka "
                + "(databases migrated by a first start). Ready: process start to the first 200 of "
                + "/q/health/ready.\n\n").markdown(Markdown.rows(rows)).markdown("\nNative:\n\n");
        nativeSkipped.forEach((module, reason) -> report.markdown("- " + module + ": skipped, " + reason + "\n"));
        report.write(dir, "Start-up");
        return 0;
    }

    private static void awaitReady(URI base, ServiceProcess process, Duration timeout) throws InterruptedException {
        HttpRequest ready = HttpRequest.newBuilder(base.resolve("/q/health/ready")).timeout(Duration.ofSeconds(2))
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        process.awaitReady(Duration.ofSeconds(1));
    }

    /** The last "started in" Quarkus logged after {@code offset}. */
    private static Optional<Double> startedIn(Path log, long offset) throws IOException {
        byte[] all = Files.readAllBytes(log);
        String tail = new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
                java.nio.charset.StandardCharsets.UTF_8);
        Matcher matcher = STARTED_IN.matcher(tail);
        Double last = null;
        while (matcher.find()) {
            last = Double.parseDouble(matcher.group(1));
        }
        return Optional.ofNullable(last);
    }

    private static Optional<Path> nativeBinary(Path root, Service service) throws IOException {
        Path target = root.resolve(service.module()).resolve("target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> runners = Files.newDirectoryStream(target, "*-runner")) {
            for (Path runner : runners) {
                if (Files.isExecutable(runner)) {
                    return Optional.of(runner);
                }
            }
        }
        return Optional.empty();
    }

    private static Service service(String module) {
        for (Service service : Service.values()) {
            if (service.module().equals(module.trim().toLowerCase(Locale.ROOT))) {
                return service;
            }
        }
        throw new IllegalArgumentException("no such service: " + module);
    }

    private static String list(List<Double> values) {
        return String.join(", ", values.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().filter(v -> !v.isNaN()).sorted().toList();
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
