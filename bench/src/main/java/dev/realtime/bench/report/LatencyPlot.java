package dev.realtime.bench.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fan-out plot, hand-written SVG: p50 and p99 latency (log scale, milliseconds) against delivered
 * deliveries per second, one colour per target, solid p99, dashed p50.
 */
public final class LatencyPlot {

    /** One point of a series. */
    public record Point(double deliveredPerSecond, double p50Ms, double p99Ms) {
    }

    private static final String[] COLOURS = { "#1f77b4", "#d62728", "#2ca02c", "#9467bd" };
    private static final int WIDTH = 720;
    private static final int HEIGHT = 440;
    private static final int LEFT = 70;
    private static final int RIGHT = 160;
    private static final int TOP = 40;
    private static final int BOTTOM = 60;

    private LatencyPlot() {
    }

    public static String svg(String title, Map<String, List<Point>> series) {
        double maxX = 1;
        double minY = Double.MAX_VALUE;
        double maxY = 1;
        for (List<Point> points : series.values()) {
            for (Point p : points) {
                maxX = Math.max(maxX, p.deliveredPerSecond());
                minY = Math.min(minY, Math.max(0.01, Math.min(p.p50Ms(), p.p99Ms())));
                maxY = Math.max(maxY, p.p99Ms());
            }
        }
        double logMin = Math.floor(Math.log10(minY == Double.MAX_VALUE ? 0.1 : minY));
        double logMax = Math.ceil(Math.log10(maxY));
        if (logMax <= logMin) {
            logMax = logMin + 1;
        }
        double xMax = niceCeiling(maxX * 1.05);
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"14\">%s</text>%n", LEFT,
                escape(title)));
        for (double e = logMin; e <= logMax; e++) {
            double y = TOP + plotH - (e - logMin) / (logMax - logMin) * plotH;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
                    LEFT, y, LEFT + plotW, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s ms</text>%n",
                    LEFT - 6, y + 4, label(Math.pow(10, e))));
        }
        for (int i = 0; i <= 5; i++) {
            double value = xMax * i / 5;
            double x = LEFT + plotW * i / 5.0;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>%n",
                    x, TOP, x, TOP + plotH));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x,
                    TOP + plotH + 18, label(value / 1000) + "k"));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">deliveries per second "
                + "(delivered)</text>%n", LEFT + plotW / 2, HEIGHT - 18));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#333\"/>%n", LEFT, TOP, plotW, plotH));
        int colour = 0;
        int legendY = TOP + 10;
        for (Map.Entry<String, List<Point>> entry : series.entrySet()) {
            String stroke = COLOURS[colour++ % COLOURS.length];
            for (boolean p99 : new boolean[] { true, false }) {
                StringBuilder path = new StringBuilder();
                for (Point p : entry.getValue()) {
                    double ms = Math.max(Math.pow(10, logMin), p99 ? p.p99Ms() : p.p50Ms());
                    double x = LEFT + p.deliveredPerSecond() / xMax * plotW;
                    double y = TOP + plotH - (Math.log10(ms) - logMin) / (logMax - logMin) * plotH;
                    path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
                    svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", x,
                            y, stroke));
                }
                svg.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>%n",
                        path, stroke, p99 ? "" : " stroke-dasharray=\"6 4\""));
                int lx = LEFT + plotW + 14;
                svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
                        + "stroke-width=\"2\"%s/>%n", lx, legendY, lx + 24, legendY, stroke,
                        p99 ? "" : " stroke-dasharray=\"6 4\""));
                svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s %s</text>%n", lx + 30, legendY + 4,
                        escape(entry.getKey()), p99 ? "p99" : "p50"));
                legendY += 20;
            }
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static double niceCeiling(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] { 1, 2, 2.5, 5, 10 }) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String label(double value) {
        return value >= 1 && value == Math.rint(value) ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.2g", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;");
    }
}
