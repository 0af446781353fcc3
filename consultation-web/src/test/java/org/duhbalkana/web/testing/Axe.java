package org.duhbalkana.web.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The axe-core accessibility audit run in the page a browser test has open: the rules tagged
 * WCAG 2.0 and 2.1, levels A and AA. The script comes from the test class path (the
 * {@code com.deque.html.axe-core:selenium} jar carries {@code axe.min.js}); nothing is fetched.
 *
 * <pre>
 * browser.driver().get(site.url("/campaigns/index.xhtml"));
 * Axe.assertNoViolations(browser.driver(), "campaigns, en, 390 px");
 * </pre>
 */
public final class Axe {

    /** The rule tags the issue asks for: WCAG 2.0 and 2.1, A and AA. */
    public static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private static volatile String script;

    private Axe() {
    }

    /** One rule broken, with the elements that break it (CSS selectors and the start of their HTML). */
    public record Violation(String rule, String impact, String help, List<String> elements) {

        @Override
        public String toString() {
            return rule + " (" + impact + "): " + help + "\n      " + String.join("\n      ", elements);
        }
    }

    /** The violations of the WCAG A/AA rules in the page the driver has open now. */
    public static List<Violation> violations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
            js.executeScript(script());
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object result = js.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
                + ".then(function (r) { done(r.violations.map(function (v) { return {"
                + "  rule: v.id, impact: v.impact || '', help: v.help,"
                + "  elements: v.nodes.map(function (n) { return n.target.join(' ') + '  ' + (n.html || '').substring(0, 160); })"
                + "}; })); })"
                + ".catch(function (e) { done('axe failed: ' + e); });",
                TAGS);
        if (result instanceof String failure) {
            throw new IllegalStateException(failure);
        }
        List<Violation> violations = new ArrayList<>();
        for (Object item : (List<?>) result) {
            Map<?, ?> v = (Map<?, ?>) item;
            List<String> elements = new ArrayList<>();
            for (Object element : (List<?>) v.get("elements")) {
                elements.add(String.valueOf(element));
            }
            violations.add(new Violation(String.valueOf(v.get("rule")), String.valueOf(v.get("impact")),
                    String.valueOf(v.get("help")), elements));
        }
        return violations;
    }

    /** Fails with every violation listed, naming {@code where} (page, language, width, state). */
    public static void assertNoViolations(WebDriver driver, String where) {
        List<Violation> found = violations(driver);
        if (!found.isEmpty()) {
            StringBuilder message = new StringBuilder("axe found " + found.size() + " WCAG A/AA violation(s) on "
                    + where + " (" + driver.getCurrentUrl() + "):");
            found.forEach(v -> message.append("\n  - ").append(v));
            throw new AssertionError(message.toString());
        }
    }

    private static String script() {
        String loaded = script;
        if (loaded == null) {
            try (InputStream in = Axe.class.getResourceAsStream("/axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe.min.js is not on the test class path "
                            + "(dependency com.deque.html.axe-core:selenium)");
                }
                loaded = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            script = loaded;
        }
        return loaded;
    }
}
