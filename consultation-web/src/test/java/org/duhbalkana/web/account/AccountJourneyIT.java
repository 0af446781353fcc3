package org.duhbalkana.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.duhbalkana.web.testing.Browser;
import org.duhbalkana.web.testing.Mailbox;
import org.duhbalkana.web.testing.RunningSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * A person signs up, confirms the address with the mailed link, signs in and out; another
 * forgets the password and resets it. Headless Chromium, mail through GreenMail, the site on
 * Payara Micro with its embedded database.
 */
class AccountJourneyIT {

    private static Mailbox mailbox;
    private static RunningSite site;

    @BeforeAll
    static void start() {
        mailbox = new Mailbox();
        Map<String, String> env = new HashMap<>(mailbox.environment());
        env.put("DEMO", "false");
        site = RunningSite.configured("accounts", env).start();
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

    @Test
    void signUpConfirmByMailSignInAndOutInSerbianCyrillic() {
        try (Browser browser = new Browser()) {
            WebDriver driver = browser.driver();
            driver.get(url("/account/sign-up.xhtml?lang=sr-Cyrl"));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Регистрација");

            driver.findElement(By.id("signUp:name")).sendKeys("Драгана Илић");
            driver.findElement(By.id("signUp:email")).sendKeys("dragana@example.org");
            driver.findElement(By.id("signUp:password")).sendKeys("четири речи за лозинку");
            new Select(driver.findElement(By.id("signUp:home"))).selectByVisibleText("Књажевац");
            browser.screenshot("sign-up-sr-Cyrl");
            browser.clickAndWait(By.id("signUp:submit"), By.id("sent"));

            assertThat(driver.findElement(By.id("sent")).getText()).contains("Проверите");
            Mailbox.Mail mail = mailbox.await("dragana@example.org", "Потврдите");
            assertThat(mail.body()).startsWith("Здраво, Драгана Илић");

            driver.get(mail.link("/account/verify.xhtml"));
            browser.clickAndWait(By.id("link:submit"), By.cssSelector(".form-messages"));
            assertThat(driver.findElement(By.cssSelector(".form-messages")).getText()).contains("потврђена");

            driver.get(url("/account/sign-in.xhtml"));
            driver.findElement(By.id("signIn:email")).sendKeys("Dragana@Example.org");
            driver.findElement(By.id("signIn:password")).sendKeys("четири речи за лозинку");
            browser.clickAndWait(By.id("signIn:submit"), By.id("nav-profile"));

            assertThat(driver.getCurrentUrl()).endsWith("/account/profile.xhtml");
            assertThat(driver.findElement(By.id("nav-profile")).getText()).isEqualTo("Драгана Илић");
            assertThat(driver.findElement(By.id("current-email")).getText()).isEqualTo("dragana@example.org");
            assertThat(driver.findElement(By.id("verified")).getText()).isEqualTo("Потврђена");
            browser.screenshot("profile-sr-Cyrl");

            browser.clickAndWait(By.id("signOut:submit"), By.id("nav-sign-in"));
            assertThat(driver.findElements(By.id("nav-sign-in"))).hasSize(1);
            // A protected page sends the visitor to sign in, and back after it.
            driver.get(url("/account/profile.xhtml"));
            assertThat(driver.getCurrentUrl()).contains("/account/sign-in.xhtml?next=");
            driver.findElement(By.id("signIn:email")).sendKeys("dragana@example.org");
            driver.findElement(By.id("signIn:password")).sendKeys("четири речи за лозинку");
            browser.clickAndWait(By.id("signIn:submit"), By.id("nav-profile"));
            assertThat(driver.getCurrentUrl()).endsWith("/account/profile.xhtml");
        }
    }

    @Test
    void aForgottenPasswordIsResetByMailInBulgarian() {
        try (Browser browser = new Browser()) {
            WebDriver driver = browser.driver();
            driver.get(url("/account/sign-up.xhtml?lang=bg"));
            driver.findElement(By.id("signUp:name")).sendKeys("Петя Иванова");
            driver.findElement(By.id("signUp:email")).sendKeys("petya@example.bg");
            driver.findElement(By.id("signUp:password")).sendKeys("старата парола 1");
            new Select(driver.findElement(By.id("signUp:home"))).selectByVisibleText("Видин");
            browser.clickAndWait(By.id("signUp:submit"), By.id("sent"));
            driver.get(mailbox.await("petya@example.bg", "Потвърдете").link("/account/verify.xhtml"));
            browser.clickAndWait(By.id("link:submit"), By.cssSelector(".form-messages"));

            driver.get(url("/account/forgot.xhtml"));
            driver.findElement(By.id("forgot:email")).sendKeys("petya@example.bg");
            browser.clickAndWait(By.id("forgot:submit"), By.id("sent"));
            assertThat(driver.findElement(By.id("sent")).isDisplayed()).isTrue();

            Mailbox.Mail reset = mailbox.await("petya@example.bg", "Нова парола");
            driver.get(reset.link("/account/reset.xhtml"));
            driver.findElement(By.id("link:newPassword")).sendKeys("новата парола 2");
            browser.clickAndWait(By.id("link:submit"), By.cssSelector(".form-messages"));
            assertThat(driver.findElement(By.cssSelector(".form-messages")).getText()).isNotBlank();
            assertThat(mailbox.await("petya@example.bg", "сменена").body()).contains("Петя Иванова");

            // The link works once.
            driver.get(reset.link("/account/reset.xhtml"));
            assertThat(driver.findElement(By.cssSelector(".form-messages")).getText()).contains("вече");
            assertThat(driver.findElements(By.id("link:newPassword"))).isEmpty();

            driver.get(url("/account/sign-in.xhtml"));
            driver.findElement(By.id("signIn:email")).sendKeys("petya@example.bg");
            driver.findElement(By.id("signIn:password")).sendKeys("старата парола 1");
            browser.clickAndWait(By.id("signIn:submit"), By.cssSelector("[data-error-summary]"));
            assertThat(driver.findElement(By.cssSelector("[data-error-summary] li")).getText()).isNotBlank();

            driver.findElement(By.id("signIn:email")).clear();
            driver.findElement(By.id("signIn:email")).sendKeys("petya@example.bg");
            driver.findElement(By.id("signIn:password")).sendKeys("новата парола 2");
            browser.clickAndWait(By.id("signIn:submit"), By.id("nav-profile"));
            assertThat(driver.getCurrentUrl()).endsWith("/account/profile.xhtml");
            assertThat(driver.findElement(By.id("nav-profile")).getText()).isEqualTo("Петя Иванова");
            browser.screenshot("profile-bg");
        }
    }
}
