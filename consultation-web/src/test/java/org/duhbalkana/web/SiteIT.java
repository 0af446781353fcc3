package org.duhbalkana.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.duhbalkana.web.testing.Browser;
import org.duhbalkana.web.testing.Http;
import org.duhbalkana.web.testing.RunningSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The packaged WAR on Payara Micro with the embedded database and demo content, as the README's
 * run command starts it: the home page, health, error pages, headers and languages, over HTTP
 * and in headless Chromium.
 */
class SiteIT {

    private static RunningSite site;

    @BeforeAll
    static void start() {
        site = RunningSite.configured("site", Map.of("DEMO", "true")).start();
    }

    @AfterAll
    static void stop() {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void theHomePageListsTheMunicipalitiesOfBothCountries() {
        HttpResponse<String> home = Http.get(site.uri("/"), "Accept-Language", "sr-Latn-RS,sr;q=0.9");

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("text/html"));
        assertThat(home.body())
                .contains("<html", "lang=\"sr-Latn\"")
                .contains("Recite svoje mišljenje o odlukama svoje opštine")
                .contains("Zaječar", "Knjaževac", "Negotin", "Vidin", "Belogradchik", "Novo Selo")
                .contains("Ovo je demonstracioni sajt")
                .contains("Duh Balkana — udruženje za prekograničnu teritorijalnu saradnju");
    }

    @Test
    void theBrowsersLanguageDecidesTheFirstVisit() {
        assertThat(Http.get(site.uri("/"), "Accept-Language", "bg-BG,bg;q=0.9").body())
                .contains("lang=\"bg\"", "Кажете мнението си", "Видин", "Зајечар", "България");
        assertThat(Http.get(site.uri("/"), "Accept-Language", "en-GB,en;q=0.8").body())
                .contains("lang=\"en\"", "Have your say", "Serbia", "Bulgaria");
        assertThat(Http.get(site.uri("/"), "Accept-Language", "sr-RS").body())
                .contains("lang=\"sr-Cyrl\"", "Реците своје мишљење", "Књажевац");
    }

    @Test
    void theLanguageSwitcherKeepsTheChoiceInACookie() {
        HttpResponse<String> choose = Http.get(site.uri("/?lang=sr-Cyrl"), "Accept-Language", "en");

        assertThat(choose.statusCode()).isEqualTo(303);
        assertThat(choose.headers().firstValue("Location")).contains("/");
        String cookie = choose.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("lang=")).findFirst().orElseThrow();
        assertThat(cookie).startsWith("lang=sr-Cyrl").containsIgnoringCase("HttpOnly").contains("Path=/");

        HttpResponse<String> next = Http.get(site.uri("/"), "Accept-Language", "en", "Cookie", "lang=sr-Cyrl");
        assertThat(next.body()).contains("lang=\"sr-Cyrl\"", "Зајечар", "Где платформа ради");

        HttpResponse<String> unknown = Http.get(site.uri("/?lang=xx"), "Accept-Language", "en");
        assertThat(unknown.statusCode()).isEqualTo(303);
        assertThat(unknown.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("lang="));
    }

    @Test
    void healthReportsTheDatabase() {
        HttpResponse<String> health = Http.get(site.uri("/health"));

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body().replace(" ", ""))
                .contains("\"status\":\"UP\"")
                .contains("\"name\":\"database\",\"status\":\"UP\"");
    }

    @Test
    void anUnknownAddressGetsAFriendlyNotFoundPage() {
        HttpResponse<String> missing = Http.get(site.uri("/no/such/page"), "Accept-Language", "en");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Page not found", "There is no page at this address", "lang=\"en\"");
        assertNoInternals(missing.body());

        HttpResponse<String> missingFacesView = Http.get(site.uri("/nothing-here.xhtml"), "Accept-Language", "bg");
        assertThat(missingFacesView.statusCode()).isEqualTo(404);
        assertThat(missingFacesView.body()).contains("Страницата не е намерена");
        assertNoInternals(missingFacesView.body());
    }

    @Test
    void aStaleFormGetsTheExpiredPageWithoutInternals() {
        HttpResponse<String> stale = Http.postForm(site.uri("/index.xhtml"),
                "form=form&jakarta.faces.ViewState=-1234567890%3A987654321", "Accept-Language", "en");

        assertThat(stale.body()).contains("The page has expired", "Open the page again");
        assertNoInternals(stale.body());
    }

    @Test
    void everyKindOfResponseCarriesTheSecurityHeaders() {
        List<HttpResponse<String>> responses = List.of(
                Http.get(site.uri("/")),
                Http.get(site.uri("/no/such/page")),
                Http.get(site.uri("/jakarta.faces.resource/css/site.css.xhtml")),
                Http.get(site.uri("/?lang=en")));
        for (HttpResponse<String> response : responses) {
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(response.uri().toString()).contains("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(response.uri().toString())
                    .contains("strict-origin-when-cross-origin");
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(response.uri().toString())
                    .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'", "object-src 'none'"));
        }
    }

    @Test
    void aVisitorSeesTheHomePageAndSwitchesLanguageInChromium() throws Exception {
        try (Browser browser = new Browser()) {
            WebDriver driver = browser.driver();
            driver.get(site.uri("/").toString());

            assertThat(driver.findElement(By.tagName("h1")).getText()).isNotBlank();
            assertThat(driver.findElement(By.cssSelector(".brand-name")).getText()).contains("Duh Balkana");
            assertThat(driver.findElements(By.cssSelector("#municipalities-RS li"))).hasSize(8);
            assertThat(driver.findElements(By.cssSelector("#municipalities-BG li"))).hasSize(11);
            assertThat(driver.findElement(By.cssSelector(".demo-banner")).isDisplayed()).isTrue();
            assertThat(browser.screenshot("home-default")).satisfies(p -> assertThat(Files.size(p)).isPositive());

            driver.findElement(By.cssSelector("nav.languages a[lang='bg']")).click();
            assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("bg");
            assertThat(driver.findElement(By.tagName("h1")).getText()).startsWith("Кажете мнението си");
            assertThat(driver.findElement(By.cssSelector("nav.languages a[aria-current='true']")).getText()).isEqualTo("Български");
            assertThat(driver.findElement(By.cssSelector("#municipalities-BG")).getText()).contains("Видин", "Ново село");
            browser.screenshot("home-bg");

            driver.navigate().refresh();
            assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("bg");

            driver.findElement(By.cssSelector("nav.languages a[lang='sr-Cyrl']")).click();
            assertThat(driver.findElement(By.cssSelector("#municipalities-RS")).getText()).contains("Зајечар", "Књажевац");
            browser.windowSize(390, 844);
            browser.screenshot("home-sr-Cyrl-phone");
            assertThat(driver.findElement(By.tagName("h1")).getRect().getWidth()).isLessThanOrEqualTo(390);

            driver.get(site.uri("/no/such/page").toString());
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Страна није пронађена");
            browser.screenshot("not-found-sr-Cyrl");
        }
    }

    private static void assertNoInternals(String body) {
        assertThat(body)
                .doesNotContainPattern("\\bat [a-z]+(\\.[A-Za-z0-9_$]+)+\\(")
                .doesNotContain("Caused by", "Exception:", "Payara Server", "Stack");
    }
}
