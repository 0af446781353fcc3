package org.duhbalkana.web.platform;

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
        return of(type, values, title, legend, null);
    }

    /**
     * @param values label → value, in the order they are shown
     * @param locale the reader's language tag, so that the axis formats numbers as the tables do
     *               ("1.250" beside "1.250", not "1,200"); null for the browser's own
     */
    public static String of(String type, Map<String, ? extends Number> values, String title, boolean legend, String locale) {
        JsonArrayBuilder labels = Jsons.PROVIDER.createArrayBuilder();
        JsonArrayBuilder data = Jsons.PROVIDER.createArrayBuilder();
        values.forEach((label, value) -> {
            labels.add(label);
            data.add(value.longValue());
        });
        JsonArrayBuilder colours = Jsons.PROVIDER.createArrayBuilder();
        for (String c : COLOURS) {
            colours.add(c);
        }
        return Jsons.PROVIDER.createObjectBuilder()
                .add("type", type)
                .add("data", Jsons.PROVIDER.createObjectBuilder().add("labels", labels).add("datasets", Jsons.PROVIDER.createArrayBuilder()
                        .add(Jsons.PROVIDER.createObjectBuilder().add("label", title).add("data", data).add("backgroundColor", colours))))
                .add("options", (locale == null ? Jsons.PROVIDER.createObjectBuilder()
                        : Jsons.PROVIDER.createObjectBuilder().add("locale", locale))
                        .add("animation", false)
                        .add("plugins", Jsons.PROVIDER.createObjectBuilder()
                                .add("title", Jsons.PROVIDER.createObjectBuilder().add("display", true).add("text", title))
                                .add("legend", Jsons.PROVIDER.createObjectBuilder().add("display", legend))))
                .build().toString();
    }
}
