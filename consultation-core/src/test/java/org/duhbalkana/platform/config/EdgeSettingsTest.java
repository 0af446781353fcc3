package org.duhbalkana.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** DB_WAIT_SECONDS and API_BODY_LIMIT_BYTES: defaults, accepted values, and one line naming a bad one. */
class EdgeSettingsTest {

    private static EdgeSettings read(Map<String, String> values) {
        return EdgeSettings.read(key -> Optional.ofNullable(values.get(key)));
    }

    @Test
    void defaultsAndGoodValues() {
        assertThat(read(Map.of())).isEqualTo(new EdgeSettings(5, 16 * 1024));
        assertThat(read(Map.of("DB_WAIT_SECONDS", "3", "API_BODY_LIMIT_BYTES", "64K"))).isEqualTo(new EdgeSettings(3, 64 * 1024));
        assertThat(read(Map.of("API_BODY_LIMIT_BYTES", "1048576")).apiBodyLimitBytes()).isEqualTo(1024 * 1024);
        assertThat(read(Map.of("DB_WAIT_SECONDS", "2")).retryAfterSeconds()).isEqualTo(5);
        assertThat(Settings.KEYS).contains("DB_WAIT_SECONDS", "API_BODY_LIMIT_BYTES");
    }

    @Test
    void badValuesAreRefusedNamingTheKey() {
        for (String bad : new String[] {"0", "61", "five", "-1", "1.5", " 3 "}) {
            assertThatThrownBy(() -> read(Map.of("DB_WAIT_SECONDS", bad))).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("DB_WAIT_SECONDS").hasMessageContaining(bad);
        }
        for (String bad : new String[] {"100", "2M", "lots", "-16K"}) {
            assertThatThrownBy(() -> read(Map.of("API_BODY_LIMIT_BYTES", bad))).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("API_BODY_LIMIT_BYTES").hasMessageContaining(bad);
        }
    }
}
