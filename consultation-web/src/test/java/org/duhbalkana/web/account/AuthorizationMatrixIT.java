package org.duhbalkana.web.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duhbalkana.web.account.AuthorizationMatrixIT.Outcome.ALLOWED;
import static org.duhbalkana.web.account.AuthorizationMatrixIT.Outcome.NOT_FOUND;
import static org.duhbalkana.web.account.AuthorizationMatrixIT.Outcome.REFUSED;
import static org.duhbalkana.web.account.AuthorizationMatrixIT.Outcome.SIGN_IN;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duhbalkana.account.DemoAccounts;
import org.duhbalkana.testing.TestDatabase;
import org.duhbalkana.web.testing.MariaDbSite;
import org.duhbalkana.web.testing.RunningSite;
import org.duhbalkana.web.testing.WebSession;
import org.duhbalkana.web.testing.WebSession.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every protected page and action, tried by every kind of user, against a table of what each
 * may do: allowed, refused (403, nothing changed), or sent to sign in. Pages and actions added
 * later join the tables below. The site runs on MariaDB with the demo accounts, so the test
 * reads what the database holds after each attempt.
 */
class AuthorizationMatrixIT {

    /** The kinds of user, with the demo account that stands for each. */
    enum Who {
        ANONYMOUS(null),
        CITIZEN("citizen@demo.example"),
        ORGANIZER("organizer@demo.example"),
        REVIEWER_ZAJECAR("reviewer.zajecar@demo.example"),
        REVIEWER_VIDIN("reviewer.vidin@demo.example"),
        MODERATOR("moderator@demo.example"),
        ADMINISTRATOR("admin@demo.example");

        final String email;

        Who(String email) {
            this.email = email;
        }
    }

    enum Outcome { ALLOWED, REFUSED, SIGN_IN, NOT_FOUND }

    private static MariaDbSite mariaDb;
    private static TestDatabase db;
    private static RunningSite site;
    private static final Map<Who, WebSession> sessions = new EnumMap<>(Who.class);

    @BeforeAll
    static void start() {
        mariaDb = MariaDbSite.startWithDemoAccounts("authorization");
        db = mariaDb.db();
        site = mariaDb.site();
        for (Who who : Who.values()) {
            sessions.put(who, who.email == null ? new WebSession(site, "en")
                    : WebSession.signedIn(site, who.email, DemoAccounts.PASSWORD));
        }
    }

    @AfterAll
    static void stop() {
        if (mariaDb != null) {
            mariaDb.close();
        }
    }

    /** One row: a page and what each kind of user gets, in the order of {@link Who}. */
    private static Map<Who, Outcome> row(Outcome... outcomes) {
        Map<Who, Outcome> row = new EnumMap<>(Who.class);
        for (Who who : Who.values()) {
            row.put(who, outcomes[who.ordinal()]);
        }
        return row;
    }

    //                                               anon     citizen  organizer rev.Zaj  rev.Vid  moderator admin
    private static final Map<String, Map<Who, Outcome>> PAGES = new LinkedHashMap<>();

    static {
        PAGES.put("/", row(ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED));
        PAGES.put("/account/sign-in.xhtml", row(ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED));
        PAGES.put("/dev/outbox.xhtml", row(ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED));
        PAGES.put("/account/profile.xhtml", row(SIGN_IN, ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED));
        PAGES.put("/admin/accounts.xhtml", row(SIGN_IN, REFUSED, REFUSED, REFUSED, REFUSED, REFUSED, ALLOWED));
        PAGES.put("/admin/audit.xhtml", row(SIGN_IN, REFUSED, REFUSED, REFUSED, REFUSED, REFUSED, ALLOWED));
        PAGES.put("/municipality/settings.xhtml?code=zajecar", row(SIGN_IN, REFUSED, REFUSED, ALLOWED, REFUSED, REFUSED, ALLOWED));
        PAGES.put("/municipality/settings.xhtml?code=vidin", row(SIGN_IN, REFUSED, REFUSED, REFUSED, ALLOWED, REFUSED, ALLOWED));
        PAGES.put("/consultations/index.xhtml", row(ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED));
        PAGES.put("/consultations/view.xhtml?slug=prekogranicni-turizam-2027", row(ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED));
        // A draft is seen only by the reviewers of its organizer (Kladovo has none) and administrators.
        PAGES.put("/consultations/view.xhtml?slug=kladovo-riverside-draft", row(NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, ALLOWED));
        PAGES.put("/api/consultations/kladovo-riverside-draft", row(NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND));
        PAGES.put("/consultations/new.xhtml", row(SIGN_IN, REFUSED, REFUSED, ALLOWED, ALLOWED, REFUSED, ALLOWED));
        // A joint round of Zaječar and Vidin: both municipalities' reviewers write and answer it.
        PAGES.put("/consultations/edit.xhtml?slug=prekogranicni-turizam-2027", row(SIGN_IN, REFUSED, REFUSED, ALLOWED, ALLOWED, REFUSED, ALLOWED));
        PAGES.put("/review/queue.xhtml?slug=prekogranicni-turizam-2027", row(SIGN_IN, REFUSED, REFUSED, ALLOWED, ALLOWED, REFUSED, ALLOWED));
        // Zaječar's own round: not Vidin's reviewers.
        PAGES.put("/consultations/edit.xhtml?slug=lokalni-proizvodi-2027", row(SIGN_IN, REFUSED, REFUSED, ALLOWED, REFUSED, REFUSED, ALLOWED));
        PAGES.put("/review/queue.xhtml?slug=lokalni-proizvodi-2027", row(SIGN_IN, REFUSED, REFUSED, ALLOWED, REFUSED, REFUSED, ALLOWED));
        PAGES.put("/review/dashboard.xhtml?slug=prekogranicni-turizam-2027", row(SIGN_IN, REFUSED, REFUSED, ALLOWED, ALLOWED, REFUSED, ALLOWED));
        PAGES.put("/review/dashboard.xhtml?slug=lokalni-proizvodi-2027", row(SIGN_IN, REFUSED, REFUSED, ALLOWED, REFUSED, REFUSED, ALLOWED));
        PAGES.put("/moderation/queue.xhtml", row(SIGN_IN, REFUSED, REFUSED, REFUSED, REFUSED, ALLOWED, REFUSED));
        PAGES.put("/campaigns/index.xhtml", row(ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED));
        PAGES.put("/campaigns/view.xhtml?slug=staza-felix-romuliana-baba-vida", row(ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED));
        // A draft campaign: its organizer, moderators and administrators preview it; no one else learns it exists.
        PAGES.put("/campaigns/view.xhtml?slug=ekoturizam-stara-planina", row(NOT_FOUND, NOT_FOUND, ALLOWED, NOT_FOUND, NOT_FOUND, ALLOWED, ALLOWED));
        PAGES.put("/api/campaigns/ekoturizam-stara-planina", row(NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND));
        PAGES.put("/campaigns/edit.xhtml", row(SIGN_IN, REFUSED, ALLOWED, REFUSED, REFUSED, REFUSED, ALLOWED));
        PAGES.put("/campaigns/edit.xhtml?slug=ekoturizam-stara-planina", row(SIGN_IN, REFUSED, ALLOWED, REFUSED, REFUSED, REFUSED, ALLOWED));
        PAGES.put("/campaigns/confirm.xhtml?token=not-a-token", row(ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED));
        PAGES.put("/moderation/campaigns.xhtml", row(SIGN_IN, REFUSED, REFUSED, REFUSED, REFUSED, ALLOWED, REFUSED));
        PAGES.put("/consultations/report.xhtml?slug=dunavski-park-vidin", row(ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED));
        PAGES.put("/consultations/report.xhtml?slug=prekogranicni-turizam-2027", row(NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND));
        // issue 19: "my work" for everyone signed in; the service fills only the parts of the caller's roles
        PAGES.put("/work/index.xhtml", row(SIGN_IN, ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED));
    }

    @Test
    void everyPageAnswersEachKindOfUserAsTheTableSays() {
        List<String> wrong = new ArrayList<>();
        PAGES.forEach((path, expected) -> expected.forEach((who, outcome) -> {
            Page page = sessions.get(who).get(path);
            Outcome actual = outcome(page);
            if (actual != outcome) {
                wrong.add(path + " as " + who + ": expected " + outcome + ", got " + actual + " (" + page.status() + ")");
            }
        }));
        assertThat(wrong).isEmpty();
    }

    private static Outcome outcome(Page page) {
        if (page.status() == 302 && page.location() != null && page.location().contains("/account/sign-in.xhtml")) {
            return SIGN_IN;
        }
        if (page.status() == 403 && page.body().contains("You may not open this page")) {
            return REFUSED;
        }
        if (page.status() == 200 && !page.body().contains("You may not open this page")) {
            return ALLOWED;
        }
        if (page.status() == 404) {
            return NOT_FOUND;
        }
        return null;
    }

    @Test
    void onlyAMunicipalitysReviewersAndAdministratorsChangeItsSettings() throws SQLException {
        //                                               anon     citizen  organizer rev.Zaj  rev.Vid  moderator admin
        Map<Who, Outcome> expected = row(SIGN_IN, REFUSED, REFUSED, ALLOWED, REFUSED, REFUSED, ALLOWED);
        int days = 40;
        for (Who who : Who.values()) {
            int before = minDays("zajecar");
            WebSession session = sessions.get(who);
            Page result;
            Page own = session.get("/municipality/settings.xhtml?code=zajecar");
            if (own.status() == 200) {
                result = session.submit(own, "settings", Map.of("days", Integer.toString(++days)), "save");
            } else if (who == Who.REVIEWER_VIDIN) {
                // A reviewer of Vidin sends Vidin's own form with Zaječar's code in the address.
                Page vidin = session.get("/municipality/settings.xhtml?code=vidin");
                Map<String, String> form = new LinkedHashMap<>(vidin.hiddenFields("settings"));
                form.put("settings", "settings");
                form.put("settings:days", "99");
                form.put("settings:save", "x");
                result = session.post("/municipality/settings.xhtml?code=zajecar", form);
            } else {
                result = session.post("/municipality/settings.xhtml?code=zajecar",
                        Map.of("settings", "settings", "settings:days", "99", "settings:save", "x"));
            }
            int after = minDays("zajecar");
            if (expected.get(who) == ALLOWED) {
                assertThat(result.status()).as(who.name()).isEqualTo(200);
                assertThat(after).as(who.name()).isEqualTo(days);
            } else {
                assertThat(result.status()).as(who + " gets " + result.status()).isIn(302, 403);
                assertThat(after).as(who + " changed nothing").isEqualTo(before);
            }
        }
        assertThat(minDays("vidin")).isEqualTo(30);
        assertThat(auditCount("MUNICIPALITY_SETTINGS_CHANGED")).isEqualTo(2);
    }

    @Test
    void onlyAdministratorsGrantRoles() throws SQLException {
        long citizen = accountId("citizen@demo.example");
        for (Who who : Who.values()) {
            WebSession session = sessions.get(who);
            Page page = session.get("/admin/accounts.xhtml");
            if (who == Who.ADMINISTRATOR) {
                assertThat(page.status()).isEqualTo(200);
                int row = rowOf(page, citizen);
                session.submit(page, "accounts", Map.of("query", ""), "rows:" + row + ":roles:0:toggle");
                assertThat(roles(citizen)).containsExactly("ORGANIZER");
                Page again = session.get("/admin/accounts.xhtml");
                session.submit(again, "accounts", Map.of("query", ""), "rows:" + rowOf(again, citizen) + ":roles:0:toggle");
                assertThat(roles(citizen)).isEmpty();
                // A role taken away ends the person's sessions: the citizen signs in again.
                assertThat(outcome(sessions.get(Who.CITIZEN).get("/account/profile.xhtml"))).isEqualTo(SIGN_IN);
                sessions.put(Who.CITIZEN, WebSession.signedIn(site, Who.CITIZEN.email, DemoAccounts.PASSWORD));
            } else {
                Page forged = session.post("/admin/accounts.xhtml", Map.of("accounts", "accounts",
                        "accounts:query", "", "accounts:rows:0:roles:0:toggle", "x"));
                assertThat(forged.status()).as(who.name()).isIn(302, 403);
                assertThat(roles(citizen)).as(who.name()).isEmpty();
            }
        }
        assertThat(auditCount("ROLE_GRANTED")).isEqualTo(1);
        assertThat(auditCount("ROLE_REVOKED")).isEqualTo(1);
    }

    @Test
    void onlyAdministratorsBlockAndUnblockAccounts() throws SQLException {
        long target = accountId("gragjanin@demo.example");
        for (Who who : Who.values()) {
            WebSession session = sessions.get(who);
            if (who == Who.ADMINISTRATOR) {
                Page page = session.get("/admin/accounts.xhtml");
                session.submit(page, "accounts", Map.of("query", ""), "rows:" + rowOf(page, target) + ":block");
                assertThat(status(target)).isEqualTo("BLOCKED");
                Page again = session.get("/admin/accounts.xhtml");
                session.submit(again, "accounts", Map.of("query", ""), "rows:" + rowOf(again, target) + ":unblock");
                assertThat(status(target)).isEqualTo("ACTIVE");
            } else {
                for (String action : List.of("block", "unblock")) {
                    Page forged = session.post("/admin/accounts.xhtml", Map.of("accounts", "accounts",
                            "accounts:query", "", "accounts:rows:0:" + action, "x"));
                    assertThat(forged.status()).as(who + " " + action).isIn(302, 403);
                }
                assertThat(status(target)).as(who.name()).isEqualTo("ACTIVE");
            }
        }
        assertThat(auditCount("ACCOUNT_BLOCKED", "account " + target)).isEqualTo(1);
        assertThat(auditCount("ACCOUNT_UNBLOCKED", "account " + target)).isEqualTo(1);
    }

    @Test
    void theModeratorBlocksTheAuthorOfAFlaggedCommentButNeitherAnAdministratorNorThemselves() throws SQLException {
        String path = "/consultations/view.xhtml?slug=prekogranicni-turizam-2027";
        for (Who author : List.of(Who.ADMINISTRATOR, Who.MODERATOR)) {
            WebSession session = sessions.get(author);
            session.submit(session.get(path), "comment", Map.of("section", "0", "stance", "NEUTRAL",
                    "text", "Staff comment of " + author), "submit");
            update("UPDATE round_comment SET status = 'PENDING', flag_count = 1 WHERE body = ?", "Staff comment of " + author); // flagged: under review
        }
        WebSession moderator = sessions.get(Who.MODERATOR);
        for (Who author : List.of(Who.ADMINISTRATOR, Who.MODERATOR)) {
            long account = accountId(author.email);
            long comment = queryInt("SELECT MAX(id) FROM round_comment WHERE body = ?", "Staff comment of " + author);
            Page queue = moderator.get("/moderation/queue.xhtml");
            Page refused = moderator.submit(queue, "queue", Map.of(),
                    "rows:" + indexOf(queue, "<tr id=\"flagged-(\\d+)\"", comment) + ":block");
            assertThat(refused.messages()).as(author.name()).anyMatch(m -> m.contains("only an administrator blocks"));
            assertThat(status(account)).as(author.name()).isEqualTo("ACTIVE");
            assertThat(auditCount("ACCOUNT_BLOCKED", "account " + account)).isZero();
        }
        // Others cannot use the moderation queue at all.
        for (Who who : Who.values()) {
            if (who != Who.MODERATOR) {
                Page forged = sessions.get(who).post("/moderation/queue.xhtml", Map.of("queue", "queue", "queue:rows:0:block", "x"));
                assertThat(forged.status()).as(who.name()).isIn(302, 403);
            }
        }
        for (Who who : Who.values()) {
            if (who.email != null) {
                assertThat(status(accountId(who.email))).as(who.name()).isEqualTo("ACTIVE");
            }
        }
        assertThat(sessions.get(Who.ADMINISTRATOR).get("/admin/accounts.xhtml").status()).isEqualTo(200);
    }

    @Test
    void onlyVerifiedPeopleSignedInComment() throws SQLException {
        String path = "/consultations/view.xhtml?slug=prekogranicni-turizam-2027";
        for (Who who : Who.values()) {
            int before = queryInt("SELECT COUNT(*) FROM round_comment WHERE body = ?", "Matrix " + who);
            WebSession session = sessions.get(who);
            Page page = session.get(path);
            if (who == Who.ANONYMOUS) {
                assertThat(page.hasForm("comment")).isFalse();
                Map<String, String> forged = new LinkedHashMap<>(page.hiddenFields("comments"));
                forged.putAll(Map.of("comment", "comment", "comment:section", "0", "comment:stance", "NEUTRAL",
                        "comment:text", "Matrix " + who, "comment:submit", "x"));
                session.post(path, forged);
                assertThat(queryInt("SELECT COUNT(*) FROM round_comment WHERE body = ?", "Matrix " + who)).isEqualTo(before);
            } else {
                session.submit(page, "comment", Map.of("section", "0", "stance", "NEUTRAL", "text", "Matrix " + who), "submit");
                assertThat(queryInt("SELECT COUNT(*) FROM round_comment WHERE body = ?", "Matrix " + who)).as(who.name())
                        .isEqualTo(before + 1);
            }
        }
    }

    @Test
    void everySignedInPersonDownloadsOnlyTheirOwnData() {
        for (Who who : Who.values()) {
            WebSession session = sessions.get(who);
            Page profile = session.get("/account/profile.xhtml");
            if (who == Who.ANONYMOUS) {
                assertThat(outcome(profile)).isEqualTo(SIGN_IN);
                continue;
            }
            Page json = session.submit(profile, "export", Map.of(), "download");
            assertThat(json.status()).isEqualTo(200);
            assertThat(json.header("Content-Type")).startsWith("application/json");
            assertThat(json.body()).contains("\"email\":\"" + who.email + "\"");
            for (Who other : Who.values()) {
                if (other != who && other.email != null) {
                    assertThat(json.body()).doesNotContain(other.email);
                }
            }
        }
    }

    private static int rowOf(Page page, long accountId) {
        return indexOf(page, "<tr id=\"account-(\\d+)\"", accountId);
    }

    private static int indexOf(Page page, String rowPattern, long id) {
        Matcher rows = Pattern.compile(rowPattern).matcher(page.body());
        int index = 0;
        while (rows.find()) {
            if (Long.parseLong(rows.group(1)) == id) {
                return index;
            }
            index++;
        }
        throw new AssertionError(id + " is not listed on " + page.uri());
    }

    private static String status(long accountId) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement sql = c.prepareStatement("SELECT status FROM account WHERE id = ?")) {
            sql.setLong(1, accountId);
            try (ResultSet rs = sql.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static int auditCount(String action, String subject) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement sql = c.prepareStatement("SELECT COUNT(*) FROM audit_event WHERE action = ? AND subject = ?")) {
            sql.setString(1, action);
            sql.setString(2, subject);
            try (ResultSet rs = sql.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static void update(String statement, String parameter) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement sql = c.prepareStatement(statement)) {
            sql.setString(1, parameter);
            sql.executeUpdate();
        }
    }

    private static int minDays(String code) throws SQLException {
        return queryInt("SELECT min_consultation_days FROM municipality WHERE code = ?", code);
    }

    private static long accountId(String email) throws SQLException {
        return queryInt("SELECT id FROM account WHERE email = ?", email);
    }

    private static int auditCount(String action) throws SQLException {
        return queryInt("SELECT COUNT(*) FROM audit_event WHERE action = ?", action);
    }

    private static List<String> roles(long accountId) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement sql = c.prepareStatement("SELECT role FROM account_role WHERE account_id = ?")) {
            sql.setLong(1, accountId);
            List<String> roles = new ArrayList<>();
            try (ResultSet rs = sql.executeQuery()) {
                while (rs.next()) {
                    roles.add(rs.getString(1));
                }
            }
            return roles;
        }
    }

    private static int queryInt(String query, Object parameter) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement sql = c.prepareStatement(query)) {
            sql.setObject(1, parameter);
            try (ResultSet rs = sql.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
