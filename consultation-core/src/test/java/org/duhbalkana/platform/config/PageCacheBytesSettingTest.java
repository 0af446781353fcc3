package org.duhbalkana.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code PAGE_CACHE_BYTES}: how much memory the copies of public pages may take. */
class PageCacheBytesSettingTest {

    private static Settings read(String value) {
        Map<String, String> values = new HashMap<>(Map.of("HTTP_PORT", "8080", "DATA_DIR", "./data",
                "DB_URL", "jdbc:h2:file:./data/consultation", "DB_USER", "u", "DB_PASSWORD", "p",
                "MAIL_FROM", "Duh Balkana <noreply@localhost>", "BASE_URL", "http://localhost:8080"));
        if (value != null) {
            values.put(Settings.PAGE_CACHE_BYTES, value);
        }
        return Settings.read(key -> Optional.ofNullable(values.get(key)));
    }

    @Test
    void theDefaultIs32MegabytesAndTheKeyIsKnown() {
        assertThat(read(null).pageCacheBytes()).isEqualTo(32L * 1024 * 1024);
        assertThat(Settings.KEYS).contains("PAGE_CACHE_BYTES");
    }

    @ParameterizedTest
    @CsvSource({"0,0", "1048576,1048576", "512K,524288", "32M,33554432", "32mb,33554432", "1G,1073741824", "' 4G ',4294967296"})
    void sizesAreReadInBytesOrWithA1024BasedSuffix(String value, long expected) {
        assertThat(read(value).pageCacheBytes()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"lots", "-1", "5G", "32X", "M", "''"})
    void aMalformedSizeStopsStartUpNamingTheKey(String value) {
        assertThatThrownBy(() -> read(value)).isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("PAGE_CACHE_BYTES must be a size in bytes from 0 to 4G");
    }
}
