package org.duhbalkana.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Map;
import org.duhbalkana.web.testing.Http;
import org.duhbalkana.web.testing.RunningSite;
import org.junit.jupiter.api.Test;

/**
 * The embedded database survives a restart: what was written before is there after, and the
 * schema is not migrated again. Also records the start-up time and the memory of the running
 * site in {@code target/it-logs/figures.txt}.
 */
class RestartIT {

    @Test
    void aRestartKeepsWhatWasWritten() throws Exception {
        Path dataDir = RunningSite.newDataDir("restart");
        Map<String, String> env = Map.of("DATA_DIR", dataDir.toString());

        try (RunningSite first = RunningSite.configured("restart-1", env).start()) {
            assertThat(Http.get(first.uri("/"), "Accept-Language", "en").body()).contains("Vidin");
            assertThat(first.printed()).contains("migration(s) applied now").doesNotContain("(0 migration(s) applied now)");
            recordFigures(first);
        }

        // Written while the site is down, straight into its database file.
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dataDir.toAbsolutePath() + "/consultation",
                "consultation", "consultation");
             PreparedStatement insert = db.prepareStatement(
                     "INSERT INTO municipality (code, country, name_latin, name_cyrillic) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, "dimitrovgrad");
            insert.setString(2, "RS");
            insert.setString(3, "Dimitrovgrad");
            insert.setString(4, "Димитровград");
            insert.executeUpdate();
        }
        assertThat(dataDir.resolve("consultation.mv.db")).exists();

        try (RunningSite second = RunningSite.configured("restart-2", env).start()) {
            assertThat(second.printed()).contains("(0 migration(s) applied now)");
            assertThat(Http.get(second.uri("/"), "Accept-Language", "sr-Cyrl").body())
                    .contains("Димитровград", "Зајечар");
        }
    }

    private static void recordFigures(RunningSite site) throws Exception {
        Thread.sleep(2000);
        String rss = site.payaraProcess()
                .map(p -> Path.of("/proc", Long.toString(p.pid()), "status"))
                .filter(Files::exists)
                .map(status -> {
                    try {
                        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmRSS"))
                                .findFirst().orElse("VmRSS: ?").replaceAll("\\s+", " ");
                    } catch (java.io.IOException e) {
                        return "VmRSS: ?";
                    }
                })
                .orElse("VmRSS: ?");
        String line = Instant.now() + " start-to-home-page=" + site.startTime().toMillis() + "ms payara-micro " + rss
                + " (fresh H2, first start, -Xmx512m)\n";
        Path figures = RunningSite.output().resolve("it-logs").resolve("figures.txt");
        Files.writeString(figures, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
