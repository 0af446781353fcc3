package org.duhbalkana.web.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit the page tests rely on finds what it should: a page with an unlabelled field and
 * low-contrast text fails, the same page done right passes. Without this, a broken audit (script
 * not injected, wrong rule tags) would let every page "pass".
 */
class AxeIT {

    private static Browser browser;

    @BeforeAll
    static void open() {
        browser = new Browser();
    }

    @AfterAll
    static void close() {
        browser.close();
    }

    private static void show(String body) {
        String html = "<!DOCTYPE html><html lang='en'><head><title>Audit check</title></head><body><main>"
                + body + "</main></body></html>";
        browser.driver().get("data:text/html;charset=utf-8," + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    @Test
    void findsAnUnlabelledFieldAndLowContrastText() {
        show("<h1>Sign</h1><p style='color:#bbb;background:#fff'>Faint text</p><form><input type='text' name='n'></form>");

        assertThat(Axe.violations(browser.driver())).extracting(Axe.Violation::rule)
                .contains("label", "color-contrast");
        assertThatThrownBy(() -> Axe.assertNoViolations(browser.driver(), "a bad page"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("label").hasMessageContaining("a bad page");
    }

    @Test
    void passesThePageDoneRight() {
        show("<h1>Sign</h1><p style='color:#333;background:#fff'>Clear text</p>"
                + "<form><label for='n'>Name</label><input id='n' type='text' name='n'></form>");

        assertThat(Axe.violations(browser.driver())).isEmpty();
        Axe.assertNoViolations(browser.driver(), "a good page");
    }
}
