package dev.realtime.bench.report;

import java.util.List;
import java.util.Map;

/** Markdown tables of figures: one column per target (or per run), one row per figure. */
public final class Markdown {

    private Markdown() {
    }

    /** A table whose rows are the figures of the first column's map, in its order. */
    public static String table(String firstHeader, Map<String, Figures> columns) {
        StringBuilder table = new StringBuilder();
        table.append("| ").append(firstHeader).append(" |");
        columns.keySet().forEach(name -> table.append(' ').append(name).append(" |"));
        table.append("\n|---|");
        columns.keySet().forEach(name -> table.append("---|"));
        table.append('\n');
        if (columns.isEmpty()) {
            return table.toString();
        }
        for (String figure : columns.values().iterator().next().keySet()) {
            table.append("| ").append(figure).append(" |");
            for (Figures column : columns.values()) {
                table.append(' ').append(format(column.get(figure))).append(" |");
            }
            table.append('\n');
        }
        return table.toString();
    }

    /** A table with these rows, first row the header. */
    public static String rows(List<List<Object>> rows) {
        StringBuilder table = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            table.append('|');
            rows.get(i).forEach(cell -> table.append(' ').append(format(cell)).append(" |"));
            table.append('\n');
            if (i == 0) {
                table.append('|');
                rows.get(0).forEach(cell -> table.append("---|"));
                table.append('\n');
            }
        }
        return table.toString();
    }

    static String format(Object value) {
        if (value == null) {
            return "n/a";
        }
        if (value instanceof Double d) {
            if (d.isNaN()) {
                return "n/a";
            }
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : String.format("%.2f", d);
        }
        return String.valueOf(value);
    }
}
