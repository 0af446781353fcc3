package org.duhbalkana.web.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duhbalkana.campaign.DemoCampaigns;
import org.duhbalkana.consultation.DemoConsultations;
import org.duhbalkana.web.testing.Browser;
import org.duhbalkana.web.testing.RunningSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * In headless Chromium, the language switcher through the four languages on the home page, a
 * round's page and a petition's page: each page says its language, shows the words of that
 * language, and shows no key names or missing-resource markers. Screenshots of every page go to
 * {@code target/screenshots/}.
 */
class LanguagesIT {

    /** Words each language's pages show (the switcher's own labels aside). */
    private static final Map<String, String> SAMPLE = Map.of(
            "sr-Latn", "Konsultacije",
            "sr-Cyrl", "Консултације",
            "bg", "Консултации",
            "en", "Consultations");

    /** Key names of our bundles, as they would show if a key were missing ("campaign.status.OPEN"). */
    private static final Pattern KEY = Pattern.compile(
            "\\b(?:site|layout|account|round|campaign|campaigns|petition|signature|search|editor|review|report|disposition|moderation|dashboard|signatures|home|error|validation|language|country)\\.[a-zA-Z]+(?:\\.[A-Za-z_]+)*\\b");

    private static RunningSite site;

    @BeforeAll
    static void start() {
        site = RunningSite.configured("languages", Map.of("DEMO", "true")).start();
    }

    @AfterAll
    static void stop() {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void everyPageInEveryLanguageWithoutKeyNamesOrMissingResources() {
        List<String> pages = List.of("/", "/consultations/view.xhtml?slug=" + DemoConsultations.BIG_ROUND,
                "/campaigns/view.xhtml?slug=" + DemoCampaigns.BIG_PETITION);
        try (Browser browser = new Browser()) {
            WebDriver driver = browser.driver();
            for (String page : pages) {
                driver.get(site.uri(page).toString());
                for (String language : List.of("sr-Latn", "sr-Cyrl", "bg", "en")) {
                    browser.clickAndWait(By.cssSelector(".languages a[hreflang='" + language + "']"),
                            By.cssSelector("html[lang='" + language + "']"));
                    String text = driver.findElement(By.tagName("body")).getText();
                    String where = page + " in " + language;
                    assertThat(text).as(where).contains(SAMPLE.get(language)).doesNotContain("???");
                    Matcher key = KEY.matcher(text);
                    assertThat(key.find() ? key.group() : null).as(where + ": a key name on the page").isNull();
                    browser.screenshot("languages-" + (page.equals("/") ? "home" : page.replaceAll("[^a-z]+", "-").replaceAll("^-|-$", "")) + "-" + language);
                }
            }
        }
    }
}
