package org.duhbalkana.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.duhbalkana.campaign.DemoCampaigns;
import org.duhbalkana.consultation.DemoConsultations;
import org.duhbalkana.web.testing.Axe;
import org.duhbalkana.web.testing.Browser;
import org.duhbalkana.web.testing.MariaDbSite;
import org.duhbalkana.web.testing.RunningSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * axe-core (WCAG 2.0/2.1 A and AA) on every public page and every role's main pages, in the four
 * languages, at 1366 and 390 px: one demo site, one browser per role. Every violation of every page
 * is listed before the test fails, so one run shows all that is left to fix.
 *
 * <p>The forms' pages (sign-in, sign-up, forgot, profile, the editors, the review queue) are listed
 * apart in {@code it-logs/axe-forms-pages.txt}; their violations fail the test like the others'.
 */
class AccessibilitySweepIT {

    private static final List<String> LANGUAGES = List.of("en", "sr-Latn", "sr-Cyrl", "bg");
    private static final int[] WIDTHS = {1366, 390};
    /** Pages whose markup the forms half of issue 19 owns. */
    private static final Set<String> FORMS_PAGES = Set.of("/account/sign-in.xhtml", "/account/sign-up.xhtml",
            "/account/forgot.xhtml", "/account/profile.xhtml", "/campaigns/edit.xhtml", "/consultations/new.xhtml",
            "/consultations/edit.xhtml", "/review/queue.xhtml");

    private static MariaDbSite mariaDb;
    private static RunningSite site;

    @BeforeAll
    static void start() {
        mariaDb = MariaDbSite.startWithDemoAccounts("axe-sweep", java.time.Duration.ofMinutes(8));
        site = mariaDb.site();
    }

    @AfterAll
    static void stop() {
        if (mariaDb != null) {
            mariaDb.close();
        }
    }

    private static String url(String path) {
        return site.uri(path).toString();
    }

    private static String firstThread() {
        try (Connection c = mariaDb.db().dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT r.slug, MIN(c.id) FROM round_comment c JOIN consultation_round r "
                        + "ON r.id = c.round_id WHERE c.parent_id IS NULL AND r.slug = 'prekogranicni-turizam-2027' GROUP BY r.slug")) {
            rs.next();
            return "/consultations/replies.xhtml?slug=" + rs.getString(1) + "&comment=" + rs.getLong(2);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Who looks (null: nobody signed in) and at which pages. */
    private static Map<String, List<String>> pagesByRole() {
        Map<String, List<String>> pages = new LinkedHashMap<>();
        pages.put(null, List.of("/", "/consultations/index.xhtml", "/consultations/index.xhtml?country=BG&status=REPORT_PUBLISHED",
                "/consultations/index.xhtml?tag=turizam", "/consultations/index.xhtml?status=nonsense",
                "/consultations/view.xhtml?slug=prekogranicni-turizam-2027", firstThread(),
                "/consultations/report.xhtml?slug=dunavski-park-vidin", "/campaigns/index.xhtml",
                "/campaigns/index.xhtml?country=RS", "/campaigns/view.xhtml?slug=" + DemoCampaigns.BIG_PETITION,
                "/search.xhtml?q=turizam", "/account/sign-in.xhtml", "/account/sign-up.xhtml", "/account/forgot.xhtml",
                "/consultations/view.xhtml?slug=no-such-round"));
        pages.put("reviewer.zajecar@demo.example", List.of("/work/index.xhtml",
                "/review/dashboard.xhtml?slug=" + DemoConsultations.BIG_ROUND, "/review/queue.xhtml?slug=" + DemoConsultations.BIG_ROUND,
                "/review/invitations.xhtml", "/municipality/settings.xhtml?code=zajecar", "/account/profile.xhtml"));
        pages.put("organizer@demo.example", List.of("/work/index.xhtml", "/campaigns/dashboard.xhtml?slug=" + DemoCampaigns.BIG_PETITION,
                "/campaigns/edit.xhtml?slug=ekoturizam-stara-planina", "/admin/accounts.xhtml"));
        pages.put("moderator@demo.example", List.of("/work/index.xhtml", "/moderation/queue.xhtml", "/moderation/campaigns.xhtml",
                "/moderation/signatures.xhtml?slug=" + DemoCampaigns.BIG_PETITION));
        pages.put("admin@demo.example", List.of("/admin/accounts.xhtml", "/admin/audit.xhtml", "/work/index.xhtml"));
        pages.put("citizen@demo.example", List.of("/work/index.xhtml"));
        return pages;
    }

    @Test
    void everyPageInEveryLanguageAtBothWidthsHasNoViolation() throws IOException {
        List<String> mine = new ArrayList<>();
        List<String> forms = new ArrayList<>();
        int audited = 0;
        for (Map.Entry<String, List<String>> role : pagesByRole().entrySet()) {
            try (Browser browser = new Browser()) {
                if (role.getKey() != null) {
                    browser.signIn(url("/").replaceAll("/$", ""), role.getKey());
                }
                for (String language : LANGUAGES) {
                    browser.driver().get(url("/?lang=" + language));
                    for (int width : WIDTHS) {
                        browser.windowSize(width, width == 390 ? 844 : 900);
                        for (String page : role.getValue()) {
                            browser.driver().get(url(page));
                            assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang"))
                                    .as(page).isEqualTo(language);
                            // an audit of the failure page would prove nothing about the page asked for
                            assertThat(browser.driver().findElements(By.id("error-500"))).as(page + " failed").isEmpty();
                            List<Axe.Violation> found = Axe.violations(browser.driver());
                            audited++;
                            if (!found.isEmpty()) {
                                String where = (role.getKey() == null ? "anonymous" : role.getKey()) + ", " + language + ", " + width
                                        + " px, " + page + ":\n  - " + String.join("\n  - ", found.stream().map(Object::toString).toList());
                                String path = page.contains("?") ? page.substring(0, page.indexOf('?')) : page;
                                (FORMS_PAGES.contains(path) ? forms : mine).add(where);
                            }
                        }
                    }
                }
            }
        }
        try {
            Files.createDirectories(RunningSite.output().resolve("it-logs"));
            Files.writeString(RunningSite.output().resolve("it-logs/axe-forms-pages.txt"), String.join("\n", forms));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(audited).isGreaterThan(250);
        assertThat(mine).as("axe violations").isEmpty();
        assertThat(forms).as("axe violations on the forms' pages").isEmpty();
    }
}
