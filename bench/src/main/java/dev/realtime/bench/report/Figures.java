package dev.realtime.bench.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one measurement, in the order they are reported: numbers, or anything JSON can hold. The medians
 * of several rounds are taken figure by figure.
 */
public final class Figures extends LinkedHashMap<String, Object> {

    /** Adds a figure; a number that could not be measured (NaN) is kept as null, which JSON can hold. */
    public Figures with(String name, Object value) {
        put(name, value instanceof Double d && d.isNaN() ? null : value);
        return this;
    }

    public double number(String name) {
        Object value = get(name);
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** Figure by figure, the median over rounds of each number; other values from the first round. */
    public static Figures median(List<Figures> rounds) {
        Figures median = new Figures();
        if (rounds.isEmpty()) {
            return median;
        }
        for (Map.Entry<String, Object> entry : rounds.get(0).entrySet()) {
            if (entry.getValue() instanceof Number || entry.getValue() == null) {
                List<Double> values = new ArrayList<>();
                for (Figures round : rounds) {
                    double value = round.number(entry.getKey());
                    if (!Double.isNaN(value)) {
                        values.add(value);
                    }
                }
                Collections.sort(values);
                int n = values.size();
                double m = n == 0 ? Double.NaN : n % 2 == 1 ? values.get(n / 2)
                        : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
                median.put(entry.getKey(), n == 0 ? null : round(m));
            } else {
                median.put(entry.getKey(), entry.getValue());
            }
        }
        return median;
    }

    /** Two decimals are enough for every figure here. */
    public static double round(double value) {
        return Double.isNaN(value) ? value : Math.round(value * 100.0) / 100.0;
    }
}
