package dev.realtime.bench.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One {@link ClientWorker} child JVM, seen from the scenario: commands in, one JSON answer a command out. */
public final class WorkerProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final Process process;
    private final Writer commands;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final Path logFile;
    private final long pid;

    private WorkerProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readAnswers, name + "-answers");
        reader.setDaemon(true);
        reader.start();
        this.pid = process.pid();
    }

    /**
     * Starts a client JVM on this JVM's classpath.
     *
     * @param jvmOptions e.g. {@code -Xmx1g}
     * @param spec       the worker's spec file (see {@link ClientWorker})
     */
    static WorkerProcess start(String name, List<String> jvmOptions, Path argFile, Path spec, int eventLoops,
            Path logFile) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("@" + argFile);
        command.add(ClientWorker.class.getName());
        command.add(spec.toString());
        command.add(Integer.toString(eventLoops));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            WorkerProcess worker = new WorkerProcess(name, process, logFile);
            worker.await("hello", Duration.ofSeconds(60));
            return worker;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start client process " + name, e);
        }
    }

    public long pid() {
        return pid;
    }

    /** Sends a command and waits for its answer of that kind. */
    JsonNode ask(String command, String answerKind, Duration timeout) {
        try {
            commands.write(command + "\n");
            commands.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("client process " + name + " does not take commands; see " + logFile, e);
        }
        return await(answerKind, timeout);
    }

    private JsonNode await(String kind, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                String line = answers.poll(Math.max(1, left), TimeUnit.NANOSECONDS);
                if (line == null) {
                    throw new IllegalStateException("client process " + name + " did not answer " + kind + " within "
                            + timeout.toSeconds() + " s (alive: " + process.isAlive() + "); see " + logFile);
                }
                if (line.startsWith("@" + kind + " ")) {
                    return JSON.readTree(line.substring(kind.length() + 2));
                }
                if (line.startsWith("@error ")) {
                    throw new IllegalStateException("client process " + name + ": " + line);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readAnswers() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("@")) {
                    answers.add(line);
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                commands.write("quit\n");
                commands.flush();
            } catch (IOException e) {
                // already going
            }
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
