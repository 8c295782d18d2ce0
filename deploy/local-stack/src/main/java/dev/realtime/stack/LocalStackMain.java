package dev.realtime.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./run-stack.sh [options]}, or {@code java -jar local-stack-launcher.jar [options]}: starts the whole suite
 * on the contract's ports and keeps it running until Ctrl-C, which stops everything in reverse order.
 */
@Command(name = "run-stack.sh", sortOptions = false, separator = " ", descriptionHeading = "%n",
        optionListHeading = "%nOptions:%n",
        description = "Runs PostgreSQL, Kafka and every service of the suite on this machine until Ctrl-C.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./run-stack.sh                           the suite on the contract's ports",
            "  ./run-stack.sh --replicas gateway=2      two gateways, on 8080 and 8085",
            "  ./run-stack.sh --gateways 3              three gateways, on 8080, 8085, 8086",
            "  ./run-stack.sh --without booking-service run that one with ./mvnw quarkus:dev",
            "",
            "Replicas: the first replica of a service listens on the service's own port",
            "(gateway 8080, auth-service 8081, chat-service 8082, booking-service 8083,",
            "notification-service 8084); each further replica takes the next spare port,",
            "8085 to 8094, the gateway's replicas first. Every replica is its own process",
            "with its own log: .local-stack/logs/gateway.log, gateway-2.log, ... Every",
            "gateway replica reads every delivery partition, so a client may connect to",
            "any of them: ws://localhost:8080/ws, ws://localhost:8085/ws, ... The",
            "replicas of a service share its database and Kafka topics.",
            "",
            "The services' jars must be packaged first (./mvnw -DskipTests package);",
            "./run-stack.sh does both."
        })
public final class LocalStackMain implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--work-dir", paramLabel = "<dir>",
            description = "data, logs and pid files (default: .local-stack/ at the repository root)")
    private Path workDir;

    @Option(names = "--clean", description = "delete the databases, Kafka data and logs of earlier runs first")
    private boolean clean;

    @Option(names = "--replicas", split = ",", paramLabel = "<module>=<count>",
            description = "run this many replicas of a module, each its own process on its own port "
                    + "(e.g. gateway=2); repeatable")
    private Map<Service, Integer> replicas = new LinkedHashMap<>();

    @Option(names = "--gateways", paramLabel = "<count>", description = "the same as --replicas gateway=<count>")
    private Integer gateways;

    @Option(names = "--without", split = ",", paramLabel = "<module>",
            description = "do not start these modules (e.g. booking-service, to run it with ./mvnw quarkus:dev on its "
                    + "own port against the stack's PostgreSQL and Kafka)")
    private List<Service> without = List.of();

    @Option(names = "--infrastructure-only", description = "only PostgreSQL and Kafka")
    private boolean infrastructureOnly;

    @Option(names = "--ready-timeout", paramLabel = "<secs>", defaultValue = "180",
            description = "how long Kafka and each service may take to become ready (default: ${DEFAULT-VALUE})")
    private long readyTimeoutSeconds;

    @Option(names = { "-h", "--help" }, usageHelp = true, description = "this text")
    private boolean help;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with its module names: {@code gateway}, {@code auth-service}, ... */
    static CommandLine commandLine() {
        return new CommandLine(new LocalStackMain()).registerConverter(Service.class, LocalStackMain::module);
    }

    @Override
    public Integer call() {
        LocalStack stack;
        try {
            stack = builder().build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        } catch (IllegalStateException e) {
            StackLog.warn("%s", e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        // registered before start: a Ctrl-C while the stack is still starting stops what is already running
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "local-stack-shutdown"));
        try {
            stack.start();
        } catch (RuntimeException e) {
            StackLog.warn("The local stack did not start: %s", e.getMessage());
            return 1;
        }
        System.out.println();
        System.out.print(stack.describe());
        System.out.println();
        StackLog.info("Running. Work dir %s. Press Ctrl-C to stop everything.", stack.layout().workDir());
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** The stack the options describe. */
    LocalStackBuilder builder() {
        LocalStackBuilder builder = LocalStack.builder()
                .clean(clean)
                .without(without)
                .readyTimeout(Duration.ofSeconds(readyTimeoutSeconds));
        if (workDir != null) {
            builder.workDir(workDir);
        }
        if (infrastructureOnly) {
            builder.without(List.of(Service.values()));
        }
        if (gateways != null) {
            if (replicas.containsKey(Service.GATEWAY)) {
                throw new IllegalArgumentException("--gateways and --replicas gateway=... say the same: give one");
            }
            builder.replicas(Service.GATEWAY, gateways);
        }
        replicas.forEach(builder::replicas);
        return builder;
    }

    private static Service module(String name) {
        return Arrays.stream(Service.values())
                .filter(service -> service.module().equals(name.trim()))
                .findFirst()
                .orElseThrow(() -> new CommandLine.TypeConversionException("no module " + name + "; the modules are "
                        + Arrays.stream(Service.values()).map(Service::module).toList()));
    }
}
