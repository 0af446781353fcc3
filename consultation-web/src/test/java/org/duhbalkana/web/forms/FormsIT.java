package org.duhbalkana.web.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duhbalkana.web.testing.Axe;
import org.duhbalkana.web.testing.Browser;
import org.duhbalkana.web.testing.FormChecks;
import org.duhbalkana.web.testing.Mailbox;
import org.duhbalkana.web.testing.RunningSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Every form of the site, submitted empty, shows all its errors at once (issue 19): the error
 * summary has focus and one link per invalid field, each to an existing field; every
 * aria-describedby id exists; the title starts with "Error:" in the reader's language; and axe
 * finds no WCAG A/AA violation in that state at 1366 and 390 px. Then each form with one bad
 * field shows just that one. Screenshots of the error states land in target/screenshots/forms-*.
 */
class FormsIT {

    private static final String PETITION = "dunav-bez-plastike";
    private static final String ROUND = "lokalni-proizvodi-2027";

    private static Mailbox mailbox;
    private static RunningSite site;

    @BeforeAll
    static void start() {
        mailbox = new Mailbox();
        Map<String, String> env = new HashMap<>(mailbox.environment());
        env.put("DEMO", "true");
        env.put("JAVA_OPTS", "-Xmx512m");
        site = RunningSite.configured("forms", env).start(Duration.ofMinutes(4));
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

    private static String url(String path) {
        return "http://127.0.0.1:" + site.port() + path;
    }

    private static String lang(String path, String language) {
        return url(path) + (path.contains("?") ? "&" : "?") + "lang=" + language;
    }

    /** Submits the form as it is and checks the error state; axe and screenshots at both widths when asked. */
    private static List<String> submitAndCheck(Browser browser, By submit, String language, String name, boolean audit) {
        WebDriver driver = browser.driver();
        browser.windowSize(1366, 900);
        browser.clickAndWaitForReload(submit);
        List<String> fields;
        try {
            fields = FormChecks.assertErrorState(driver, language);
            if (audit) {
                Axe.assertNoViolations(driver, name + " in its error state, " + language + ", 1366 px");
                browser.screenshot("forms-" + name + "-" + language + "-1366");
                browser.windowSize(390, 844);
                Axe.assertNoViolations(driver, name + " in its error state, " + language + ", 390 px");
                driver.findElement(By.cssSelector("[data-error-summary]")).sendKeys(""); // keep it in view
                browser.screenshot("forms-" + name + "-" + language + "-390");
                browser.windowSize(1366, 900);
            }
        } catch (AssertionError | RuntimeException e) {
            browser.savePage("forms-failed-" + name + "-" + language);
            throw e;
        }
        return fields;
    }

    /**
     * A form of one row of a list (a comment's reply, edit and flag forms; an article of the
     * editor): opens the row's disclosure if it has one, empties what the row holds, presses the
     * row's button and checks the error state; returns the row's prefix and the invalid fields.
     */
    private static List<String> rowForm(Browser browser, String page, String form, String button, List<String> fields,
                                        String language, String name) {
        WebDriver driver = browser.driver();
        driver.get(lang(page, language));
        WebElement pressed = driver.findElements(By.cssSelector("[id^='" + form + ":'][id$=':" + button + "']")).get(0);
        String id = pressed.getAttribute("id");
        String row = id.substring(0, id.length() - button.length());
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("var d = arguments[0].closest('details'); if (d) { d.open = true; }", pressed);
        for (String field : fields) {
            js.executeScript("arguments[0].value = '';", driver.findElement(By.id(row + field)));
        }
        List<String> invalid = submitAndCheck(browser, By.id(id), language, name, true);
        for (String field : invalid) {
            // the row's disclosure opens again on its error
            assertThat(driver.findElement(By.id(field)).isDisplayed()).as(field + " shown").isTrue();
        }
        assertThat(invalid).containsExactlyElementsOf(fields.stream().map(f -> row + f).toList());
        return invalid;
    }

    @Test
    void thePetitionFormShowsEveryErrorAtOnceInEveryLanguage() {
        try (Browser browser = new Browser()) {
            WebDriver driver = browser.driver();
            for (String language : List.of("sr-Cyrl", "sr-Latn", "bg", "en")) {
                driver.get(lang("/campaigns/view.xhtml?slug=" + PETITION, language));
                List<String> fields = submitAndCheck(browser, By.id("sign:submit"), language, "petition-empty", true);
                assertThat(fields).containsExactly("sign:name", "sign:email", "sign:home", "sign:consentSignature");
                assertThat(driver.findElement(By.cssSelector("label[for='sign:name'] .required")).getText()).isNotBlank();
            }
            // One bad field: a wrong address, the rest right.
            driver.get(lang("/campaigns/view.xhtml?slug=" + PETITION, "en"));
            Browser.type(driver.findElement(By.id("sign:name")), "Ana Petrović");
            Browser.type(driver.findElement(By.id("sign:email")), "ana-at-example");
            new Select(driver.findElement(By.id("sign:home"))).selectByVisibleText("Zaječar");
            driver.findElement(By.id("sign:consentSignature")).click();
            assertThat(submitAndCheck(browser, By.id("sign:submit"), "en", "petition-bad-email", true)).containsExactly("sign:email");
            // What was right stays filled in.
            assertThat(driver.findElement(By.id("sign:name")).getAttribute("value")).isEqualTo("Ana Petrović");
            // "Elsewhere" with no country: the service's rule comes back with the address's, at once.
            driver.get(lang("/campaigns/view.xhtml?slug=" + PETITION, "en"));
            Browser.type(driver.findElement(By.id("sign:name")), "Ana Petrović");
            Browser.type(driver.findElement(By.id("sign:email")), "ana-at-example");
            new Select(driver.findElement(By.id("sign:home"))).selectByValue("other");
            driver.findElement(By.id("sign:consentSignature")).click();
            assertThat(submitAndCheck(browser, By.id("sign:submit"), "en", "petition-service", false))
                    .containsExactly("sign:email", "sign:country");
        }
    }

    @Test
    void theAccountFormsShowEveryErrorAtOnce() {
        try (Browser browser = new Browser()) {
            WebDriver driver = browser.driver();
            for (String language : List.of("sr-Cyrl", "en")) {
                driver.get(lang("/account/sign-up.xhtml", language));
                assertThat(submitAndCheck(browser, By.id("signUp:submit"), language, "sign-up-empty", true))
                        .containsExactly("signUp:name", "signUp:email", "signUp:password", "signUp:home");
                driver.get(lang("/account/sign-in.xhtml", language));
                assertThat(submitAndCheck(browser, By.id("signIn:submit"), language, "sign-in-empty", true))
                        .containsExactly("signIn:email", "signIn:password");
                driver.get(lang("/account/forgot.xhtml", language));
                assertThat(submitAndCheck(browser, By.id("forgot:submit"), language, "forgot-empty", true))
                        .containsExactly("forgot:email");
            }
            // One bad field: a password too short.
            driver.get(lang("/account/sign-up.xhtml", "en"));
            Browser.type(driver.findElement(By.id("signUp:name")), "Ana Petrović");
            Browser.type(driver.findElement(By.id("signUp:email")), "ana@forms.example");
            Browser.type(driver.findElement(By.id("signUp:password")), "short");
            new Select(driver.findElement(By.id("signUp:home"))).selectByVisibleText("Zaječar");
            assertThat(submitAndCheck(browser, By.id("signUp:submit"), "en", "sign-up-bad-password", true))
                    .containsExactly("signUp:password");
            // A wrong password: an error for the form, no field marked.
            driver.get(lang("/account/sign-in.xhtml", "en"));
            Browser.type(driver.findElement(By.id("signIn:email")), "citizen@demo.example");
            Browser.type(driver.findElement(By.id("signIn:password")), "not-the-password");
            browser.clickAndWaitForReload(By.id("signIn:submit"));
            assertThat(driver.findElement(By.cssSelector("[data-error-summary] li")).getText()).isNotBlank();
            assertThat(driver.findElements(By.cssSelector("[aria-invalid='true']"))).isEmpty();
            Axe.assertNoViolations(driver, "sign-in with a wrong password");
        }
    }

    @Test
    void theFormsOfSignedInPeopleShowEveryErrorAtOnce() {
        try (Browser browser = new Browser()) {
            WebDriver driver = browser.driver();
            browser.signIn(url(""), "citizen@demo.example");
            // the profile's password form
            driver.get(lang("/account/profile.xhtml", "en"));
            assertThat(submitAndCheck(browser, By.id("password:change"), "en", "profile-password-empty", true))
                    .containsExactly("password:currentPassword", "password:newPassword");
            // the comment form: no text
            driver.get(lang("/consultations/view.xhtml?slug=" + ROUND, "en"));
            assertThat(submitAndCheck(browser, By.id("comment:submit"), "en", "comment-empty", true))
                    .containsExactly("comment:text");
            driver.get(lang("/consultations/view.xhtml?slug=" + ROUND, "sr-Cyrl"));
            assertThat(submitAndCheck(browser, By.id("comment:submit"), "sr-Cyrl", "comment-empty", true))
                    .containsExactly("comment:text");
            // a comment of the citizen's own, to edit (in a round of few comments: it is on the first page)
            String small = "/consultations/view.xhtml?slug=prekogranicni-turizam-2027";
            driver.get(lang(small, "en"));
            driver.findElements(By.cssSelector("input[name='comment:stance']")).get(0).click();
            Browser.type(driver.findElement(By.id("comment:text")), "A comment to edit in FormsIT.");
            browser.clickAndWaitForReload(By.id("comment:submit"));
            // the forms of each comment in the list: reply, edit, flag
            String view = "/consultations/view.xhtml?slug=" + ROUND;
            for (String language : List.of("en", "sr-Cyrl")) {
                rowForm(browser, view, "comments", "sendReply", List.of("replyText"), language, "comment-reply-empty");
                rowForm(browser, small, "comments", "saveEdit", List.of("editText"), language, "comment-edit-empty");
                rowForm(browser, view, "comments", "sendFlag", List.of("flagReason"), language, "comment-flag-empty");
            }
        }
        try (Browser browser = new Browser()) {
            WebDriver driver = browser.driver();
            browser.signIn(url(""), "organizer@demo.example");
            for (String language : List.of("sr-Cyrl", "en")) {
                driver.get(lang("/campaigns/edit.xhtml", language));
                assertThat(submitAndCheck(browser, By.id("edit:save"), language, "campaign-edit-empty", true))
                        .containsExactly("edit:slug", "edit:title", "edit:ask", "edit:description", "edit:deadline");
            }
            // one bad field: a goal that is not a number
            driver.get(lang("/campaigns/edit.xhtml", "en"));
            Browser.type(driver.findElement(By.id("edit:slug")), "forms-test-campaign");
            Browser.type(driver.findElement(By.id("edit:title")), "A test");
            Browser.type(driver.findElement(By.id("edit:ask")), "We ask for a test.");
            Browser.type(driver.findElement(By.id("edit:description")), "Why a test.");
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                    "document.getElementById('edit:deadline').value = arguments[0];",
                    java.time.LocalDate.now().plusDays(30).toString());
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                    "document.getElementById('edit:retentionMonths').value = '99';");
            Browser.type(driver.findElement(By.id("edit:signatureGoal")), "-5");
            List<String> bad = submitAndCheck(browser, By.id("edit:save"), "en", "campaign-edit-bad-goal", false);
            assertThat(bad).contains("edit:signatureGoal").allMatch(id -> id.equals("edit:signatureGoal") || id.equals("edit:retentionMonths"));
        }
        try (Browser browser = new Browser()) {
            WebDriver driver = browser.driver();
            browser.signIn(url(""), "reviewer.zajecar@demo.example");
            for (String language : List.of("sr-Cyrl", "en")) {
                driver.get(lang("/review/queue.xhtml?slug=" + ROUND, language));
                // nothing picked ("accepted" is chosen already): one error for the form, no field marked
                assertThat(submitAndCheck(browser, By.id("answer:submit"), language, "review-answer-empty", true)).isEmpty();
                assertThat(driver.findElements(By.cssSelector("[data-error-summary] li"))).hasSize(1);
            }
            // nothing picked and "not accepted" without a reason: both said at once
            driver.get(lang("/review/queue.xhtml?slug=" + ROUND, "en"));
            driver.findElements(By.cssSelector("input[name='answer:disposition']")).stream()
                    .filter(r -> "NOT_ACCEPTED".equals(r.getAttribute("value"))).findFirst().orElseThrow().click();
            assertThat(submitAndCheck(browser, By.id("answer:submit"), "en", "review-answer-no-reason", true))
                    .containsExactly("answer:reason");
            assertThat(driver.findElements(By.cssSelector("[data-error-summary] li"))).hasSize(2);
        }
    }

    @Test
    void theFormsOfStaffTablesShowEveryErrorAtOnce() {
        try (Browser browser = new Browser()) {
            WebDriver driver = browser.driver();
            browser.signIn(url(""), "admin@demo.example");
            for (String language : List.of("en", "sr-Cyrl")) {
                // the article editor of a draft: the article's own "save" with no heading and no text
                rowForm(browser, "/consultations/edit.xhtml?slug=kladovo-riverside-draft", "sections", "save", List.of("heading", "body"),
                        language, "articles-empty");
                // the accounts table: "reviewer" with no municipality chosen
                driver.get(lang("/admin/accounts.xhtml", language));
                WebElement grant = driver.findElements(By.cssSelector("[id$=':grantReviewer']")).get(0);
                assertThat(submitAndCheck(browser, By.id(grant.getAttribute("id")), language, "accounts-reviewer-empty", true))
                        .containsExactly("accounts:municipality");
            }
        }
        try (Browser browser = new Browser()) {
            WebDriver driver = browser.driver();
            browser.signIn(url(""), "moderator@demo.example");
            for (String language : List.of("en", "sr-Cyrl")) {
                // "hide" with nothing chosen and no reason: both said at once
                driver.get(lang("/moderation/queue.xhtml", language));
                assertThat(submitAndCheck(browser, By.id("queue:hide"), language, "moderation-hide-empty", true))
                        .containsExactly("queue:reason");
                assertThat(driver.findElements(By.cssSelector("[data-error-summary] li"))).hasSize(2);
            }
        }
    }
}
