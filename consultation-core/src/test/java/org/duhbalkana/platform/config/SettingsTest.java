package org.duhbalkana.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsTest {

    private static Settings read(Map<String, String> environment) {
        return Settings.read(new DefaultConfiguration(environment, new Properties()));
    }

    private static Settings readWith(String key, String value) {
        Map<String, String> environment = new HashMap<>();
        environment.put(key, value);
        return read(environment);
    }

    @Test
    void defaultsStartAnEmbeddedDatabaseUnderTheDataDirectory() {
        Settings settings = read(Map.of());

        assertThat(settings.httpPort()).isEqualTo(8080);
        assertThat(settings.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(settings.database().url()).isEqualTo("jdbc:h2:file:./data/consultation");
        assertThat(settings.database().isMariaDb()).isFalse();
        assertThat(settings.mail()).isEmpty();
        assertThat(settings.baseUrl()).isEqualTo(URI.create("http://localhost:8080"));
        assertThat(settings.demo()).isFalse();
    }

    @Test
    void theDefaultsFollowOtherKeys() {
        Settings settings = read(Map.of("DATA_DIR", "/srv/duh", "HTTP_PORT", "9090"));

        assertThat(settings.database().url()).isEqualTo("jdbc:h2:file:/srv/duh/consultation");
        assertThat(settings.baseUrl()).isEqualTo(URI.create("http://localhost:9090"));
    }

    @Test
    void aMariaDbUrlSwitchesToMariaDb() {
        Settings settings = read(Map.of("DB_URL", "jdbc:mariadb://db:3306/consultation",
                "DB_USER", "duh", "DB_PASSWORD", "s3cret"));

        assertThat(settings.database().isMariaDb()).isTrue();
        assertThat(settings.database().user()).isEqualTo("duh");
        assertThat(settings.toString()).doesNotContain("s3cret");
    }

    @Test
    void mailIsSentThroughTheConfiguredServer() {
        Settings settings = read(Map.of("MAIL_HOST", "smtp.example.org", "MAIL_PORT", "2525",
                "MAIL_FROM", "Duh Balkana <konsultacije@example.org>", "BASE_URL", "https://konsultacije.example.org/"));

        assertThat(settings.mail()).contains(new Settings.Mail("smtp.example.org", 2525));
        assertThat(settings.mailFrom()).isEqualTo("Duh Balkana <konsultacije@example.org>");
        assertThat(settings.baseUrl()).isEqualTo(URI.create("https://konsultacije.example.org"));
        assertThat(settings.link("/health")).isEqualTo(URI.create("https://konsultacije.example.org/health"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "HTTP_PORT   | eighty          | must be a port number from 1 to 65535, not 'eighty'",
        "HTTP_PORT   | 0               | must be a port number",
        "HTTP_PORT   | 70000           | must be a port number",
        "DB_URL      | jdbc:postgresql://db/duh | must start with jdbc:mariadb:// (MariaDB) or jdbc:h2: (embedded)",
        "DB_URL      | mariadb://db/duh | must start with jdbc:mariadb://",
        "DB_USER     | '   '           | is empty",
        "DB_PASSWORD | '  '            | is empty: give the database user a password",
        "MAIL_HOST   | smtp server     | is not a host name or address",
        "MAIL_PORT   | 25a             | must be a port number",
        "MAIL_FROM   | nobody          | must be an e-mail address",
        "BASE_URL    | konsultacije.example.org | must be an absolute http:// or https:// address",
        "BASE_URL    | ftp://example.org | must be an absolute http:// or https:// address",
        "DEMO        | maybe           | must be true or false (or on/off), not 'maybe'",
        "PAGE_CACHE_SECONDS | two      | must be a number of seconds from 0 to 3600, not 'two'",
        "PAGE_CACHE_SECONDS | -1       | must be a number of seconds from 0 to 3600",
    })
    void aMalformedValueIsRefusedWithOneLineNamingTheKey(String key, String value, String problem) {
        assertThatThrownBy(() -> readWith(key, value))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(key + " ")
                .hasMessageContaining(problem)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"))
                .satisfies(e -> assertThat(((ConfigurationException) e).key()).isEqualTo(key));
    }

    @Test
    void aPasswordInAMalformedUrlIsNotRepeated() {
        assertThatThrownBy(() -> readWith("DB_URL", "jdbc:mysql://duh:hunter2@db/duh?password=hunter2"))
                .hasMessageContaining("DB_URL")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void theSafeUrlMasksCredentials() {
        assertThat(new Settings.Database("jdbc:mariadb://duh:hunter2@db:3306/duh?password=hunter2&ssl=true", "duh", "x")
                .safeUrl()).isEqualTo("jdbc:mariadb://duh:***@db:3306/duh?password=***&ssl=true");
    }

    @ParameterizedTest
    @CsvSource({"on,true", "TRUE,true", "yes,true", "1,true", "off,false", "false,false", "No,false", "0,false"})
    void demoTakesTheUsualSpellings(String value, boolean expected) {
        assertThat(readWith("DEMO", value).demo()).isEqualTo(expected);
    }

    @Test
    void theParticipationLimitsHaveDefaultsAndRefuseWhatIsNotAPositiveNumber() {
        assertThat(read(Map.of()).limits()).isEqualTo(new Settings.Limits(10, 100, 10, 20));
        assertThat(readWith("FLAG_LIMIT_ROUND", "5").limits().flagsPerRound()).isEqualTo(5);
        for (String key : java.util.List.of("COMMENT_LIMIT_ACCOUNT", "COMMENT_LIMIT_ADDRESS", "FLAG_LIMIT_HOUR", "FLAG_LIMIT_ROUND")) {
            assertThatThrownBy(() -> readWith(key, "0")).isInstanceOf(ConfigurationException.class).hasMessageContaining(key);
            assertThatThrownBy(() -> readWith(key, "many")).isInstanceOf(ConfigurationException.class).hasMessageContaining(key);
        }
    }

    @Test
    void demoPurgeIsOffByDefaultAndRefusedTogetherWithDemo() {
        assertThat(read(Map.of()).demoPurge()).isFalse();
        assertThat(read(Map.of("DEMO_PURGE", "true")).demoPurge()).isTrue();
        assertThatThrownBy(() -> read(Map.of("DEMO", "true", "DEMO_PURGE", "true")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("DEMO_PURGE cannot be on while DEMO is on: it deletes the demo content DEMO creates");
        assertThatThrownBy(() -> readWith("DEMO_PURGE", "please"))
                .hasMessage("DEMO_PURGE must be true or false (or on/off), not 'please'");
    }

}
