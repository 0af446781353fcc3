package org.duhbalkana.web.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duhbalkana.account.DemoAccounts;
import org.duhbalkana.web.testing.Browser;
import org.duhbalkana.web.testing.Http;
import org.duhbalkana.web.testing.Mailbox;
import org.duhbalkana.web.testing.RunningSite;
import org.duhbalkana.web.testing.WebSession;
import org.duhbalkana.web.testing.WebSession.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A campaign's whole life in headless Chromium: an organizer launches it with a petition, a
 * moderator approves it, a visitor signs in Bulgarian, confirms by mail and sees the count rise;
 * crossing the threshold tells the target's reviewer; the organizer's update reaches the signer
 * who asked for updates and no one else; a signature over the per-address limit is held, and mailed
 * nothing, until a moderator releases it; the organizer's supporter export holds only names signers
 * agreed to share, and no address.
 */
class CampaignJourneyIT {

    private static final String SLUG = "cist-timok-2027";
    private static final String TITLE = "Čist Timok: prečistač otpadnih voda";

    private static Mailbox mailbox;
    private static RunningSite site;

    @BeforeAll
    static void start() {
        mailbox = new Mailbox();
        Map<String, String> env = new HashMap<>(mailbox.environment());
        env.put("DEMO", "true");
        // Two signatures an hour from one address before the next are held: this test signs from 127.0.0.1.
        env.put("JAVA_OPTS", "-Xmx512m");
        env.put("SIGNATURE_MAILS_PER_ADDRESS_HOUR", "2");
        site = RunningSite.configured("campaign-journey", env).start();
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

    /** The browser goes to 127.0.0.1, as the API calls of this test do: one network address for the per-address limit. */
    private String url(String path) {
        return "http://127.0.0.1:" + site.port() + path;
    }

    private static String count() {
        Matcher m = Pattern.compile("\"confirmedSignatures\":(\\d+)").matcher(
                Http.get(URI_OF_CAMPAIGN.get(), "Accept", "application/json").body());
        return m.find() ? m.group(1) : "?";
    }

    private static final java.util.function.Supplier<java.net.URI> URI_OF_CAMPAIGN = () -> site.uri("/api/campaigns/" + SLUG);

    private static void awaitCount(String expected) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (!count().equals(expected) && Instant.now().isBefore(until)) {
            Thread.sleep(300);
        }
        assertThat(count()).isEqualTo(expected);
    }

    private static String confirmApi(String to) {
        Mailbox.Mail mail = mailbox.await(to, "Confirm your signature");
        Matcher m = Pattern.compile("token=([A-Za-z0-9_-]+)").matcher(mail.body());
        assertThat(m.find()).isTrue();
        HttpResponse<String> confirmed = Http.postForm(site.uri("/api/signatures/confirmation"), "token=" + m.group(1));
        return confirmed.body();
    }

    private static HttpResponse<String> signApi(String name, String email) {
        return Http.send(HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + site.port() + "/api/campaigns/" + SLUG + "/signatures"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"email\":\"" + email
                        + "\",\"country\":\"AT\",\"consentSignature\":true,\"language\":\"en\"}")).build());
    }

    @Test
    void aCampaignFromLaunchToUpdate() throws Exception {
        LocalDate deadline = LocalDate.now(ZoneId.of("Europe/Belgrade")).plusDays(30);

        // The organizer writes the campaign with a petition to Zaječar and sends it for review.
        try (Browser organizer = new Browser()) {
            WebDriver driver = organizer.driver();
            organizer.signIn(url(""), "organizer@demo.example");
            driver.get(url("/campaigns/edit.xhtml"));
            Browser.type(driver.findElement(By.id("edit:slug")), SLUG);
            Browser.type(driver.findElement(By.id("edit:title")), TITLE);
            Browser.type(driver.findElement(By.id("edit:ask")), "Tražimo od opštine Zaječar da izgradi prečistač otpadnih voda do 2028.");
            Browser.type(driver.findElement(By.id("edit:description")), "Timok nosi otpadne vode u Dunav, preko granice.");
            new Select(driver.findElement(By.id("edit:target"))).selectByVisibleText("Zaječar");
            ((JavascriptExecutor) driver).executeScript("document.getElementById('edit:deadline').value = arguments[0];", deadline.toString());
            Browser.type(driver.findElement(By.id("edit:signatureGoal")), "100");
            Browser.type(driver.findElement(By.id("edit:responseThreshold")), "2");
            organizer.clickAndWait(By.id("edit:save"), By.id("organizer:submitForReview"));
            assertThat(driver.getCurrentUrl()).contains("/campaigns/view.xhtml?slug=" + SLUG);
            assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("Draft");
            organizer.clickAndWait(By.id("organizer:submitForReview"), By.cssSelector("#messages li"));
            assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("Waiting for review");
        }
        assertThat(Http.get(URI_OF_CAMPAIGN.get()).statusCode()).isEqualTo(404);

        // A moderator approves it.
        try (Browser moderator = new Browser()) {
            WebDriver driver = moderator.driver();
            moderator.signIn(url(""), "moderator@demo.example");
            driver.get(url("/moderation/campaigns.xhtml"));
            WebElement row = driver.findElement(By.id("pending-" + SLUG));
            moderator.clickAndWait(By.id(row.findElement(By.cssSelector("input[id$=':approve']")).getAttribute("id")),
                    By.cssSelector("#review .form-messages li"));
            assertThat(driver.findElements(By.id("pending-" + SLUG))).isEmpty();
        }
        assertThat(count()).isEqualTo("0");

        // A visitor from Vidin signs in Bulgarian, confirms by mail, and sees the count rise.
        try (Browser visitor = new Browser()) {
            WebDriver driver = visitor.driver();
            visitor.windowSize(390, 844);
            driver.get(url("/campaigns/view.xhtml?slug=" + SLUG));
            visitor.clickAndWait(By.cssSelector(".languages a[hreflang='bg']"), By.cssSelector("html[lang='bg']"));
            assertThat(driver.findElement(By.id("sign-heading")).getText()).isNotBlank();
            Browser.type(driver.findElement(By.id("sign:name")), "Иван Петров");
            Browser.type(driver.findElement(By.id("sign:email")), "ivan@journey.example");
            new Select(driver.findElement(By.id("sign:home"))).selectByVisibleText("Видин");
            driver.findElement(By.id("sign:consentSignature")).click();
            driver.findElement(By.id("sign:consentUpdates")).click();
            driver.findElement(By.id("sign:shareName")).click();
            visitor.clickAndWaitForText(By.id("sign:submit"), By.id("messages"), "Проверете");
            visitor.screenshot("campaign-signed-bg");

            Mailbox.Mail mail = mailbox.await("ivan@journey.example", "Потвърдете");
            // The typed name is not in the confirmation mail (nobody has yet shown the address is theirs).
            assertThat(mail.body()).doesNotContain("Иван Петров");
            driver.get(mail.link("/campaigns/confirm.xhtml").replaceFirst("https?://[^/]+", "http://127.0.0.1:" + site.port()));
            visitor.clickAndWait(By.id("link:submit"), By.cssSelector("#link .form-messages li"));
            awaitCount("1");
            driver.get(url("/campaigns/view.xhtml?slug=" + SLUG));
            assertThat(driver.findElement(By.id("count")).getText()).startsWith("1 подпис ·");
            assertThat(driver.findElement(By.id("places")).getText()).contains("Видин");
            visitor.screenshot("campaign-counted-bg");
        }

        // A second signer through the API (no updates wanted) crosses the threshold of 2: Zaječar's reviewer is told.
        assertThat(signApi("Maria Huber", "maria@journey.example").statusCode()).isEqualTo(202);
        assertThat(confirmApi("maria@journey.example")).contains("CONFIRMED");
        awaitCount("2");
        Mailbox.Mail due = mailbox.await("reviewer.zajecar@demo.example", TITLE);
        assertThat(due.body()).contains("/campaigns/view.xhtml?slug=" + SLUG);

        // A third from the same network address within the hour is taken but held: nothing is mailed, it does not count.
        assertThat(signApi("Franz Gruber", "franz@journey.example").statusCode()).isEqualTo(202);
        Thread.sleep(4000);
        assertThat(mailbox.all()).noneMatch(m -> m.to().equals("franz@journey.example"));
        assertThat(count()).isEqualTo("2");

        // A moderator lets it count.
        try (Browser moderator = new Browser()) {
            WebDriver driver = moderator.driver();
            moderator.signIn(url(""), "moderator@demo.example");
            driver.get(url("/moderation/signatures.xhtml?slug=" + SLUG));
            assertThat(driver.findElement(By.id("held")).getText()).endsWith("1");
            moderator.clickAndWait(By.id("signatures:clear"), By.cssSelector("#signatures .form-messages li"));
        }
        // Released, it is mailed its confirmation link only now; once confirmed it counts.
        assertThat(confirmApi("franz@journey.example")).contains("CONFIRMED");
        awaitCount("3");

        // The organizer posts an update: the signer who asked for updates gets it, the others do not.
        try (Browser organizer = new Browser()) {
            WebDriver driver = organizer.driver();
            organizer.signIn(url(""), "organizer@demo.example");
            driver.get(url("/campaigns/view.xhtml?slug=" + SLUG));
            Browser.type(driver.findElement(By.id("organizer:update")), "Opština je zakazala sastanak 15. decembra.");
            organizer.clickAndWait(By.id("organizer:postUpdate"), By.cssSelector("#update-list li"));
            assertThat(driver.findElement(By.id("update-list")).getText()).contains("15. decembra");
            assertThat(driver.findElement(By.id("messages")).getText()).as("the mail goes out in batches, soon after")
                    .contains("It goes by mail, within a minute, to the signers who asked for updates.");
            organizer.screenshot("campaign-update-posted");
            driver.get(url("/campaigns/dashboard.xhtml?slug=" + SLUG));
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.findElements(By.cssSelector("#dashboard canvas")).isEmpty());
            assertThat(driver.findElement(By.id("days")).getText()).contains("3");
            organizer.screenshot("campaign-dashboard");
        }
        Mailbox.Mail update = mailbox.await("ivan@journey.example", "Новини");
        assertThat(update.subject()).contains(TITLE);
        assertThat(update.body()).contains("Opština je zakazala sastanak 15. decembra.");
        assertThat(mailbox.all()).filteredOn(m -> m.to().equals("maria@journey.example")).hasSize(1);

        // The supporter export: only those who agreed to share their name, and no e-mail address at all.
        WebSession organizer = WebSession.signedIn(site, "organizer@demo.example", DemoAccounts.PASSWORD);
        Page dashboard = organizer.get("/campaigns/dashboard.xhtml?slug=" + SLUG);
        Page csv = organizer.submit(dashboard, "dashboard", Map.of(), "export");
        assertThat(csv.header("Content-Type")).contains("text/csv");
        assertThat(csv.body()).contains("Иван Петров").doesNotContain("@", "ivan", "Maria", "maria", "Franz");
    }
}
