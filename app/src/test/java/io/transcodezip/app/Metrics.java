package io.transcodezip.app;

import static io.restassured.RestAssured.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one sample from the Prometheus text the service serves at /q/metrics. */
final class Metrics {

    private Metrics() {
    }

    static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of {@code name} whose labels include every {@code label="value"} given; 0 when absent. */
    static double value(String scrape, String name, String... labels) {
        Pattern line = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)\\} ([-+0-9.eE]+|NaN)$", Pattern.MULTILINE);
        Matcher m = line.matcher(scrape);
        double sum = 0;
        while (m.find()) {
            boolean all = true;
            for (String label : labels) {
                all &= m.group(1).contains(label);
            }
            if (all) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }
}
