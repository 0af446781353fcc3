package org.duhbalkana.platform.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.duhbalkana.text.Language;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a client gets while the site starts: the launcher's placeholder on a real port, asked over
 * HTTP; and the pages for requests Payara Micro answers itself.
 */
class StartingServerTest {

    private StartingServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws IOException {
        server = StartingServer.start(0);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theApiGetsOurJsonErrorWithRetryAfterInTheClientsLanguage() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/api/campaigns/dunav/signatures"))
                .header("Accept-Language", "bg, en;q=0.5").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Ana\"}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).contains("5");
        assertThat(answer.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        assertThat(answer.body()).isEqualTo("{\"error\":\"Сайтът се стартира. Опитайте отново след няколко секунди; "
                + "нищо от изпратеното не е записано.\",\"retryAfter\":5}");
    }

    @Test
    void theApiInEnglishAndTheDefaultLanguage() throws Exception {
        assertThat(get("/api/signatures/confirmation", "Accept-Language", "en-GB").body())
                .startsWith("{\"error\":\"The site is starting. Try again in a few seconds");
        assertThat(get("/api").body()).startsWith("{\"error\":\"Sajt se pokreće.");
    }

    @Test
    void aPageIsShortAndInTheReadersLanguageTheCookieFirst() throws Exception {
        HttpResponse<String> english = get("/campaigns/dunav", "Accept-Language", "en");
        assertThat(english.statusCode()).isEqualTo(503);
        assertThat(english.headers().firstValue("Retry-After")).contains("5");
        assertThat(english.headers().firstValue("Content-Type")).contains("text/html;charset=UTF-8");
        assertThat(english.body()).contains("<html lang=\"en\">", "<h1>The site is starting</h1>", "Please try again in a few seconds")
                .doesNotContain("Payara");

        HttpResponse<String> chosen = get("/", "Accept-Language", "en", "Cookie", "theme=dark; lang=sr-Cyrl");
        assertThat(chosen.body()).contains("<html lang=\"sr-Cyrl\">", "Сајт се покреће");
        assertThat(chosen.headers().firstValue("Content-Language")).contains("sr-Cyrl");

        assertThat(get("/", "Accept-Language", "mk").body()).contains("<html lang=\"bg\">", "Сайтът се стартира");
        assertThat(get("/").body()).contains("<html lang=\"sr-Latn\">", "Sajt se pokreće");
        assertThat(get("/", "Cookie", "lang=xx").body()).contains("<html lang=\"sr-Latn\">");
    }

    @Test
    void healthSaysDownSoThatNoLoadBalancerSendsTraffic() throws Exception {
        HttpResponse<String> ready = get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).isEqualTo("{\"status\":\"DOWN\",\"checks\":[]}");
    }

    @Test
    void everyAnswerClosesItsConnectionAndOnceStoppedThePortRefuses() throws Exception {
        assertThat(get("/x").headers().firstValue("Connection")).contains("close");
        int port = server.port();
        server.stop();
        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void theTextsAreCompleteInAllFourLanguages() {
        Set<String> english = LauncherTexts.keys(Language.EN);
        assertThat(english).contains("starting.title", "starting.text", "starting.api", "error.title", "error.client",
                "error.server", "error.home");
        for (Language language : Language.values()) {
            assertThat(new HashSet<>(LauncherTexts.keys(language))).as(language.tag()).isEqualTo(english);
        }
    }

    @Test
    void errorPagesAreWrittenAndNamedInPreBootCommands(@TempDir Path dataDir) throws IOException {
        List<String> commands = ErrorPages.write(dataDir);

        assertThat(commands).hasSize(ErrorPages.CODES.size());
        Path page = dataDir.resolve("error-pages").resolve("400.html").toAbsolutePath();
        assertThat(commands).contains("set configs.config.server-config.http-service.virtual-server.server.property.send-error_1=\"code=400 path="
                + page + "\"");
        assertThat(Files.readString(page)).contains("Adresa ili zahtev nisu ispravni.", "Адреса или захтев нису исправни.",
                "Адресът или заявката не са валидни.", "The address or the request is not valid.", "lang=\"bg\"")
                .doesNotContain("Payara");
        assertThat(Files.readString(dataDir.resolve("error-pages").resolve("503.html"))).contains("Please try again later.");
    }

    @Test
    void aDataDirWithASpaceKeepsPayarasOwnPages(@TempDir Path parent) throws IOException {
        assertThat(ErrorPages.write(parent.resolve("my data"))).isEmpty();
    }

    @Test
    void theApplicationWaitsForTheLauncherToReleaseThePort(@TempDir Path dataDir) throws Exception {
        Path handover = dataDir.resolve("port-handover-1");
        assertThat(PortHandover.requestPort(Duration.ofSeconds(1))).as("not started by the launcher").isTrue();
        System.setProperty(PortHandover.PROPERTY, handover.toString());
        try {
            assertThat(PortHandover.requestPort(Duration.ofMillis(200))).as("nobody released it").isFalse();
            PortHandover.clean(handover);
            Thread launcher = new Thread(() -> {
                PortHandover.await(() -> Files.exists(PortHandover.requested(handover)), Duration.ofSeconds(10));
                try {
                    PortHandover.release(handover);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            launcher.start();
            assertThat(PortHandover.requestPort(Duration.ofSeconds(10))).isTrue();
            launcher.join();
        } finally {
            System.clearProperty(PortHandover.PROPERTY);
        }
    }
}
