package org.duhbalkana.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.duhbalkana.testing.TestDatabase;
import org.duhbalkana.web.testing.Http;
import org.duhbalkana.web.testing.RunningSite;
import org.junit.jupiter.api.Test;

/** The same WAR switched to MariaDB by a {@code jdbc:mariadb://} URL. */
class MariaDbSiteIT {

    @Test
    void theSiteRunsOnMariaDb() throws Exception {
        try (TestDatabase db = TestDatabase.mariaDb();
             RunningSite site = RunningSite.configured("mariadb", db.environment()).start()) {

            assertThat(Http.get(site.uri("/"), "Accept-Language", "sr-Cyrl").body()).contains("Зајечар", "Видин");
            assertThat(Http.get(site.uri("/health")).body().replace(" ", "")).contains("\"name\":\"database\",\"status\":\"UP\"");
            assertThat(site.printed()).contains("Database schema is at version", db.url());

            try (Connection connection = db.dataSource().getConnection();
                 Statement sql = connection.createStatement();
                 ResultSet history = sql.executeQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1")) {
                history.next();
                assertThat(history.getInt(1)).isGreaterThanOrEqualTo(2);
            }
        }
    }
}
