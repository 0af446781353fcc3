package org.duhbalkana.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Abuse resistance of accounts on the running site (MariaDB, demo accounts, mail kept in the
 * outbox table): throttled sign-in, no account enumeration, forged and replayed forms refused,
 * session id renewed at sign-in, bad input refused with a message and nothing stored, mailed
 * links that work once, security headers on every kind of response.
 */
class AccountSecurityIT {

    private static MariaDbSite mariaDb;
    private static TestDatabase db;
    private static RunningSite site;

    @BeforeAll
    static void start() {
        mariaDb = MariaDbSite.startWithDemoAccounts("account-security");
        db = mariaDb.db();
        site = mariaDb.site();
    }

    @AfterAll
    static void stop() {
        if (mariaDb != null) {
            mariaDb.close();
        }
    }

    @Test
    void repeatedWrongPasswordsMakeTheAccountWaitEvenWithTheRightOne() {
        WebSession visitor = new WebSession(site, "en");
        for (int i = 0; i < 5; i++) {
            Page failed = visitor.signIn("moderator@demo.example", "not the password " + i);
            assertThat(failed.status()).isEqualTo(200);
            assertThat(failed.messages()).containsExactly("The e-mail address or the password is not right.");
        }
        Page throttled = visitor.signIn("moderator@demo.example", DemoAccounts.PASSWORD);
        assertThat(throttled.status()).isEqualTo(200);
        assertThat(throttled.messages()).singleElement().asString().startsWith("Too many attempts");

        // Another account from the same address is not held back by this one's failures.
        assertThat(new WebSession(site, "en").signIn("organizer@demo.example", DemoAccounts.PASSWORD).status())
                .isEqualTo(302);
    }

    @Test
    void signInSaysTheSameForAnUnknownAddressAndAWrongPassword() {
        Page unknown = new WebSession(site, "sr-Latn").signIn("nobody@demo.example", "some password 1");
        Page wrong = new WebSession(site, "sr-Latn").signIn("citizen@demo.example", "some password 1");

        assertThat(unknown.messages()).isEqualTo(wrong.messages()).hasSize(1);
        assertThat(withoutViewState(unknown.body()).replace("nobody@demo.example", "ADDRESS"))
                .isEqualTo(withoutViewState(wrong.body()).replace("citizen@demo.example", "ADDRESS"));
    }

    @Test
    void signingUpWithAKnownAddressLooksLikeAnyOtherSignUpAndTellsTheOwnerInstead() throws SQLException {
        Page known = signUp(new WebSession(site, "en"), "Marko Marković", "gragjanin@demo.example", "a good password 1", "2");
        Page fresh = signUp(new WebSession(site, "en"), "Marko Marković", "marko@example.org", "a good password 1", "2");

        assertThat(withoutViewState(known.body())).isEqualTo(withoutViewState(fresh.body()));
        assertThat(known.body()).contains("id=\"sent\"");
        assertThat(count("SELECT COUNT(*) FROM account WHERE email = 'gragjanin@demo.example'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM account WHERE email = 'marko@example.org'")).isEqualTo(1);
        // The owner of the known address is told in their own language (the demo account reads Bulgarian).
        assertThat(count("SELECT COUNT(*) FROM mail_message WHERE recipient = 'gragjanin@demo.example' "
                + "AND subject = 'Някой се опита да се регистрира с вашия адрес'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM mail_message WHERE recipient = 'marko@example.org' "
                + "AND subject = 'Confirm your e-mail address'")).isEqualTo(1);
    }

    @Test
    void askingToResetAnUnknownAddressLooksTheSameAsAKnownOne() throws SQLException {
        WebSession visitor = new WebSession(site, "bg");
        Page known = visitor.submit(visitor.get("/account/forgot.xhtml"), "forgot",
                Map.of("email", "reviewer.vidin@demo.example"), "submit");
        Page unknown = visitor.submit(visitor.get("/account/forgot.xhtml"), "forgot",
                Map.of("email", "no-such-person@demo.example"), "submit");

        assertThat(withoutViewState(known.body())).isEqualTo(withoutViewState(unknown.body()));
        assertThat(count("SELECT COUNT(*) FROM mail_message WHERE recipient = 'reviewer.vidin@demo.example'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM mail_message WHERE recipient = 'no-such-person@demo.example'")).isZero();
    }

    @Test
    void aFormWithoutOrWithAnotherSessionsViewStateChangesNothing() throws SQLException {
        WebSession citizen = WebSession.signedIn(site, "citizen@demo.example", DemoAccounts.PASSWORD);
        WebSession attacker = WebSession.signedIn(site, "organizer@demo.example", DemoAccounts.PASSWORD);

        // Sign-out without any view state (a cross-site form post would look like this).
        citizen.post("/account/profile.xhtml", Map.of("signOut", "signOut", "signOut:submit", "x"));
        assertThat(citizen.get("/account/profile.xhtml").status()).isEqualTo(200);

        // Deleting the account with the attacker's own, valid view state replayed into the citizen's session.
        Page attackersProfile = attacker.get("/account/profile.xhtml");
        Map<String, String> forged = new LinkedHashMap<>(attackersProfile.hiddenFields("delete"));
        forged.put("delete", "delete");
        forged.put("delete:password", DemoAccounts.PASSWORD);
        forged.put("delete:confirm", "x");
        Page replayed = citizen.post("/account/profile.xhtml", forged);
        assertThat(replayed.body()).contains("The page has expired");
        assertThat(citizen.get("/account/profile.xhtml").status()).isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM account WHERE email = 'citizen@demo.example' AND status = 'ACTIVE'"))
                .isEqualTo(1);
    }

    @Test
    void theSessionIdChangesAtSignInAndItsCookieIsHttpOnlyAndSameSite() {
        WebSession visitor = new WebSession(site, "en");
        Page form = visitor.get("/account/sign-in.xhtml");
        String before = sessionCookie(form);
        Page signedIn = visitor.submit(form, "signIn", Map.of("email", "admin@demo.example",
                "password", DemoAccounts.PASSWORD), "submit");
        String after = sessionCookie(signedIn);

        assertThat(before).isNotNull().containsIgnoringCase("HttpOnly");
        assertThat(after).isNotNull().containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(value(after)).isNotEqualTo(value(before));
    }

    @Test
    void mailedLinksWorkOnceAndUnknownOnesSaySo() throws SQLException {
        WebSession visitor = new WebSession(site, "en");
        signUp(visitor, "Vesna Ilić", "vesna@example.org", "a good password 2", "3");
        String link = lastLink("vesna@example.org", "/account/verify.xhtml");

        Page first = visitor.get(link);
        Page confirmed = visitor.submit(first, "link", Map.of(), "submit");
        assertThat(confirmed.messages()).contains("Your address is confirmed. You can now sign in and take part.");
        assertThat(count("SELECT COUNT(*) FROM account WHERE email = 'vesna@example.org' AND email_verified_at IS NOT NULL"))
                .isEqualTo(1);

        Page again = visitor.get(link);
        assertThat(again.messages()).contains("This link has been used already; each link works once. Ask for a new one if you need it.");
        assertThat(again.body()).doesNotContain("id=\"link:submit\"");

        Page unknown = visitor.get("/account/verify.xhtml?token=not-a-token");
        assertThat(unknown.messages()).contains("This link is not valid. Copy the whole link from the mail, or ask for a new one.");
    }

    static List<Arguments> badSignUps() {
        String longText = "a".repeat(10_000);
        return List.of(
                Arguments.of("empty name", "", "ok@example.org", "a good password", "en", "name", "This field is required."),
                Arguments.of("overlong name", longText, "ok@example.org", "a good password", "en", "name", "Give your name in letters"),
                Arguments.of("mixed scripts", "Miлица Ilić", "ok@example.org", "a good password", "en", "name", "one alphabet per word"),
                Arguments.of("emoji", "Milica 😀", "ok@example.org", "a good password", "en", "name", "Give your name in letters"),
                Arguments.of("script tag", "<script>alert(1)</script>", "ok@example.org", "a good password", "en", "name", "Give your name"),
                Arguments.of("SQL", "Robert'); DROP TABLE account;--", "ok@example.org", "a good password", "en", "name", "Give your name"),
                Arguments.of("NUL byte", "Mil\u0000ica", "ok@example.org", "a good password", "en", "name", "Give your name"),
                Arguments.of("malformed e-mail", "Milica Ilić", "not-an-address", "a good password", "en", "email", "Give a valid e-mail address"),
                Arguments.of("overlong e-mail", "Milica Ilić", longText + "@example.org", "a good password", "en", "email", "Give a valid e-mail address"),
                Arguments.of("HTML e-mail", "Milica Ilić", "<b>x</b>@example.org", "a good password", "en", "email", "Give a valid e-mail address"),
                Arguments.of("short password", "Milica Ilić", "ok@example.org", "short", "en", "password", "Choose a password of 10 to 128"),
                Arguments.of("overlong password", "Milica Ilić", "ok@example.org", longText, "en", "password", "Choose a password of 10 to 128"),
                Arguments.of("NUL in password", "Milica Ilić", "ok@example.org", "a good\u0000password", "en", "password", "Choose a password"),
                Arguments.of("in Bulgarian", "", "ok@example.org", "a good password", "bg", "name", "Това поле е задължително."),
                Arguments.of("in Serbian Cyrillic", "Milica Ilić", "nije-adresa", "a good password", "sr-Cyrl", "email", "Унесите исправну"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSignUps")
    void badInputIsRefusedWithAMessageInTheVisitorsLanguageAndStoresNothing(String what, String name, String email,
            String password, String language, String field, String message) throws SQLException {
        int accounts = count("SELECT COUNT(*) FROM account");
        int mails = count("SELECT COUNT(*) FROM mail_message");

        Page page = signUp(new WebSession(site, language), name, email, password, "2");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("id=\"sent\"").doesNotContain("<script>alert(1)</script>");
        assertThat(page.fieldError("signUp", field)).contains(message);
        assertThat(count("SELECT COUNT(*) FROM account")).isEqualTo(accounts);
        assertThat(count("SELECT COUNT(*) FROM mail_message")).isEqualTo(mails);
    }

    @Test
    void theHoneypotQuietlyCreatesNothing() throws SQLException {
        WebSession robot = new WebSession(site, "en");
        Page form = robot.get("/account/sign-up.xhtml");
        Page page = robot.submit(form, "signUp", Map.of("name", "Robot Robotić", "email", "robot@example.org",
                "password", "a good password", "home", "2", "preferredLanguage", "en", "website", "http://spam.example"),
                "submit");

        assertThat(page.body()).contains("id=\"sent\"");
        assertThat(count("SELECT COUNT(*) FROM account WHERE email = 'robot@example.org'")).isZero();
    }

    @Test
    void everyKindOfResponseCarriesTheSecurityHeaders() {
        WebSession visitor = new WebSession(site, "en");
        List<Page> responses = List.of(
                visitor.get("/account/profile.xhtml"),                                   // 302 to sign in
                WebSession.signedIn(site, "citizen@demo.example", DemoAccounts.PASSWORD).get("/admin/audit.xhtml"), // 403
                visitor.get("/nothing/here"),                                            // 404
                visitor.signIn("citizen@demo.example", "wrong password 1"),              // POST answer
                visitor.get("/account/sign-up.xhtml"));                                  // 200
        assertThat(responses).extracting(Page::status).containsExactly(302, 403, 404, 200, 200);
        for (Page page : responses) {
            assertThat(page.header("Content-Security-Policy")).as(page.uri() + " " + page.status())
                    .contains("frame-ancestors 'none'");
            assertThat(page.header("X-Content-Type-Options")).as(page.uri().toString()).isEqualTo("nosniff");
            assertThat(page.header("Referrer-Policy")).as(page.uri().toString()).isEqualTo("strict-origin-when-cross-origin");
        }
    }

    private static Page signUp(WebSession visitor, String name, String email, String password, String home) {
        Page form = visitor.get("/account/sign-up.xhtml");
        return visitor.submit(form, "signUp", Map.of("name", name, "email", email, "password", password, "home", home,
                "country", "", "preferredLanguage", "en", "website", ""), "submit");
    }

    private static String lastLink(String recipient, String path) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement sql = c.prepareStatement(
                     "SELECT body FROM mail_message WHERE recipient = ? ORDER BY id DESC LIMIT 1")) {
            sql.setString(1, recipient);
            try (ResultSet rs = sql.executeQuery()) {
                assertThat(rs.next()).as("a mail to " + recipient).isTrue();
                Matcher m = Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(path) + "\\S*)").matcher(rs.getString(1));
                assertThat(m.find()).as("a link to " + path).isTrue();
                return m.group(1);
            }
        }
    }

    private static String sessionCookie(Page page) {
        List<String> cookies = page.headers().getOrDefault("set-cookie", List.of());
        return cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElse(null);
    }

    private static String value(String cookie) {
        return cookie.substring("JSESSIONID=".length(), cookie.indexOf(';'));
    }

    private static String withoutViewState(String body) {
        return body.replaceAll("value=\"[^\"]*:[^\"]*\" autocomplete=\"off\"", "");
    }

    private static int count(String query) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement sql = c.prepareStatement(query);
             ResultSet rs = sql.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void signingInWhereNoLanguageWasChosenFollowsTheProfileAndAChoiceMadeThereStays() {
        // Vidin's reviewer keeps Bulgarian in the profile; this browser asks for English and chose nothing.
        WebSession fresh = WebSession.withoutLanguageChoice(site, "en");
        assertThat(fresh.get("/account/sign-in.xhtml").body()).containsPattern("<html[^>]*lang=\"en\"");
        Page signedIn = fresh.signIn("reviewer.vidin@demo.example", DemoAccounts.PASSWORD);
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.headers().get("set-cookie")).anySatisfy(c -> assertThat(c).startsWith("lang=bg"));
        assertThat(fresh.follow(signedIn).body()).containsPattern("<html[^>]*lang=\"bg\"").contains("Моят профил");

        // Where English was chosen on the device, it stays.
        WebSession chosen = new WebSession(site, "en");
        Page kept = chosen.signIn("reviewer.vidin@demo.example", DemoAccounts.PASSWORD);
        assertThat(kept.headers().getOrDefault("set-cookie", java.util.List.of())).noneMatch(c -> c.startsWith("lang="));
        assertThat(chosen.follow(kept).body()).containsPattern("<html[^>]*lang=\"en\"");
    }
}
