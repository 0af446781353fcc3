package org.duhbalkana.web.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duhbalkana.web.testing.Curl;
import org.duhbalkana.web.testing.Nginx;
import org.duhbalkana.web.testing.RunningSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The site behind Debian's nginx with the project's own configuration ({@code docker/nginx/}):
 * TLS with a certificate made here, the client's address and scheme forwarded and believed only
 * from the trusted proxy, limits per visitor behind the proxy, cached static resources, gzip,
 * {@code limit_req} on sign-in, and an upstream that is down passed over. Visitors are curl
 * processes sending from different loopback addresses (127.0.0.2, 127.0.0.3 …); nginx reaches the
 * site from 127.0.0.1, the one trusted proxy.
 */
class ProxyIT {

    private static RunningSite site;
    private static Nginx nginx;

    @BeforeAll
    static void start() {
        int nginxPort = RunningSite.freePort();
        site = RunningSite.configured("proxy", Map.of(
                "TRUSTED_PROXIES", "127.0.0.1",
                "BASE_URL", "https://localhost:" + nginxPort,
                // three searches a minute per visitor, to see whose limit a search counts against
                "JAVA_OPTS", "-Xmx512m -Dduhbalkana.searchesPerAddressMinute=3")).start();
        // the second instance is down all along: nginx must pass it over (passive health check)
        nginx = Nginx.inFrontOf("127.0.0.1:" + site.uri("/").getPort(), "127.0.0.1:" + RunningSite.freePort());
    }

    @AfterAll
    static void stop() {
        if (nginx != null) {
            nginx.close();
        }
        if (site != null) {
            site.close();
        }
    }

    private static String proxied(String path) {
        return "https://localhost:" + nginx.httpsPort() + path;
    }

    private static String direct(String path) {
        return site.uri(path).toString();
    }

    @Test
    void overTlsTheSiteKnowsTheVisitorUsedHttpsAndSaysSo() {
        Curl.Answer choice = nginx.curl("127.0.0.2", proxied("/campaigns/index.xhtml?lang=en"));

        assertThat(choice.status()).as("choosing a language answers with a redirect").isEqualTo(303);
        assertThat(choice.header("Location")).as("the redirect stays on https (a path on this site, or the proxy's https address)")
                .matches("/.*|https://localhost:" + nginx.httpsPort() + "/.*");
        assertThat(choice.header("Set-Cookie")).as("the language cookie is Secure behind TLS").contains("lang=en").contains("Secure");

        Curl.Answer page = nginx.curl("127.0.0.2", proxied("/campaigns/index.xhtml"), "--compressed", "-H", "Cookie: lang=en");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Strict-Transport-Security")).as("HSTS follows the forwarded scheme").contains("max-age=");
        assertThat(page.header("Content-Encoding")).as("pages are compressed").isEqualTo("gzip");
        assertThat(page.header("Server")).as("no version named").isEqualTo("nginx");
        assertThat(page.body()).contains("<html");

        // straight to the instance, not through the proxy: the same headers are not believed
        Curl.Answer spoofed = Curl.run(direct("/campaigns/index.xhtml?lang=en"), List.of("--interface", "127.0.0.2",
                "-H", "X-Forwarded-Proto: https", "-H", "X-Forwarded-For: 198.51.100.7"));
        assertThat(spoofed.status()).isEqualTo(303);
        assertThat(spoofed.header("Location")).doesNotStartWith("https:");
        assertThat(spoofed.header("Strict-Transport-Security")).isNull();
        assertThat(spoofed.header("Set-Cookie")).doesNotContain("Secure");
    }

    @Test
    void plainHttpIsSentToHttps() {
        Curl.Answer answer = Curl.run("http://localhost:" + nginx.httpPort() + "/campaigns/index.xhtml",
                List.of("--interface", "127.0.0.2"));

        assertThat(answer.status()).isEqualTo(301);
        assertThat(answer.header("Location")).isEqualTo("https://localhost:" + nginx.httpsPort() + "/campaigns/index.xhtml");
    }

    private static int search(String url, String from, String... headers) {
        List<String> options = new ArrayList<>(List.of("--interface", from));
        for (String header : headers) {
            options.addAll(List.of("-H", header));
        }
        if (url.startsWith("https")) {
            options.addAll(List.of("--cacert", nginx.certificate().toString()));
        }
        return Curl.run(url, options).status();
    }

    @Test
    void twoVisitorsBehindTheProxyHaveLimitsOfTheirOwnAndNoHeaderBuysAFreshOne() {
        String url = proxied("/api/search?q=zajecar");
        // visitor A uses up its three searches of the minute, while inventing a new address each time
        for (int i = 1; i <= 3; i++) {
            assertThat(search(url, "127.0.0.3", "X-Forwarded-For: 203.0.113." + i, "Forwarded: for=203.0.113." + i))
                    .isEqualTo(200);
        }
        assertThat(search(url, "127.0.0.3", "X-Forwarded-For: 203.0.113.99", "Forwarded: for=203.0.113.99"))
                .as("the address A wrote itself is ignored: the proxy's right-most hop is A's real address").isEqualTo(429);
        // visitor B, behind the same proxy, still has its own three
        assertThat(search(url, "127.0.0.4")).isEqualTo(200);

        // straight to the instance from an address that is not a trusted proxy: headers ignored
        String directUrl = direct("/api/search?q=zajecar");
        for (int i = 1; i <= 3; i++) {
            assertThat(search(directUrl, "127.0.0.5", "X-Forwarded-For: 198.51.100." + i)).isEqualTo(200);
        }
        assertThat(search(directUrl, "127.0.0.5", "X-Forwarded-For: 198.51.100.99")).isEqualTo(429);
    }

    @Test
    void staticResourcesAreKeptByTheProxyAndByBrowsers() {
        String home = nginx.curl("127.0.0.6", proxied("/")).body();
        Matcher css = Pattern.compile("href=\"(/jakarta\\.faces\\.resource/[^\"]+)\"").matcher(home);
        assertThat(css.find()).as("the home page links a Faces resource").isTrue();
        String path = css.group(1).replace("&amp;", "&");

        Curl.Answer first = nginx.curl("127.0.0.6", proxied(path), "--compressed");
        Curl.Answer second = nginx.curl("127.0.0.6", proxied(path), "--compressed");

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.header("X-Cache-Status")).isEqualTo("HIT");
        assertThat(second.header("Cache-Control")).contains("max-age=604800");
        assertThat(second.header("Set-Cookie")).isNull();
        assertThat(second.body()).isEqualTo(first.body());
    }

    @Test
    void signInAttemptsBeyondTheProxysLimitGetOurPageWithRetryAfter() {
        int limited = 0;
        Curl.Answer last = null;
        for (int i = 0; i < 40; i++) {
            last = nginx.curl("127.0.0.7", proxied("/account/sign-in.xhtml"), "-X", "POST", "--data", "x=1");
            if (last.status() == 429) {
                limited++;
                assertThat(last.header("Retry-After")).isEqualTo("60");
                assertThat(last.body()).contains("Too many requests from your address", "Превише захтева")
                        .doesNotContainIgnoringCase("nginx");
            }
        }
        assertThat(limited).as("a burst of 20 then 10 a minute: most of 40 quick attempts are refused").isGreaterThanOrEqualTo(15);
        // another visitor is not affected
        assertThat(nginx.curl("127.0.0.8", proxied("/account/sign-in.xhtml")).status()).isEqualTo(200);
    }

    @Test
    void theInstanceThatIsDownIsPassedOverAndNoVisitorSeesAnError() {
        for (int i = 0; i < 12; i++) {
            Curl.Answer answer = nginx.curl("127.0.0.9", proxied("/campaigns/index.xhtml"));
            assertThat(answer.status()).as("request %d", i).isEqualTo(200);
        }
    }
}
