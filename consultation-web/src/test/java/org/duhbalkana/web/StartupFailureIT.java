package org.duhbalkana.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.duhbalkana.web.testing.RunningSite;
import org.junit.jupiter.api.Test;

/** A bad configuration or an unreachable database stops start-up with one clear line and a non-zero exit. */
class StartupFailureIT {

    @Test
    void aMalformedDatabaseUrlIsRefusedBeforeTheServerStarts() {
        RunningSite site = RunningSite.configured("bad-db-url", Map.of("DB_URL", "jdbc:postgresql://db/duh"));

        int status = site.startExpectingExit(Duration.ofSeconds(60));

        assertThat(status).isEqualTo(2);
        assertThat(site.printed())
                .contains("Configuration error: DB_URL must start with jdbc:mariadb:// (MariaDB) or jdbc:h2: (embedded), not 'jdbc:postgresql://db/duh'")
                .doesNotContain("Payara Micro URLs");
    }

    @Test
    void aMalformedPortIsRefused() {
        RunningSite site = RunningSite.configured("bad-port", Map.of("HTTP_PORT", "eighty"));

        assertThat(site.startExpectingExit(Duration.ofSeconds(60))).isEqualTo(2);
        assertThat(site.printed()).contains("Configuration error: HTTP_PORT must be a port number from 1 to 65535, not 'eighty'");
    }

    @Test
    void anUnreachableDatabaseStopsTheServerWithALineNamingIt() {
        RunningSite site = RunningSite.configured("unreachable-db", Map.of(
                "DB_URL", "jdbc:mariadb://127.0.0.1:1/consultation?connectTimeout=2000",
                "DB_USER", "duh", "DB_PASSWORD", "not-a-secret-but-kept-out"));

        int status = site.startExpectingExit(Duration.ofSeconds(150));

        assertThat(status).isEqualTo(3);
        assertThat(site.printed())
                .contains("Cannot use the database jdbc:mariadb://127.0.0.1:1/consultation?connectTimeout=2000 (DB_URL, DB_USER, DB_PASSWORD)")
                .doesNotContain("not-a-secret-but-kept-out");
    }
}
