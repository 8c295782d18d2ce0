package dev.realtime.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Where the stack finds what it runs (the services' packaged jars, the Kafka broker's libraries) and where it
 * keeps what it writes (data, logs, pid files), all below one work directory.
 *
 * @param repoRoot the source tree holding every module's {@code target/}
 * @param workDir  the stack's own directory: {@code postgres/}, {@code kafka/}, {@code logs/}, {@code run/}
 */
public record StackLayout(Path repoRoot, Path workDir) {

    /** Overrides the directory the Kafka broker process takes its classpath from. */
    public static final String LIB_DIR_PROPERTY = "rt.stack.lib-dir";

    public StackLayout {
        repoRoot = repoRoot.toAbsolutePath().normalize();
        workDir = workDir.toAbsolutePath().normalize();
    }

    /** The default work directory of the command line launcher: {@code .local-stack/} at the root, git-ignored. */
    public static Path defaultWorkDir(Path repoRoot) {
        return repoRoot.resolve(".local-stack");
    }

    public Path logsDir() {
        return workDir.resolve("logs");
    }

    public Path logFile(String name) {
        return logsDir().resolve(name + ".log");
    }

    /** Pid files of the children, so that a launcher killed with SIGKILL leaves nothing the next one cannot clean up. */
    public Path runDir() {
        return workDir.resolve("run");
    }

    public Path postgresDir() {
        return workDir.resolve("postgres");
    }

    public Path kafkaDir() {
        return workDir.resolve("kafka");
    }

    /** The fast-jar launcher {@code ./mvnw -DskipTests package} writes for a service. */
    public Path serviceJar(Service service) {
        return repoRoot.resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /**
     * The directory of jars the Kafka broker process runs on: the {@value #LIB_DIR_PROPERTY} system property if
     * set, else the {@code lib/} next to the launcher jar when it runs from one, else
     * {@code deploy/local-stack/target/lib} of the source tree (what the end-to-end tests use).
     *
     * @throws IllegalStateException if the chosen directory holds no Kafka broker jar
     */
    public Path kafkaLibDir() {
        Path dir = Optional.ofNullable(System.getProperty(LIB_DIR_PROPERTY))
                .map(Path::of)
                .or(StackLayout::libNextToLauncherJar)
                .orElse(repoRoot.resolve("deploy/local-stack/target/lib"))
                .toAbsolutePath()
                .normalize();
        if (!holdsKafkaBroker(dir)) {
            throw new IllegalStateException("no Kafka broker jar (kafka_2.13-*.jar) in " + dir
                    + "; build the launcher first: ./mvnw -pl deploy/local-stack -am package -DskipTests");
        }
        return dir;
    }

    /** Deletes what earlier runs left: the database's data, the broker's logs, the services' logs. */
    public void deleteDataAndLogs() throws IOException {
        deleteRecursively(postgresDir().resolve("data"));
        deleteRecursively(kafkaDir());
        deleteRecursively(logsDir());
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static Optional<Path> libNextToLauncherJar() {
        try {
            var source = StackLayout.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path location = Path.of(source.getLocation().toURI());
            if (!Files.isRegularFile(location) || location.getParent() == null) {
                return Optional.empty();
            }
            Path lib = location.getParent().resolve("lib");
            return holdsKafkaBroker(lib) ? Optional.of(lib) : Optional.empty();
        } catch (URISyntaxException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static boolean holdsKafkaBroker(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, "kafka_2.13-*.jar")) {
            return jars.iterator().hasNext();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
