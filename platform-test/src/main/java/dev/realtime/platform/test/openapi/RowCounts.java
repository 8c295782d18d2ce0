package dev.realtime.platform.test.openapi;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The number of rows in each of a service's own tables. The outbox and inbox are left out: the relay empties
 * the outbox on its own schedule, and a row there always comes with a row of the change it describes.
 */
final class RowCounts {

    private static final List<String> NOT_STATE = List.of("flyway_schema_history", "outbox_event", "inbox_event");

    private final String url;
    private final String user;
    private final String password;
    private List<String> tables;

    RowCounts(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The database of the service under test, from its datasource configuration. */
    static RowCounts ofServiceDatabase() {
        var config = ConfigProvider.getConfig();
        return new RowCounts(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    Map<String, Long> snapshot() {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            if (tables == null) {
                tables = new ArrayList<>();
                try (ResultSet names = statement.executeQuery(
                        "select table_name from information_schema.tables where table_schema = current_schema()"
                                + " and table_type = 'BASE TABLE' order by table_name")) {
                    while (names.next()) {
                        if (!NOT_STATE.contains(names.getString(1))) {
                            tables.add(names.getString(1));
                        }
                    }
                }
            }
            Map<String, Long> counts = new TreeMap<>();
            for (String table : tables) {
                try (ResultSet count = statement.executeQuery("select count(*) from \"" + table + "\"")) {
                    count.next();
                    counts.put(table, count.getLong(1));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the service's rows at " + url, e);
        }
    }
}
