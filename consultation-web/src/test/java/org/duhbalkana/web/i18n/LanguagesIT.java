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
            "\\b(?:site|layout|account|round|campaign|campaigns|petition|signature|search|editor|review|report|disposition|moderation|dashboard|signatures|home|error|validation|language|country|translation)\\.[a-zA-Z]+(?:\\.[A-Za-z_]+)*\\b");

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

    private static final String TOURISM = "prekogranicni-turizam-2027";

    private static void choose(Browser browser, String language) {
        browser.clickAndWait(By.cssSelector(".languages a[hreflang='" + language + "']"),
                By.cssSelector("html[lang='" + language + "']"));
    }

    private static String text(WebDriver driver, String id) {
        return driver.findElement(By.id(id)).getText();
    }

    /**
     * A reader sees a round's title and summary in their language when there is a translation, with
     * a note naming the original language and a link to it; a reviewer adds a translation and asks
     * that the text be shown as written; a citizen's comment kept as written stays in Latin for a
     * Cyrillic reader while other comments change script.
     */
    @Test
    void translationsWithTheOriginalLanguageNotedAndTextShownAsWritten() {
        String round = "/consultations/view.xhtml?slug=" + TOURISM;
        String latinTitle = "Program prekograničnog turizma Zaječar–Vidin 2027";
        try (Browser visitor = new Browser(); Browser reviewer = new Browser(); Browser citizen = new Browser()) {
            WebDriver driver = visitor.driver();
            driver.get(site.uri(round).toString());

            // An English reader reads the demo's English translation, told it is one, and may read the original.
            choose(visitor, "en");
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Cross-border tourism programme Zaječar–Vidin 2027");
            assertThat(driver.findElement(By.tagName("h1")).getAttribute("lang")).isEqualTo("en");
            assertThat(text(driver, "translation-note")).contains("Title and summary translated. Original language: Serbian.");
            assertThat(driver.findElements(By.cssSelector(".article h3"))).extracting(e -> e.getText().replaceAll("\\..*", ""))
                    .containsExactly("Article 1", "Article 2", "Article 3", "Article 4");
            visitor.screenshot("translation-round-en");
            visitor.clickAndWait(By.id("show-original"), By.id("show-translation"));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(latinTitle);
            assertThat(driver.findElement(By.tagName("h1")).getAttribute("lang")).isEqualTo("sr-Latn");
            assertThat(text(driver, "translation-note")).contains("Original language: Serbian. A translation is available.");

            // A Serbian reader in Cyrillic reads the original in Cyrillic, with no note; a Bulgarian reader
            // has no Bulgarian translation yet and is told the original's language.
            choose(visitor, "sr-Cyrl");
            driver.get(site.uri(round).toString());
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Програм прекограничног туризма Зајечар–Видин 2027");
            assertThat(driver.findElements(By.id("translation-note"))).isEmpty();
            choose(visitor, "bg");
            assertThat(text(driver, "translation-note")).isEqualTo("Език на оригинала: сръбски.");

            // The reviewer adds the Bulgarian translation and asks that the text be shown as written.
            reviewer.signIn(site.uri("").toString(), "reviewer.zajecar@demo.example");
            WebDriver editor = reviewer.driver();
            editor.get(site.uri("/consultations/edit.xhtml?slug=" + TOURISM).toString());
            assertThat(text(editor, "translation-list")).contains("Cross-border tourism programme");
            new org.openqa.selenium.support.ui.Select(editor.findElement(By.id("translations:language"))).selectByValue("bg");
            Browser.type(editor.findElement(By.id("translations:title")), "Програма за трансграничен туризъм Зайчар–Видин 2027");
            Browser.type(editor.findElement(By.id("translations:summary")), "Проект на обща програма на двете общини за туризъм по границата.");
            reviewer.clickAndWaitForText(By.id("translations:save"), By.id("translation-list"), "Програма за трансграничен туризъм");
            // one may translate into the other languages only: one Serbian translation serves both scripts
            assertThat(new org.openqa.selenium.support.ui.Select(editor.findElement(By.id("translations:language"))).getOptions())
                    .extracting(o -> o.getAttribute("value")).containsExactly("bg", "en");
            editor.findElement(By.id("translations:asWritten")).click();
            reviewer.clickAndWaitForReload(By.id("translations:saveAsWritten"));
            assertThat(editor.findElement(By.id("translations:asWritten")).isSelected()).isTrue();
            reviewer.screenshot("translation-editor");

            driver.get(site.uri(round).toString());
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Програма за трансграничен туризъм Зайчар–Видин 2027");
            assertThat(text(driver, "translation-note")).contains("Заглавието и резюмето са преведени. Език на оригинала: сръбски.");
            visitor.screenshot("translation-round-bg");

            // Shown as written: a Cyrillic reader now reads the round in the Latin script it was written in.
            choose(visitor, "sr-Cyrl");
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(latinTitle);
            assertThat(driver.findElement(By.tagName("h1")).getAttribute("lang")).isEqualTo("sr-Latn");
            assertThat(driver.findElement(By.cssSelector("#section-2 h3")).getText()).contains("Pešačke i biciklističke staze");

            // A citizen keeps their comment as written; another citizen's Latin comment changes script.
            citizen.signIn(site.uri("").toString(), "citizen@demo.example");
            WebDriver writer = citizen.driver();
            writer.get(site.uri(round).toString());
            Browser.type(writer.findElement(By.id("comment:text")), "Predlažem QR kodove na tablama, i na latinici.");
            writer.findElement(By.id("comment:asWritten")).click();
            citizen.clickAndWait(By.id("comment:submit"), By.xpath("//p[@class='comment-body'][contains(., 'QR kodove')]"));

            driver.get(site.uri(round).toString());
            String comments = text(driver, "comments");
            assertThat(comments).contains("Predlažem QR kodove na tablama, i na latinici.")
                    .contains("Одлична идеја. Предлажем да се на стази поставе и табле са мапом на оба језика.");
            visitor.screenshot("translation-comment-as-written-sr-Cyrl");
        }
    }

    /** The open-data API carries the translations and the script choice. */
    @Test
    void theApiCarriesTranslations() {
        var response = org.duhbalkana.web.testing.Http.send(java.net.http.HttpRequest.newBuilder(
                site.uri("/api/campaigns/" + DemoCampaigns.BIG_PETITION)).build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"language\":\"sr-Latn\",\"asWritten\":false,\"translations\":["
                + "{\"language\":\"bg\",\"title\":\"Велоалея от Феликс Ромулиана до Баба Вида\",\"ask\":\"Искаме от община Зайчар",
                "{\"language\":\"en\",\"title\":\"A cycle path from Felix Romuliana to Baba Vida\"");
    }
}
