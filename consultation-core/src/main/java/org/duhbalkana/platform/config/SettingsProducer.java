package org.duhbalkana.platform.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Makes the checked {@link Settings} injectable, read through MicroProfile Config. */
@ApplicationScoped
public class SettingsProducer {

    /** A record cannot be proxied, hence the pseudo-scope; it is read once all the same. */
    @Produces
    @Singleton
    Settings settings() {
        return fromMicroProfileConfig();
    }

    /** The limits of petition confirmation mail (checked at start-up with the settings). */
    @Produces
    @Singleton
    SignatureMailLimits signatureMailLimits() {
        Config config = ConfigProvider.getConfig(SettingsProducer.class.getClassLoader());
        return SignatureMailLimits.read(key -> config.getOptionalValue(key, String.class));
    }

    /** The database wait and the API body limit (checked at start-up with the settings). */
    @Produces
    @Singleton
    EdgeSettings edgeSettings() {
        return edgeSettingsFromMicroProfileConfig();
    }

    /** The data grid and the attachments directory (issue 13; checked at start-up with the settings). */
    @Produces
    @Singleton
    ClusterSettings clusterSettings() {
        Config config = ConfigProvider.getConfig(SettingsProducer.class.getClassLoader());
        return ClusterSettings.read(key -> config.getOptionalValue(key, String.class));
    }

    /** Reads {@link EdgeSettings} through MicroProfile Config; the defaults where it cannot be read. */
    public static EdgeSettings edgeSettingsFromMicroProfileConfig() {
        Config config = ConfigProvider.getConfig(SettingsProducer.class.getClassLoader());
        return EdgeSettings.read(key -> config.getOptionalValue(key, String.class));
    }

    /** Reads and checks the settings; throws {@link ConfigurationException} naming a bad key. */
    public static Settings fromMicroProfileConfig() {
        Config config = ConfigProvider.getConfig(SettingsProducer.class.getClassLoader());
        return Settings.read(key -> {
            try {
                return config.getOptionalValue(key, String.class);
            } catch (java.util.NoSuchElementException unresolved) {
                // an expression such as ${DATA_DIR} that refers to a key with no value
                throw new ConfigurationException(key, "refers to a key that is not set: " + unresolved.getMessage());
            }
        });
    }
}
