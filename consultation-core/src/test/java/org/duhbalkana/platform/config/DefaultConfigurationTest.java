package org.duhbalkana.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class DefaultConfigurationTest {

    @Test
    void aSystemPropertyWinsOverTheEnvironmentWhichWinsOverTheDefault() {
        Properties system = new Properties();
        system.setProperty("HTTP_PORT", "9000");
        DefaultConfiguration config = new DefaultConfiguration(Map.of("HTTP_PORT", "8500", "DATA_DIR", "/env"), system);

        assertThat(config.apply("HTTP_PORT")).contains("9000");
        assertThat(config.apply("DATA_DIR")).contains("/env");
        assertThat(config.apply("DB_USER")).contains("consultation");
    }

    @Test
    void anEmptyValueCountsAsNotSet() {
        DefaultConfiguration config = new DefaultConfiguration(Map.of("DATA_DIR", ""), new Properties());

        assertThat(config.apply("DATA_DIR")).contains("./data");
        assertThat(config.apply("MAIL_HOST")).isEmpty();
    }

    @Test
    void expressionsAreExpandedWithTheValuesInForce() {
        DefaultConfiguration config = new DefaultConfiguration(Map.of("DATA_DIR", "/var/lib/duh"), new Properties());

        assertThat(config.apply("DB_URL")).contains("jdbc:h2:file:/var/lib/duh/consultation");
    }
}
