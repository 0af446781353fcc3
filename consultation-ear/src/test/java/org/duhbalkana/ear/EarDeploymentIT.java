package org.duhbalkana.ear;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.duhbalkana.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The EAR deployed on Payara Server 6 Full (unzipped from Maven Central by the build) in a domain
 * of its own, against a fresh MariaDB database, configured through the same keys as the WAR.
 */
class EarDeploymentIT {

    private static final Path HOME = Path.of(System.getProperty("test.payara.server", "target/payara6"));
    private static final Path EAR = Path.of(System.getProperty("test.ear", "target/consultation.ear"));
    private static final Path OUTPUT = Path.of(System.getProperty("test.output", "target"));
    private static final Path LOG = OUTPUT.resolve("it-logs").resolve("payara-server.log");
    private static final String DOMAIN = "duh-ear-it";

    @Test
    void theEarDeploysOnPayaraServerAgainstMariaDbAndServesTheHomePage() throws Exception {
        Files.createDirectories(LOG.getParent());
        Path domains = OUTPUT.resolve("domains");
        int portBase = freePortBase();
        int adminPort = portBase + 48;
        int httpPort = portBase + 80;

        try (TestDatabase db = TestDatabase.mariaDb()) {
            Map<String, String> env = new java.util.HashMap<>(db.environment());
            env.put("BASE_URL", "http://localhost:" + httpPort);
            env.put("DATA_DIR", OUTPUT.resolve("ear-data").toAbsolutePath().toString());
            deleteRecursively(domains.resolve(DOMAIN));
            try {
                asadmin(env, Duration.ofMinutes(3), "create-domain", "--nopassword=true", "--portbase=" + portBase,
                        "--domaindir=" + domains.toAbsolutePath(), DOMAIN);
                asadmin(env, Duration.ofMinutes(4), "start-domain", "--domaindir=" + domains.toAbsolutePath(), DOMAIN);
                Instant deployStart = Instant.now();
                asadmin(env, Duration.ofMinutes(5), "--port=" + adminPort, "deploy", "--name=consultation",
                        EAR.toAbsolutePath().toString());
                Duration deployTime = Duration.between(deployStart, Instant.now());
                Files.writeString(OUTPUT.resolve("it-logs").resolve("figures.txt"),
                        Instant.now() + " payara-server-ear-deploy=" + deployTime.toMillis() + "ms (MariaDB)\n",
                        StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);

                HttpResponse<String> home = get(URI.create("http://localhost:" + httpPort + "/"), "sr-Cyrl");
                assertThat(home.statusCode()).isEqualTo(200);
                assertThat(home.body()).contains("lang=\"sr-Cyrl\"", "Зајечар", "Видин", "Дух Балкана");

                HttpResponse<String> missing = get(URI.create("http://localhost:" + httpPort + "/no/such/page"), "en");
                assertThat(missing.statusCode()).isEqualTo(404);
                assertThat(missing.body()).contains("Page not found");

                try (var connection = db.dataSource().getConnection();
                     var sql = connection.createStatement();
                     var count = sql.executeQuery("SELECT COUNT(*) FROM municipality")) {
                    count.next();
                    assertThat(count.getInt(1)).isEqualTo(19);
                }
            } finally {
                run(env, Duration.ofMinutes(2), "stop-domain", "--domaindir=" + domains.toAbsolutePath(), DOMAIN);
                appendServerLog(domains);
            }
        }
    }

    private static HttpResponse<String> get(URI uri, String language) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return client.send(HttpRequest.newBuilder(uri).header("Accept-Language", language)
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void asadmin(Map<String, String> env, Duration timeout, String... arguments) throws Exception {
        assertThat(run(env, timeout, arguments)).as("asadmin %s (see %s):%n%s", String.join(" ", arguments), LOG, tail())
                .isZero();
    }

    private static int run(Map<String, String> env, Duration timeout, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", HOME.resolve("bin").resolve("asadmin").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(LOG.toFile()));
        builder.environment().putAll(env);
        Files.writeString(LOG, "\n$ asadmin " + String.join(" ", arguments) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("asadmin " + arguments[0] + " did not finish within " + timeout + "; see " + LOG);
        }
        return process.exitValue();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static void appendServerLog(Path domains) throws IOException {
        Path serverLog = domains.resolve(DOMAIN).resolve("logs").resolve("server.log");
        if (Files.exists(serverLog)) {
            Files.writeString(LOG, "\n=== server.log\n" + Files.readString(serverLog, StandardCharsets.UTF_8),
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }
    }

    private static String tail() {
        try {
            List<String> lines = Files.readAllLines(LOG, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    /** A port base whose admin (+48) and HTTP (+80) ports, and the ones around them, are free. */
    private static int freePortBase() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base;
            try (ServerSocket socket = new ServerSocket(0)) {
                base = (socket.getLocalPort() / 100) * 100;
            }
            if (base < 10000 || base > 60000) {
                continue;
            }
            boolean free = true;
            for (int offset : new int[] {0, 37, 38, 48, 76, 80, 81, 86, 9}) {
                try (ServerSocket probe = new ServerSocket(base + offset)) {
                    probe.setReuseAddress(true);
                } catch (IOException taken) {
                    free = false;
                    break;
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no free port base found");
    }
}
