package dev.realtime.gateway.support;

import static io.restassured.RestAssured.given;

import java.util.Arrays;

/** Reads one meter's current value from the Prometheus scrape at {@code /q/metrics}. */
public final class Metrics {

    private Metrics() {
    }

    /**
     * The sum of the samples of this Prometheus name whose labels include all of these, or fails if there is
     * none.
     *
     * @param labels each as written in the scrape, for example {@code type="event"}
     */
    public static double value(String name, String... labels) {
        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
        double sum = 0;
        boolean found = false;
        for (String line : scrape.lines().toList()) {
            if (line.startsWith("#") || !line.startsWith(name)) {
                continue;
            }
            int end = line.lastIndexOf(' ');
            String series = line.substring(0, end);
            String sampleName = series.contains("{") ? series.substring(0, series.indexOf('{')) : series;
            String sampleLabels = series.contains("{") ? series.substring(series.indexOf('{')) : "";
            if (sampleName.equals(name) && Arrays.stream(labels).allMatch(label -> hasLabel(sampleLabels, label))) {
                sum += Double.parseDouble(line.substring(end + 1));
                found = true;
            }
        }
        if (!found) {
            throw new AssertionError("no sample " + name + Arrays.toString(labels) + " in the scrape");
        }
        return sum;
    }

    private static boolean hasLabel(String labels, String label) {
        return labels.contains("{" + label) || labels.contains("," + label);
    }
}
