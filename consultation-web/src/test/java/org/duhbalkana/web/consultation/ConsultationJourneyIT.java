package org.duhbalkana.web.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.duhbalkana.account.DemoAccounts;
import org.duhbalkana.web.testing.Browser;
import org.duhbalkana.web.testing.Http;
import org.duhbalkana.web.testing.Mailbox;
import org.duhbalkana.web.testing.RunningSite;
import org.duhbalkana.web.testing.WebSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A whole consultation in headless Chromium: a reviewer of Zaječar writes and schedules a round;
 * the clock moves; a citizen comments on article 2 in Serbian Cyrillic and replies to another
 * comment; a moderator hides a flagged comment; the round closes; the reviewer answers every
 * comment and publishes the report; the citizen gets the mail (GreenMail) and reads the answer.
 * The site runs with its adjustable clock, moved through the test-only endpoint.
 */
class ConsultationJourneyIT {

    private static Mailbox mailbox;
    private static RunningSite site;

    @BeforeAll
    static void start() {
        mailbox = new Mailbox();
        Map<String, String> env = new HashMap<>(mailbox.environment());
        env.put("DEMO", "true");
        env.put("JAVA_OPTS", "-Xmx512m -Dduhbalkana.adjustableClock=true");
        site = RunningSite.configured("consultation-journey", env).start();
    }

    @AfterAll
    static void stop() {
        if (site != null) {
            site.close();
        }
        if (mailbox != null) {
            mailbox.close();
        }
    }

    private String url(String path) {
        return site.uri(path).toString();
    }

    private void moveClock(int hours) {
        var response = Http.send(HttpRequest.newBuilder(site.uri("/api/test-clock?hours=" + hours))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void aRoundFromDraftToPublishedReport() {
        String slug = "parking-zajecar-2027";
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Belgrade"));

        // A reviewer of Zaječar writes the round and schedules it to open tomorrow for 15 days.
        try (Browser reviewer = new Browser()) {
            WebDriver driver = reviewer.driver();
            reviewer.signIn(url(""), "reviewer.zajecar@demo.example");
            driver.get(url("/consultations/new.xhtml"));
            Browser.type(driver.findElement(By.id("create:slug")), slug);
            Browser.type(driver.findElement(By.id("create:title")), "Odluka o parkiranju u centru Zaječara");
            Browser.type(driver.findElement(By.id("create:summary")), "Nacrt odluke o zonama parkiranja.");
            driver.findElements(By.cssSelector("#create\\:organizers input")).stream()
                    .filter(box -> "zajecar".equals(box.getAttribute("value"))).findFirst().orElseThrow().click();
            reviewer.clickAndWait(By.id("create:submit"), By.id("status"));
            assertThat(driver.getCurrentUrl()).contains("/consultations/edit.xhtml?slug=" + slug);

            Browser.type(driver.findElement(By.id("add:heading")), "Predmet");
            Browser.type(driver.findElement(By.id("add:body")), "Odlukom se uređuju zone parkiranja.");
            reviewer.clickAndWait(By.id("add:submit"), By.id("article-1"));
            Browser.type(driver.findElement(By.id("add:heading")), "Zone");
            Browser.type(driver.findElement(By.id("add:body")), "Uvode se crvena i zelena zona.");
            reviewer.clickAndWait(By.id("add:submit"), By.id("article-2"));

            // Too short a period is refused, with the rule.
            setDate(driver, "schedule:opens", today.plusDays(1));
            setDate(driver, "schedule:closes", today.plusDays(5));
            reviewer.clickAndWaitForText(By.id("schedule:submit"), By.cssSelector("#schedule [data-error-summary]"), "15 days");

            setDate(driver, "schedule:opens", today.plusDays(1));
            setDate(driver, "schedule:closes", today.plusDays(16));
            driver.findElement(By.id("schedule:submit")).click();
            new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(20)).until(
                    org.openqa.selenium.support.ui.ExpectedConditions.textToBe(By.id("status"), "Scheduled"));
            reviewer.screenshot("round-scheduled");
        }

        // Two days later the round is open.
        moveClock(48);
        assertThat(Http.get(site.uri("/api/consultations/" + slug)).body()).contains("\"status\":\"OPEN\"");

        // Another citizen comments first; then the citizen comments in Cyrillic on article 2 and replies.
        WebSession other = WebSession.signedIn(site, "gragjanin@demo.example", DemoAccounts.PASSWORD);
        var page = other.get("/consultations/view.xhtml?slug=" + slug);
        other.submit(page, "comment", Map.of("section", "1", "stance", "OPPOSES", "text", "Против съм зелената зона."), "submit");

        try (Browser citizen = new Browser()) {
            WebDriver driver = citizen.driver();
            citizen.signIn(url(""), "citizen@demo.example");
            driver.get(url("/consultations/view.xhtml?slug=" + slug + "&lang=sr-Cyrl"));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Одлука о паркирању у центру Зајечара");
            new Select(driver.findElement(By.id("comment:section"))).selectByValue("2");
            driver.findElements(By.cssSelector("input[name='comment:stance']")).stream()
                    .filter(r -> "SUPPORTS".equals(r.getAttribute("value"))).findFirst().orElseThrow().click();
            Browser.type(driver.findElement(By.id("comment:text")), "Подржавам црвену зону,\nали уз краће време паркирања.");
            citizen.clickAndWait(By.id("comment:submit"), By.cssSelector(".form-messages"));
            assertThat(driver.getPageSource()).contains("Подржавам црвену зону,");

            WebElement first = driver.findElement(By.cssSelector("li.comment"));
            first.findElement(By.tagName("summary")).click();
            Browser.type(first.findElement(By.cssSelector("textarea")), "Слажем се делимично.");
            citizen.clickAndWait(By.cssSelector("li.comment input[id$=':sendReply']"), By.cssSelector("ol.replies"));
            assertThat(driver.findElement(By.cssSelector("ol.replies")).getText()).contains("Слажем се делимично.");
            citizen.screenshot("round-commented-sr-Cyrl");
        }

        // The first comment is flagged, and a moderator hides it with a public reason.
        WebSession flagger = WebSession.signedIn(site, "organizer@demo.example", DemoAccounts.PASSWORD);
        page = flagger.get("/consultations/view.xhtml?slug=" + slug);
        flagger.submit(page, "comments", Map.of("list:0:flagReason", "Ne odnosi se na nacrt"), "list:0:sendFlag");
        try (Browser moderator = new Browser()) {
            WebDriver driver = moderator.driver();
            moderator.signIn(url(""), "moderator@demo.example");
            driver.get(url("/moderation/queue.xhtml"));
            WebElement row = driver.findElement(By.cssSelector("#flagged tbody tr"));
            assertThat(row.getText()).contains("Против съм зелената зона.");
            row.findElement(By.cssSelector("input[type=checkbox]")).click();
            Browser.type(driver.findElement(By.id("queue:reason")), "Off topic");
            moderator.clickAndWait(By.id("queue:hide"), By.cssSelector(".form-messages"));
            assertThat(driver.findElement(By.cssSelector(".form-messages")).getText()).contains("hidden");
        }
        assertThat(Http.get(site.uri("/consultations/view.xhtml?slug=" + slug), "Accept-Language", "en").body())
                .doesNotContain("Против съм зелената зона.").contains("Off topic");

        // The round closes; the reviewer answers every comment and publishes the report.
        moveClock(24 * 16);
        assertThat(Http.get(site.uri("/api/consultations/" + slug)).body()).contains("\"status\":\"CLOSED\"");
        try (Browser reviewer = new Browser()) {
            WebDriver driver = reviewer.driver();
            reviewer.signIn(url(""), "reviewer.zajecar@demo.example");
            driver.get(url("/review/queue.xhtml?slug=" + slug + "&answered=false"));
            // the hidden comment is answered too (it appears in the report with its reason and answer)
            assertThat(driver.findElement(By.id("progress")).getText()).contains("0 / 3");
            for (WebElement box : driver.findElements(By.cssSelector("#queue input[type=checkbox]"))) {
                box.click();
            }
            driver.findElements(By.cssSelector("input[name='answer:disposition']")).stream()
                    .filter(r -> "PARTLY_ACCEPTED".equals(r.getAttribute("value"))).findFirst().orElseThrow().click();
            Browser.type(driver.findElement(By.id("answer:reason")), "Crvena zona se uvodi, vreme parkiranja biće dva sata.");
            reviewer.clickAndWaitForText(By.id("answer:submit"), By.cssSelector(".form-messages"), "3 comments are answered.");
            assertThat(driver.findElement(By.id("progress")).getText()).contains("3 / 3");
            reviewer.screenshot("review-answered");
            reviewer.clickAndWaitForText(By.id("answer:publish"), By.cssSelector(".form-messages"), "The report is published");
        }

        // The citizen is told by mail, in their language (Serbian Cyrillic: they chose it with the
        // switcher while signed in, and the profile keeps it), and reads the answer in the report.
        Mailbox.Mail mail = mailbox.await("citizen@demo.example", "Odluka o parkiranju");
        assertThat(mail.subject()).startsWith("Објављен је извештај");
        try (Browser citizen = new Browser()) {
            WebDriver driver = citizen.driver();
            driver.get(mail.link("/consultations/report.xhtml") + "&lang=sr-Latn");
            String report = driver.findElement(By.tagName("main")).getText();
            assertThat(report).contains("Podržavam crvenu zonu,", "Crvena zona se uvodi, vreme parkiranja biće dva sata.",
                    "Delimično");
            // Every comment in the queue was given the one answer, the hidden one too.
            assertThat(driver.findElement(By.id("total-PARTLY_ACCEPTED")).getText()).isEqualTo("3");
            citizen.screenshot("report");
        }
        assertThat(Http.get(site.uri("/api/consultations/" + slug + "/report")).body())
                .contains("\"disposition\":\"PARTLY_ACCEPTED\"", "Подржавам црвену зону");

        // The PDF's text holds the comment and its answer.
        byte[] pdf = Http.sendBytes(HttpRequest.newBuilder(site.uri("/api/consultations/" + slug + "/report.pdf?lang=sr-Latn"))
                .build()).body();
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Izveštaj o sprovedenim konsultacijama", "Podržavam crvenu zonu,",
                    "Crvena zona se uvodi, vreme parkiranja biće dva sata.");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void setDate(WebDriver driver, String id, LocalDate date) {
        ((JavascriptExecutor) driver).executeScript("document.getElementById(arguments[0]).value = arguments[1];", id,
                date.toString());
    }
}
