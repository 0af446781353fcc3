package org.duhbalkana.web.platform;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.Map;

/**
 * Chart.js configurations for PrimeFaces' {@code p:chart}: one data set, its title shown, no
 * animation (people who prefer reduced motion, and screenshots, see the final chart at once).
 * Every chart on a page comes with a table of the same figures for screen readers.
 */
public final class Charts {

    /** Colours with at least 3:1 contrast on white, told apart without relying on red and green alone. */
    private static final String[] COLOURS = {"#1f5f8b", "#b5462b", "#2e7d32", "#6a4c93", "#8a6d00", "#00695c", "#5d4037"};

    private Charts() {
    }

    /** @param values label → value, in the order they are shown */
    public static String of(String type, Map<String, ? extends Number> values, String title, boolean legend) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder data = Json.createArrayBuilder();
        values.forEach((label, value) -> {
            labels.add(label);
            data.add(value.longValue());
        });
        JsonArrayBuilder colours = Json.createArrayBuilder();
        for (String c : COLOURS) {
            colours.add(c);
        }
        return Json.createObjectBuilder()
                .add("type", type)
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("label", title).add("data", data).add("backgroundColor", colours))))
                .add("options", Json.createObjectBuilder()
                        .add("animation", false)
                        .add("plugins", Json.createObjectBuilder()
                                .add("title", Json.createObjectBuilder().add("display", true).add("text", title))
                                .add("legend", Json.createObjectBuilder().add("display", legend))))
                .build().toString();
    }
}
