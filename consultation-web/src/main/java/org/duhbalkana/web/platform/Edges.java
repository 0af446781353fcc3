package org.duhbalkana.web.platform;

import org.duhbalkana.platform.config.EdgeSettings;
import org.duhbalkana.platform.config.SettingsProducer;

/**
 * The configured {@link EdgeSettings} (the database wait, the API body limit) for code that is not
 * a CDI bean (JAX-RS exception mappers, filters, static helpers): read once, checked at start-up.
 */
public final class Edges {

    private static volatile EdgeSettings settings;

    private Edges() {
    }

    public static EdgeSettings settings() {
        EdgeSettings read = settings;
        if (read == null) {
            try {
                read = SettingsProducer.edgeSettingsFromMicroProfileConfig();
            } catch (RuntimeException | LinkageError noConfiguration) {
                read = EdgeSettings.DEFAULT; // unit tests, without MicroProfile Config
            }
            settings = read;
        }
        return read;
    }
}
