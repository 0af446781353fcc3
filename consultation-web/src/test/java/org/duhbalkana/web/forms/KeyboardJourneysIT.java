package org.duhbalkana.web.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duhbalkana.web.testing.Browser;
import org.duhbalkana.web.testing.FormChecks;
import org.duhbalkana.web.testing.Mailbox;
import org.duhbalkana.web.testing.RunningSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Keyboard only, in Chromium (issue 19): no clicks, only Tab, Enter, Space and typing into the
 * focused element. After every step the test asserts which element has focus and that its focus
 * ring has at least 3:1 contrast against what it is drawn on. Someone signs a petition, leaves an
 * error, follows the summary's link to the field, fixes it and confirms by the mailed link; a
 * citizen comments on an article; a reviewer answers three comments.
 */
class KeyboardJourneysIT {

    private static final String PETITION = "dunav-bez-plastike";
    private static final String ROUND = "prekogranicni-turizam-2027";

    private static Mailbox mailbox;
    private static RunningSite site;

    @BeforeAll
    static void start() {
        mailbox = new Mailbox();
        Map<String, String> env = new HashMap<>(mailbox.environment());
        env.put("DEMO", "true");
        env.put("JAVA_OPTS", "-Xmx512m");
        site = RunningSite.configured("keyboard", env).start(Duration.ofMinutes(4));
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

    private static WebElement focused(WebDriver driver) {
        return driver.switchTo().activeElement();
    }

    private static void press(WebDriver driver, CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /**
     * Presses Tab until the element with this id has focus (at most 150 times), checking the
     * focus ring at every stop on the way.
     */
    private static void tabTo(WebDriver driver, String id) {
        for (int i = 0; i < 150; i++) {
            press(driver, Keys.TAB);
            WebElement now = focused(driver);
            FormChecks.assertFocusVisible(driver, "Tab stop " + describe(now) + " on the way to " + id);
            if (id.equals(now.getAttribute("id"))) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + id);
    }

    private static String describe(WebElement element) {
        String id = element.getAttribute("id");
        return element.getTagName() + (id == null || id.isEmpty() ? "[" + element.getText() + "]" : "#" + id);
    }

    /** Enter (or Space) on the focused control, and waits for the answer page. */
    private static void submitWith(WebDriver driver, CharSequence key) {
        WebElement html = driver.findElement(By.tagName("html"));
        press(driver, key);
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> org.duhbalkana.web.testing.Browser.gone(html));
    }

    private static void assertFocus(WebDriver driver, String id) {
        assertThat(focused(driver).getAttribute("id")).isEqualTo(id);
        FormChecks.assertFocusVisible(driver, id);
    }

    @Test
    void signAPetitionFixAnErrorFromTheSummaryAndConfirm() {
        try (Browser browser = new Browser()) {
            WebDriver driver = browser.driver();
            try {
                driver.get(url("/campaigns/view.xhtml?slug=" + PETITION + "&lang=en"));
                tabTo(driver, "sign:name");
                press(driver, "Ana Petrović");
                press(driver, Keys.TAB);
                assertFocus(driver, "sign:email"); // left empty: the error
                press(driver, Keys.TAB);
                assertFocus(driver, "sign:home");
                press(driver, "Zaj");
                assertThat(new Select(driver.findElement(By.id("sign:home"))).getFirstSelectedOption().getText()).isEqualTo("Zaječar");
                tabTo(driver, "sign:consentSignature");
                press(driver, Keys.SPACE);
                assertThat(driver.findElement(By.id("sign:consentSignature")).isSelected()).isTrue();
                tabTo(driver, "sign:submit");
                submitWith(driver, Keys.ENTER);

                // The summary has focus and says the one problem; its link takes focus to the field.
                List<String> fields = FormChecks.assertErrorState(driver, "en");
                assertThat(fields).containsExactly("sign:email");
                FormChecks.assertFocusVisible(driver, "the error summary");
                browser.screenshot("keyboard-petition-summary");
                press(driver, Keys.TAB);
                assertThat(focused(driver).getAttribute("data-field")).isEqualTo("sign:email");
                FormChecks.assertFocusVisible(driver, "the summary's link");
                press(driver, Keys.ENTER);
                assertFocus(driver, "sign:email");
                // what was right is still there
                assertThat(driver.findElement(By.id("sign:name")).getAttribute("value")).isEqualTo("Ana Petrović");
                press(driver, "ana.keyboard@forms.example");
                tabTo(driver, "sign:submit");
                submitWith(driver, Keys.ENTER);
                assertThat(driver.findElement(By.id("messages")).getText()).contains("Check your mail");
                assertThat(driver.findElements(By.cssSelector("[data-error-summary]"))).isEmpty();

                // The mailed link (a page of its own), confirmed with the keyboard.
                Mailbox.Mail mail = mailbox.await("ana.keyboard@forms.example", "Confirm your signature");
                driver.get(mail.link("/campaigns/confirm.xhtml").replaceFirst("https?://[^/]+", "http://127.0.0.1:" + site.port()));
                tabTo(driver, "link:submit");
                submitWith(driver, Keys.ENTER);
                assertThat(driver.findElement(By.cssSelector("#link .form-messages li")).getText()).isNotBlank();
            } catch (AssertionError | RuntimeException e) {
                browser.savePage("keyboard-petition-failed");
                throw e;
            }
        }
    }

    @Test
    void commentOnAnArticleAndAnswerThreeComments() {
        try (Browser browser = new Browser()) {
            WebDriver driver = browser.driver();
            try {
                browser.signIn(url(""), "citizen@demo.example");
                driver.get(url("/consultations/view.xhtml?slug=" + ROUND + "&lang=en"));
                tabTo(driver, "comment:section");
                press(driver, Keys.ARROW_DOWN, Keys.ARROW_DOWN); // article 2
                assertThat(new Select(driver.findElement(By.id("comment:section"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("2");
                press(driver, Keys.TAB);
                // the stance group: Tab lands on its checked radio; an arrow chooses another
                assertThat(focused(driver).getAttribute("name")).isEqualTo("comment:stance");
                FormChecks.assertFocusVisible(driver, "the stance");
                tabTo(driver, "comment:text");
                press(driver, "Staza bi trebalo da ima i odmorišta sa česmom na svakih deset kilometara.");
                tabTo(driver, "comment:submit");
                submitWith(driver, Keys.ENTER);
                assertThat(driver.findElement(By.cssSelector("#comment .form-messages")).getText()).isNotBlank();
                assertThat(driver.getPageSource()).contains("odmorišta sa česmom");
            } catch (AssertionError | RuntimeException e) {
                browser.savePage("keyboard-comment-failed");
                throw e;
            }
        }
        try (Browser browser = new Browser()) {
            WebDriver driver = browser.driver();
            try {
                browser.signIn(url(""), "reviewer.zajecar@demo.example");
                driver.get(url("/review/queue.xhtml?slug=" + ROUND + "&answered=false&lang=en"));
                List<WebElement> boxes = driver.findElements(By.cssSelector("#queue input[type=checkbox]"));
                assertThat(boxes.size()).isGreaterThanOrEqualTo(3);
                for (int i = 0; i < 3; i++) {
                    String id = boxes.get(i).getAttribute("id");
                    assertThat(boxes.get(i).getAttribute("aria-label")).as("a checkbox named by author and words").doesNotMatch(".*\\d+$");
                    tabTo(driver, id);
                    press(driver, Keys.SPACE);
                    assertThat(driver.findElement(By.id(id)).isSelected()).isTrue();
                }
                // the answer: the first radio takes focus, Down chooses "partly accepted"
                tabTo(driver, "answer:disposition:0");
                press(driver, Keys.ARROW_DOWN);
                assertThat(focused(driver).getAttribute("value")).isEqualTo("PARTLY_ACCEPTED");
                assertThat(focused(driver).isSelected()).isTrue();
                FormChecks.assertFocusVisible(driver, "the chosen answer");
                tabTo(driver, "answer:reason");
                press(driver, "Odmorišta ulaze u projekat, česme zavise od vodovoda.");
                tabTo(driver, "answer:submit");
                submitWith(driver, Keys.ENTER);
                assertThat(driver.findElement(By.cssSelector("#answer .form-messages")).getText()).contains("3 comments are answered.");
            } catch (AssertionError | RuntimeException e) {
                browser.savePage("keyboard-review-failed");
                throw e;
            }
        }
    }
}
