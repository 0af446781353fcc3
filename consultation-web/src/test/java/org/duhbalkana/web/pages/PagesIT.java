package org.duhbalkana.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duhbalkana.campaign.DemoCampaigns;
import org.duhbalkana.consultation.DemoConsultations;
import org.duhbalkana.testing.TestDatabase;
import org.duhbalkana.web.testing.Browser;
import org.duhbalkana.web.testing.MariaDbSite;
import org.duhbalkana.web.testing.RunningSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The pages of issue 19 as people see them, on the demo site with MariaDB: lists paged and filtered
 * in the link with totals that match the database, tags that lead to their list, {@code lang} on
 * text in another language or script, the dashboard's title translated, table headers kept on a
 * phone, counts in the reader's format, "my work" for each role, and flag reasons shown to
 * moderators as text.
 */
class PagesIT {

    private static MariaDbSite mariaDb;
    private static TestDatabase db;
    private static RunningSite site;
    private static final Map<String, Browser> browsers = new HashMap<>();

    @BeforeAll
    static void start() {
        mariaDb = MariaDbSite.startWithDemoAccounts("pages", java.time.Duration.ofMinutes(8));
        db = mariaDb.db();
        site = mariaDb.site();
    }

    @AfterAll
    static void stop() {
        browsers.values().forEach(Browser::close);
        if (mariaDb != null) {
            mariaDb.close();
        }
    }

    /** One browser per person (null: nobody signed in), reading English unless a test says otherwise. */
    private static WebDriver as(String email) {
        String key = email == null ? "" : email;
        Browser browser = browsers.get(key);
        if (browser == null) {
            browser = new Browser();
            browser.driver().get(url("/?lang=en"));
            if (email != null) {
                browser.signIn(base(), email);
            }
            browsers.put(key, browser);
        }
        browser.windowSize(1366, 900);
        return browser.driver();
    }

    private static String base() {
        String u = site.uri("/").toString();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    private static String url(String path) {
        return site.uri(path).toString();
    }

    private static long count(String sql, Object... parameters) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void update(String sql, Object... parameters) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }

    private static String text(WebDriver driver, String id) {
        return driver.findElement(By.id(id)).getText().strip();
    }

    private static long digits(String shown) {
        return Long.parseLong(shown.replaceAll("[^0-9]", ""));
    }

    @Test
    void theRoundsListIsPagedAndFilteredInTheLinkWithTotalsFromTheDatabase() throws SQLException {
        long creator = count("SELECT id FROM account WHERE email = 'admin@demo.example'");
        long knjazevac = count("SELECT id FROM municipality WHERE code = 'knjazevac'");
        for (int i = 1; i <= 25; i++) {
            update("INSERT INTO consultation_round (slug, title, summary, language, status, created_by, created_at, version) "
                    + "VALUES (?, ?, 'Nacrt za proveru stranica.', 'sr-Latn', 'CLOSED', ?, CURRENT_TIMESTAMP, 0)",
                    "strana-" + i, "Runda za strane " + i, creator);
            long id = count("SELECT id FROM consultation_round WHERE slug = ?", "strana-" + i);
            update("INSERT INTO round_organizer (round_id, municipality_id) VALUES (?, ?)", id, knjazevac);
            update("INSERT INTO round_tag (round_id, tag) VALUES (?, 'stranice')", id);
        }
        WebDriver driver = as(null);

        driver.get(url("/consultations/index.xhtml?tag=stranice&lang=en"));
        assertThat(digits(text(driver, "total-count"))).isEqualTo(25);
        assertThat(driver.findElements(By.cssSelector("#rounds > li"))).hasSize(20);
        assertThat(driver.findElement(By.id("filter-tag")).getAttribute("value")).isEqualTo("stranice");
        driver.findElement(By.id("page-next")).click();
        assertThat(driver.getCurrentUrl()).contains("tag=stranice").contains("page=2");
        assertThat(driver.findElements(By.cssSelector("#rounds > li"))).hasSize(5);
        assertThat(text(driver, "page-of")).contains("2").contains("2");
        assertThat(driver.findElements(By.id("page-next"))).isEmpty();

        // filters chosen in the form end up in the link, and the total is the database's
        driver.get(url("/consultations/index.xhtml"));
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("filter-country"))).selectByValue("BG");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("filter-status"))).selectByValue("REPORT_PUBLISHED");
        driver.findElement(By.id("filter-apply")).click();
        assertThat(driver.getCurrentUrl()).contains("country=BG").contains("status=REPORT_PUBLISHED");
        long bulgarianReports = count("SELECT COUNT(DISTINCT r.id) FROM consultation_round r JOIN round_organizer o ON o.round_id = r.id "
                + "JOIN municipality m ON m.id = o.municipality_id WHERE m.country = 'BG' AND r.status = 'REPORT_PUBLISHED'");
        assertThat(bulgarianReports).isPositive();
        assertThat(digits(text(driver, "total-count"))).isEqualTo(bulgarianReports);
        assertThat(driver.findElements(By.cssSelector("#rounds > li"))).hasSize((int) bulgarianReports);

        driver.get(url("/consultations/index.xhtml?municipality=zajecar"));
        assertThat(digits(text(driver, "total-count"))).isEqualTo(count("SELECT COUNT(DISTINCT r.id) FROM consultation_round r "
                + "JOIN round_organizer o ON o.round_id = r.id JOIN municipality m ON m.id = o.municipality_id "
                + "WHERE m.code = 'zajecar' AND r.status <> 'DRAFT'"));
    }

    @Test
    void badValuesInTheLinkShowAMessageNotAnError() {
        WebDriver driver = as(null);
        driver.get(url("/consultations/index.xhtml?status=DRAFT"));
        assertThat(text(driver, "list-error")).isEqualTo("That status is not one a public list can show. Choose one from the list.");
        assertThat(driver.findElements(By.cssSelector("#rounds > li"))).isEmpty();
        driver.get(url("/campaigns/index.xhtml?municipality=atlantis"));
        assertThat(text(driver, "list-error")).isEqualTo("We do not know that municipality. Choose one from the list.");
        driver.get(url("/campaigns/index.xhtml?page=-3"));
        assertThat(text(driver, "list-error")).contains("Pages are numbered from 1");
        driver.get(url("/consultations/index.xhtml?tag=%3Cscript%3E"));
        assertThat(text(driver, "list-error")).contains("A topic is");
        assertThat(driver.getPageSource()).doesNotContain("list.error.").doesNotContain("<option value=\"<script>");
    }

    @Test
    void tagsAreShownAndEachLeadsToItsFilteredList() throws SQLException {
        WebDriver driver = as(null);
        driver.get(url("/consultations/view.xhtml?slug=prekogranicni-turizam-2027"));
        WebElement tag = driver.findElements(By.cssSelector(".tags a.tag")).stream()
                .filter(e -> e.getText().equals("turizam")).findFirst().orElseThrow();
        assertThat(tag.getAttribute("lang")).isEqualTo("sr-Latn");
        tag.click();
        assertThat(driver.getCurrentUrl()).contains("/consultations/index.xhtml?tag=turizam");
        long tourism = count("SELECT COUNT(*) FROM consultation_round r JOIN round_tag t ON t.round_id = r.id "
                + "WHERE t.tag = 'turizam' AND r.status <> 'DRAFT'");
        assertThat(digits(text(driver, "total-count"))).isEqualTo(tourism);
        assertThat(driver.findElements(By.cssSelector("#rounds h2 a"))).extracting(e -> e.getAttribute("href"))
                .anyMatch(h -> h.contains("prekogranicni-turizam-2027"));

        // a campaign shows its round's tags, leading to the campaigns on that topic
        driver.get(url("/campaigns/index.xhtml"));
        WebElement campaignTag = driver.findElements(By.cssSelector("#campaigns .tags a.tag")).stream()
                .filter(e -> e.getText().equals("turizam")).findFirst().orElseThrow();
        campaignTag.click();
        assertThat(driver.getCurrentUrl()).contains("/campaigns/index.xhtml?tag=turizam");
        assertThat(driver.findElements(By.cssSelector("#campaigns h3 a"))).extracting(e -> e.getAttribute("href"))
                .anyMatch(h -> h.contains(DemoCampaigns.BIG_PETITION));
    }

    @Test
    void textInAnotherLanguageOrScriptIsMarked() {
        WebDriver driver = as(null);
        // The Bulgarian report, read in English: the title is the English translation, the headings Bulgarian
        driver.get(url("/consultations/report.xhtml?slug=dunavski-park-vidin&lang=en"));
        WebElement title = driver.findElement(By.tagName("h1"));
        assertThat(title.getAttribute("lang")).isEqualTo("en");
        assertThat(title.getText()).isEqualTo("Regulation on the Danube riverside park in Vidin");
        assertThat(driver.findElements(By.cssSelector("h2[id^='section-'] span[lang='bg']"))).isNotEmpty();
        List<WebElement> bodies = driver.findElements(By.cssSelector(".comment-body"));
        assertThat(bodies).isNotEmpty().allMatch(b -> b.getAttribute("lang") != null && !b.getAttribute("lang").isEmpty());
        // read in Serbian Latin: the Serbian translation of the title
        driver.get(url("/consultations/report.xhtml?slug=dunavski-park-vidin&lang=sr-Latn"));
        assertThat(driver.findElement(By.tagName("h1")).getAttribute("lang")).isEqualTo("sr-Latn");
        driver.get(url("/?lang=en"));

        // comments on a round: each body carries the language its letters tell
        driver.get(url("/consultations/view.xhtml?slug=" + DemoConsultations.BIG_ROUND));
        List<WebElement> comments = driver.findElements(By.cssSelector("#comments .comment-body"));
        assertThat(comments).isNotEmpty();
        for (WebElement c : comments) {
            String lang = c.getAttribute("lang");
            assertThat(lang).as(c.getText()).isIn("sr-Latn", "sr-Cyrl", "bg", "en");
            if (c.getText().matches("(?s).*[ъщюя].*")) {
                assertThat(lang).isEqualTo("bg");
            }
        }

        // search results: the Bulgarian round found from an English page is marked Bulgarian
        driver.get(url("/search.xhtml?q=Vidin"));
        List<WebElement> results = driver.findElements(By.cssSelector("#results h2"));
        assertThat(results).isNotEmpty().allMatch(h -> h.getAttribute("lang") != null);
        assertThat(driver.findElements(By.cssSelector("#results .comment-body[lang='bg']"))).isNotEmpty();

        // lists: titles in the reader's language where translated, else marked
        driver.get(url("/consultations/index.xhtml"));
        assertThat(driver.findElements(By.cssSelector("#rounds h2"))).allMatch(h -> h.getAttribute("lang") != null);
        assertThat(driver.findElements(By.cssSelector("#rounds h2 a"))).extracting(WebElement::getText)
                .contains("Decision on support for local products 2027");
    }

    @Test
    void theDashboardShowsAnEnglishReaderTheEnglishTitle() {
        WebDriver driver = as("reviewer.zajecar@demo.example");
        driver.get(url("/review/dashboard.xhtml?slug=" + DemoConsultations.BIG_ROUND + "&lang=en"));
        WebElement title = driver.findElement(By.id("round-title"));
        assertThat(title.getText()).isEqualTo("Decision on support for local products 2027");
        assertThat(title.getAttribute("lang")).isEqualTo("en");
        // counts in the tables in the reader's format: thousands grouped as English groups them
        List<String> counts = driver.findElements(By.cssSelector("table.data td.number")).stream().map(WebElement::getText).toList();
        assertThat(counts).isNotEmpty().allMatch(c -> c.matches("\\d{1,3}(,\\d{3})*"));
        assertThat(counts).anyMatch(c -> c.contains(","));
        // Serbian groups thousands with a dot
        driver.get(url("/review/dashboard.xhtml?slug=" + DemoConsultations.BIG_ROUND + "&lang=sr-Latn"));
        assertThat(driver.findElements(By.cssSelector("table.data td.number"))).extracting(WebElement::getText)
                .anyMatch(c -> c.matches("\\d{1,3}(\\.\\d{3})+"));
        assertThat(driver.findElement(By.id("round-title")).getAttribute("lang")).isEqualTo("sr-Latn");
        driver.get(url("/?lang=en"));
    }

    @Test
    void tableHeadersStayVisibleOnAPhone() throws SQLException {
        WebDriver driver = as("reviewer.zajecar@demo.example");
        Browser browser = browsers.get("reviewer.zajecar@demo.example");
        try {
            browser.windowSize(390, 844);
            driver.get(url("/review/dashboard.xhtml?slug=" + DemoConsultations.BIG_ROUND + "&lang=en"));
            JavascriptExecutor js = (JavascriptExecutor) driver;
            List<WebElement> headers = driver.findElements(By.cssSelector("table.data thead th"));
            assertThat(headers).isNotEmpty();
            for (WebElement header : headers) {
                assertThat(js.executeScript("return getComputedStyle(arguments[0].closest('thead')).display;", header))
                        .isEqualTo("table-header-group");
                assertThat(js.executeScript("return getComputedStyle(arguments[0]).visibility;", header)).isEqualTo("visible");
            }
            assertThat(driver.findElement(By.cssSelector("#table-stances thead th:nth-child(2)")).isDisplayed()).isTrue();
            assertThat(driver.findElement(By.cssSelector("#table-stances thead th:nth-child(2)")).getText()).isEqualTo("Comments");
            Long overflow = (Long) js.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
            assertThat(overflow).isLessThanOrEqualTo(0L);
        } finally {
            browser.windowSize(1366, 900);
        }
        // a wide table stacks on a phone, each cell naming its column
        update("INSERT INTO audit_event (occurred_at, actor_name, action, subject, details) "
                + "VALUES (CURRENT_TIMESTAMP, 'Ana Stojanović', 'COMMENT_HIDDEN', 'comment 1', 'a reason long enough to wrap on a phone')");
        WebDriver admin = as("admin@demo.example");
        Browser adminBrowser = browsers.get("admin@demo.example");
        try {
            adminBrowser.windowSize(390, 844);
            admin.get(url("/admin/audit.xhtml"));
            WebElement cell = admin.findElement(By.cssSelector("#events tbody td[data-label]"));
            JavascriptExecutor js = (JavascriptExecutor) admin;
            String before = String.valueOf(js.executeScript("return getComputedStyle(arguments[0], '::before').content;", cell));
            assertThat(before).isNotEqualTo("none").satisfiesAnyOf(
                    b -> assertThat(b).contains(cell.getAttribute("data-label")),
                    b -> assertThat(b).contains("attr(data-label)"));
            assertThat(cell.getAttribute("data-label")).isNotBlank();
            Long overflow = (Long) js.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
            assertThat(overflow).isLessThanOrEqualTo(0L);
        } finally {
            adminBrowser.windowSize(1366, 900);
        }
    }

    @Test
    void myWorkShowsEachRoleItsOwnWork() throws SQLException {
        WebDriver reviewer = as("reviewer.zajecar@demo.example");
        reviewer.findElement(By.id("nav-work")).click();
        assertThat(reviewer.getCurrentUrl()).endsWith("/work/index.xhtml");
        long zajecar = count("SELECT id FROM municipality WHERE code = 'zajecar'");
        long me = count("SELECT id FROM account WHERE email = 'reviewer.zajecar@demo.example'");
        long drafts = count("SELECT COUNT(DISTINCT r.id) FROM consultation_round r LEFT JOIN round_organizer o ON o.round_id = r.id "
                + "WHERE r.status = 'DRAFT' AND (r.created_by = ? OR o.municipality_id = ?)", me, zajecar);
        assertThat(reviewer.findElements(By.cssSelector("#draft-rounds li"))).hasSize((int) drafts);
        long answering = count("SELECT COUNT(DISTINCT r.id) FROM consultation_round r JOIN round_organizer o ON o.round_id = r.id "
                + "WHERE r.status IN ('OPEN', 'CLOSED') AND o.municipality_id = ?", zajecar);
        assertThat(reviewer.findElements(By.cssSelector("#answering li"))).hasSize((int) answering);
        long unanswered = count("SELECT COUNT(*) FROM round_comment c JOIN consultation_round r ON r.id = c.round_id "
                + "WHERE r.slug = ? AND c.disposition IS NULL", DemoConsultations.BIG_ROUND);
        assertThat(digits(reviewer.findElement(By.cssSelector("#answering-" + DemoConsultations.BIG_ROUND + " .unanswered")).getText()))
                .isEqualTo(unanswered);
        assertThat(reviewer.findElement(By.cssSelector("#answering-" + DemoConsultations.BIG_ROUND + " a")).getText())
                .isEqualTo("Decision on support for local products 2027");
        assertThat(reviewer.findElements(By.id("moderation-work"))).isEmpty();
        assertThat(reviewer.findElements(By.id("campaign-work"))).isEmpty();

        WebDriver organizer = as("organizer@demo.example");
        organizer.get(url("/work/index.xhtml"));
        assertThat(organizer.findElements(By.cssSelector("#campaign-drafts a"))).extracting(e -> e.getAttribute("href"))
                .anyMatch(h -> h.contains("ekoturizam-stara-planina"));
        long organizerId = count("SELECT id FROM account WHERE email = 'organizer@demo.example'");
        assertThat(organizer.findElements(By.cssSelector("#campaign-drafts li, #campaigns-under-way li")))
                .hasSize((int) count("SELECT COUNT(*) FROM campaign WHERE organizer_id = ?", organizerId));
        assertThat(organizer.findElements(By.id("review-work"))).isEmpty();
        assertThat(organizer.findElements(By.id("moderation-work"))).isEmpty();

        WebDriver moderator = as("moderator@demo.example");
        moderator.get(url("/work/index.xhtml"));
        assertThat(digits(text(moderator, "count-flagged"))).isEqualTo(count("SELECT COUNT(*) FROM round_comment WHERE status = 'PENDING'"));
        assertThat(digits(text(moderator, "count-campaigns")))
                .isEqualTo(count("SELECT COUNT(*) FROM campaign WHERE status = 'PENDING_REVIEW'"));
        assertThat(moderator.findElements(By.id("review-work"))).isEmpty();

        WebDriver citizen = as("citizen@demo.example");
        citizen.get(url("/work/index.xhtml"));
        long citizenId = count("SELECT id FROM account WHERE email = 'citizen@demo.example'");
        long waiting = count("SELECT COUNT(*) FROM round_comment c JOIN consultation_round r ON r.id = c.round_id WHERE c.author_id = ? "
                + "AND c.disposition IS NULL AND c.status <> 'HIDDEN' AND r.status IN ('OPEN', 'CLOSED')", citizenId);
        assertThat(citizen.findElements(By.cssSelector("#waiting li"))).hasSize((int) Math.min(waiting, 50));
        assertThat(citizen.findElements(By.id("review-work"))).isEmpty();
        assertThat(citizen.findElements(By.id("moderation-work"))).isEmpty();
        assertThat(citizen.findElements(By.id("campaign-work"))).isEmpty();
    }

    @Test
    void moderatorsSeeFlagReasonsAsText() throws SQLException {
        long comment = count("SELECT MIN(c.id) FROM round_comment c JOIN consultation_round r ON r.id = c.round_id "
                + "WHERE r.slug = ? AND c.parent_id IS NULL AND c.status = 'VISIBLE'", DemoConsultations.BIG_ROUND);
        long flagger = count("SELECT id FROM account WHERE email = 'gragjanin@demo.example'");
        String reason = "<script>document.title='pwned'</script> uvreda & pretnja, ružne reči";
        update("INSERT INTO comment_flag (comment_id, account_id, reason, created_at) VALUES (?, ?, ?, CURRENT_TIMESTAMP)",
                comment, flagger, reason);
        update("UPDATE round_comment SET status = 'PENDING', flag_count = flag_count + 1 WHERE id = ?", comment);

        WebDriver moderator = as("moderator@demo.example");
        moderator.get(url("/moderation/queue.xhtml"));
        List<WebElement> shown = moderator.findElements(By.cssSelector("#flags-" + comment + " .flag-reason"));
        assertThat(shown).extracting(WebElement::getText).contains(reason);
        assertThat(moderator.getTitle()).doesNotContain("pwned");
        assertThat(moderator.findElements(By.cssSelector("#flags-" + comment + " script"))).isEmpty();
        assertThat(shown.get(0).getAttribute("lang")).isEqualTo("sr-Latn");
    }

    /** Screenshots of the new pages at both widths, for the closing note. */
    @Test
    void screenshotsOfTheNewPages() {
        List<String[]> pages = new ArrayList<>();
        pages.add(new String[] {"rounds-list", "/consultations/index.xhtml?country=RS"});
        pages.add(new String[] {"campaigns-list", "/campaigns/index.xhtml"});
        pages.add(new String[] {"campaign", "/campaigns/view.xhtml?slug=" + DemoCampaigns.BIG_PETITION});
        as("reviewer.zajecar@demo.example");
        Browser browser = browsers.get("reviewer.zajecar@demo.example");
        pages.add(new String[] {"my-work-reviewer", "/work/index.xhtml"});
        pages.add(new String[] {"dashboard", "/review/dashboard.xhtml?slug=" + DemoConsultations.BIG_ROUND});
        for (int width : new int[] {1366, 390}) {
            browser.windowSize(width, width == 390 ? 844 : 900);
            for (String[] p : pages) {
                browser.driver().get(url(p[1]));
                assertThat(browser.driver().findElement(By.tagName("h1")).isDisplayed()).isTrue();
                assertThat(browser.driver().findElements(By.id("error-500"))).as(p[1]).isEmpty();
                browser.screenshot("pages-" + p[0] + "-" + width);
            }
        }
        browser.windowSize(1366, 900);
    }
}
