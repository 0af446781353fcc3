package org.duhbalkana.web.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * What every failed form must show (issue 19): an error summary that has focus, one link per
 * invalid field and each to an existing field, every aria-describedby id present, the title
 * starting with "Error:" in the reader's language; and the contrast of the focus ring.
 */
public final class FormChecks {

    private FormChecks() {
    }

    /** The translated title prefix of a failed form, by language tag. */
    public static String errorPrefix(String language) {
        return switch (language) {
            case "sr-Latn" -> "Greška:";
            case "sr-Cyrl", "bg" -> "Грешка:";
            default -> "Error:";
        };
    }

    /**
     * Asserts the error state of the page the driver shows and returns the ids of the fields the
     * summary links to, in order.
     */
    public static List<String> assertErrorState(WebDriver driver, String language) {
        WebElement summary = driver.findElement(By.cssSelector("[data-error-summary]"));
        assertThat(summary.findElement(By.tagName("h2")).getText()).isNotBlank();
        assertThat(driver.switchTo().activeElement()).as("focus on the error summary").isEqualTo(summary);
        List<WebElement> links = summary.findElements(By.cssSelector("a[data-field]"));
        List<WebElement> invalid = driver.findElements(By.cssSelector("[aria-invalid='true']"));
        assertThat(links).as("one summary link per invalid field").hasSameSizeAs(invalid);
        List<String> ids = links.stream().map(a -> {
            String href = a.getAttribute("href");
            return href.substring(href.indexOf('#') + 1);
        }).toList();
        for (String id : ids) {
            List<WebElement> field = driver.findElements(By.id(id));
            assertThat(field).as("the field a summary link targets: " + id).hasSize(1);
            assertThat(field.get(0).getAttribute("aria-invalid")).as("aria-invalid on " + id).isEqualTo("true");
        }
        for (WebElement described : driver.findElements(By.cssSelector("[aria-describedby]"))) {
            for (String id : described.getAttribute("aria-describedby").trim().split("\\s+")) {
                assertThat(driver.findElements(By.id(id))).as("aria-describedby id " + id + " exists").hasSize(1);
            }
        }
        for (WebElement field : invalid) {
            assertThat(field.getAttribute("aria-describedby")).as("an invalid field names its error")
                    .contains(field.getAttribute("id") + "-error");
            assertThat(driver.findElement(By.id(field.getAttribute("id") + "-error")).getText()).isNotBlank();
        }
        assertThat(driver.getTitle()).startsWith(errorPrefix(language) + " ");
        return ids;
    }

    private static final String RING = """
            var el = arguments[0];
            function rgb(s) { var m = s.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
              var p = m[1].split(',').map(function (x) { return parseFloat(x); });
              return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; }
            function lum(c) { return [c.r, c.g, c.b].map(function (v) { v = v / 255;
              return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
              .reduce(function (s, v, i) { return s + v * [0.2126, 0.7152, 0.0722][i]; }, 0); }
            var st = getComputedStyle(el), ring = null, how = '';
            if (st.outlineStyle !== 'none' && parseFloat(st.outlineWidth) >= 2) { ring = rgb(st.outlineColor); how = 'outline'; }
            else if (st.boxShadow && st.boxShadow !== 'none') { ring = rgb(st.boxShadow); how = 'box-shadow'; }
            if (!ring || ring.a === 0) return 'no focus ring on ' + el.outerHTML.substring(0, 120);
            // the background the ring is drawn on: what lies just outside it, where it is on screen
            var r = el.getBoundingClientRect(), off = Math.max(0, parseFloat(st.outlineOffset) || 0) + (parseFloat(st.outlineWidth) || 0) + 2;
            var x = r.left - off >= 0 ? r.left - off : r.right + off, y = r.top + r.height / 2;
            var bg = null, on = '', under = document.elementsFromPoint(x, y);
            for (var i = 0; i < under.length && !bg; i++) {
              if (under[i] === el || el.contains(under[i])) continue;
              var c = rgb(getComputedStyle(under[i]).backgroundColor); if (c && c.a > 0) { bg = c; on = under[i].tagName + '.' + under[i].className; } }
            if (!bg) { var node = el.parentElement;
              while (node && !bg) { var c2 = rgb(getComputedStyle(node).backgroundColor); if (c2 && c2.a > 0) bg = c2; node = node.parentElement; } }
            if (!bg) bg = {r: 255, g: 255, b: 255, a: 1};
            var a = lum(ring), b = lum(bg);
            return [(Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05), how + ' ' + JSON.stringify(ring) + ' on '
              + JSON.stringify(bg) + ' ' + on + ' at ' + Math.round(x) + ',' + Math.round(y)];
            """;

    /**
     * The contrast (WCAG formula) of the focused element's ring (outline, or else box-shadow)
     * against the background it sits on (the nearest ancestor's background colour).
     */
    public static double focusRingContrast(WebDriver driver) {
        return ring(driver).contrast();
    }

    /** The focus ring's contrast, and what was measured (ring colour, background, where). */
    public record Ring(double contrast, String measured) {
    }

    public static Ring ring(WebDriver driver) {
        WebElement active = driver.switchTo().activeElement();
        Object result = ((JavascriptExecutor) driver).executeScript(RING, active);
        if (result instanceof String message) {
            throw new AssertionError(message);
        }
        List<?> pair = (List<?>) result;
        return new Ring(((Number) pair.get(0)).doubleValue(), String.valueOf(pair.get(1)));
    }

    /** Asserts that the focused element shows a focus ring of at least 3:1. */
    public static void assertFocusVisible(WebDriver driver, String where) {
        Ring ring = ring(driver);
        assertThat(ring.contrast()).as("focus ring contrast at " + where + " (" + ring.measured() + ")").isGreaterThanOrEqualTo(3.0);
    }
}
