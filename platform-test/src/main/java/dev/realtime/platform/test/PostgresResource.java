package dev.realtime.platform.test;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points the service under test at its own database on the JVM's real PostgreSQL ({@link TestPostgres}).
 * The database name is the init argument {@code database}, by default {@code service}.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private String database = "service";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.datasource.jdbc.url", TestPostgres.jdbcUrl(database),
                "quarkus.datasource.username", TestPostgres.USER,
                "quarkus.datasource.password", TestPostgres.PASSWORD);
    }

    @Override
    public void stop() {
        // the server outlives this resource: it serves every test class of the JVM
    }
}
