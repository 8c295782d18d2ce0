package dev.realtime.stack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A child process of the stack: its output appended to a log file, its pid in a pid file, stopped with SIGTERM
 * (every child here shuts down gracefully on it) and SIGKILL after a grace period, descendants included.
 * <p>
 * Children run in their own session ({@code setsid}) where the tool exists: a Ctrl-C in the terminal then reaches
 * only the launcher, whose shutdown hook stops the children in reverse dependency order, instead of every process
 * at once with services still talking to a database that is already gone.
 */
final class ManagedProcess {

    private static final Optional<Path> SETSID = Stream.of("/usr/bin/setsid", "/bin/setsid")
            .map(Path::of)
            .filter(Files::isExecutable)
            .findFirst();
    private static final Duration FORCED_EXIT_WAIT = Duration.ofSeconds(10);

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Path pidFile;
    private volatile boolean stopping;

    private ManagedProcess(String name, Process process, Path logFile, Path pidFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.pidFile = pidFile;
    }

    /** Starts a child, appending its output to {@code logFile} and writing its pid to {@code pidFile}. */
    static ManagedProcess start(String name, List<String> command, Path logFile, Path pidFile) {
        try {
            Files.createDirectories(logFile.getParent());
            Files.createDirectories(pidFile.getParent());
            Files.writeString(logFile, "==== " + Instant.now() + " starting " + name + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            List<String> fullCommand = new ArrayList<>();
            SETSID.ifPresent(setsid -> fullCommand.add(setsid.toString()));
            fullCommand.addAll(command);
            Process process = new ProcessBuilder(fullCommand)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .start();
            Files.writeString(pidFile, Long.toString(process.pid()), StandardCharsets.UTF_8);
            ManagedProcess child = new ManagedProcess(name, process, logFile, pidFile);
            process.onExit().thenAccept(exited -> child.reportUnexpectedExit());
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    Path logFile() {
        return logFile;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Fails with the end of the log if the child has exited, for the readiness loops to call while they wait. */
    void checkAlive(String during) {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with code " + process.exitValue() + " " + during
                    + "; last lines of " + logFile + ":" + System.lineSeparator() + tail(40));
        }
    }

    /** Stops the child: SIGTERM, then SIGKILL if it is still running after {@code grace}. */
    void stop(Duration grace) {
        stopping = true;
        if (process.isAlive()) {
            List<ProcessHandle> descendants = process.descendants().toList();
            process.destroy();
            if (!waitFor(process.toHandle(), grace)) {
                StackLog.warn("%s did not stop within %d s, killing it", name, grace.toSeconds());
                process.destroyForcibly();
                waitFor(process.toHandle(), FORCED_EXIT_WAIT);
            }
            // whatever the child started and left behind goes too
            descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            StackLog.warn("cannot delete %s: %s", pidFile, e.getMessage());
        }
    }

    /** The last lines of the log file, for error messages. */
    String tail(int lines) {
        return tail(logFile, lines);
    }

    static String tail(Path file, int lines) {
        if (!Files.isReadable(file)) {
            return "(no log at " + file + ")";
        }
        Deque<String> last = new ArrayDeque<>(lines);
        try (Stream<String> all = Files.lines(file, StandardCharsets.UTF_8)) {
            all.forEach(line -> {
                if (last.size() == lines) {
                    last.removeFirst();
                }
                last.addLast(line);
            });
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
        return String.join(System.lineSeparator(), last);
    }

    private void reportUnexpectedExit() {
        if (!stopping) {
            StackLog.warn("%s (pid %d) exited unexpectedly with code %d; last lines of %s:%n%s", name, process.pid(),
                    process.exitValue(), logFile, tail(20));
        }
    }

    /**
     * Stops a child that an earlier launcher, killed too hard to clean up, left running: its pid is in the pid
     * file and {@code marker} in its command line. Then deletes the pid file.
     *
     * @param marker a string only this stack's children carry in their command line
     */
    static void stopLeftover(Path pidFile, String marker) {
        try {
            String recorded = Files.readString(pidFile, StandardCharsets.UTF_8).trim();
            String name = pidFile.getFileName().toString().replaceFirst("\\.pid$", "");
            stopLeftoverProcess(name, Long.parseLong(recorded), marker);
            Files.deleteIfExists(pidFile);
        } catch (NumberFormatException e) {
            StackLog.warn("ignoring %s: not a pid", pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pidFile, e);
        }
    }

    /** Stops the process with this pid if it is alive and carries the marker: a pid may have been reused since. */
    static void stopLeftoverProcess(String name, long pid, String marker) {
        Optional<ProcessHandle> leftover = ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info().commandLine().map(line -> line.contains(marker)).orElse(false));
        leftover.ifPresent(handle -> {
            StackLog.warn("stopping %s (pid %d) left running by an earlier launcher", name, pid);
            handle.destroy();
            if (!waitFor(handle, Duration.ofSeconds(30))) {
                handle.destroyForcibly();
                waitFor(handle, FORCED_EXIT_WAIT);
            }
        });
    }

    private static boolean waitFor(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !handle.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        }
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
