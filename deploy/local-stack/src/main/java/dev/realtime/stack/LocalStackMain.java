package dev.realtime.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar local-stack-launcher.jar [options]}: starts the whole suite on the contract's ports and keeps it running
 * until Ctrl-C, which stops everything in reverse order.
 */
public final class LocalStackMain {

    private static final String USAGE = """
            Usage: java -jar deploy/local-stack/target/local-stack-launcher.jar [options]

            Runs PostgreSQL, Kafka and every service of the suite on this machine until Ctrl-C.

            Options:
              --work-dir <dir>         data, logs and pid files (default: .local-stack/ at the repository root)
              --clean                  delete the databases, Kafka data and logs of earlier runs first
              --without <m1,m2,...>    do not start these modules (e.g. booking-service, to run it with
                                       ./mvnw quarkus:dev on its own port against the stack's PostgreSQL and Kafka)
              --infrastructure-only    only PostgreSQL and Kafka
              --ready-timeout <secs>   how long Kafka and each service may take to become ready (default 180)
              --help                   this text

            The services' jars must be packaged first (./mvnw -DskipTests package); ./run-stack.sh does both.
            """;

    private LocalStackMain() {
    }

    public static void main(String[] args) {
        LocalStack.Builder builder = LocalStack.builder();
        try {
            parse(args, builder);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        LocalStack stack;
        try {
            stack = builder.build();
        } catch (IllegalStateException e) {
            StackLog.warn("%s", e.getMessage());
            System.exit(1);
            return;
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
            System.exit(1);
            return;
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
    }

    private static void parse(String[] args, LocalStack.Builder builder) {
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--work-dir" -> builder.workDir(Path.of(value(args, ++i, "--work-dir")));
                case "--clean" -> builder.clean(true);
                case "--without" -> builder.without(modules(value(args, ++i, "--without")));
                case "--infrastructure-only" -> builder.without(List.of(Service.values()));
                case "--ready-timeout" -> {
                    String seconds = value(args, ++i, "--ready-timeout");
                    try {
                        builder.readyTimeout(Duration.ofSeconds(Long.parseLong(seconds)));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--ready-timeout takes a number of seconds, not " + seconds);
                    }
                }
                case "--help", "-h" -> {
                    System.out.print(USAGE);
                    System.exit(0);
                }
                default -> throw new IllegalArgumentException("unknown option: " + args[i]);
            }
        }
    }

    private static List<Service> modules(String names) {
        return Arrays.stream(names.split(","))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .map(name -> Arrays.stream(Service.values())
                        .filter(service -> service.module().equals(name))
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no module " + name + "; the modules are "
                                + Arrays.stream(Service.values()).map(Service::module).toList())))
                .toList();
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}
