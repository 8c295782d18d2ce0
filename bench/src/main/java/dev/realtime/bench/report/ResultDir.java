package dev.realtime.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** {@code bench/results/<scenario>-<timestamp>/}: the JSON, the Markdown summary and any plot of one run. */
public final class ResultDir {

    public static final String JSON_FILE = "result.json";
    public static final String SUMMARY_FILE = "summary.md";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path dir;

    private ResultDir(Path dir) {
        this.dir = dir;
    }

    public static ResultDir create(Path parent, String scenario) {
        try {
            String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(STAMP);
            Path dir = parent.resolve(scenario + "-" + stamp);
            for (int i = 2; Files.exists(dir); i++) {
                dir = parent.resolve(scenario + "-" + stamp + "-" + i);
            }
            Files.createDirectories(dir);
            return new ResultDir(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a results directory in " + parent, e);
        }
    }

    public Path path() {
        return dir;
    }

    /** Where a run's processes (stack, clients, servers) keep their logs and data. */
    public Path work() {
        return dir.resolve("work");
    }

    public Path writeJson(Object result) {
        try {
            Path file = dir.resolve(JSON_FILE);
            JSON.writeValue(file.toFile(), result);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path write(String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
