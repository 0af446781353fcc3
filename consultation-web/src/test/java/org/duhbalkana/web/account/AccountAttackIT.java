package org.duhbalkana.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Attacks on accounts, staff and sessions on the running site (MariaDB, demo mode): a blocked
 * administrator's next request, a demoted reviewer, sessions left open elsewhere after a new
 * password, a moderator blocking an administrator, an administrator unblocking from the page,
 * guesses sent all at once, the current password left out or guessed, and redirects off the site.
 * Each test makes its own accounts (copies of a demo account with the demo password), so that
 * the tests do not depend on one another; each checks what the database holds afterwards.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountAttackIT {

    private static MariaDbSite mariaDb;
    private static TestDatabase db;
    private static RunningSite site;
    private static Instant expiredCounterWritten;

    @BeforeAll
    static void start() throws SQLException {
        mariaDb = MariaDbSite.startWithDemoAccounts("account-attack");
        db = mariaDb.db();
        site = mariaDb.site();
        // A counter whose window ended an hour ago: the purge must take it (checked by the last test).
        update("INSERT INTO throttle (scope, subject, attempts, window_start, last_attempt, expires_at, version) "
                + "VALUES ('SIGNIN_ACCOUNT', ?, 3, ?, ?, ?, 0)", "f".repeat(64),
                java.sql.Timestamp.valueOf("2026-01-01 08:00:00"), java.sql.Timestamp.valueOf("2026-01-01 08:00:00"),
                java.sql.Timestamp.valueOf("2026-01-01 09:00:00"));
        expiredCounterWritten = Instant.now();
    }

    @AfterAll
    static void stop() {
        if (mariaDb != null) {
            mariaDb.close();
        }
    }

    // ----- staff

    @Test
    @Order(1)
    void aBlockedAdministratorsNextRequestIsRefusedAndAnotherAdministratorUnblocksThemFromThePage() throws SQLException {
        long victim = newAccount("admin.a@demo.example", "ADMINISTRATOR");
        newAccount("admin.b@demo.example", "ADMINISTRATOR");
        long bystander = newAccount("bystander.a@demo.example");
        WebSession first = WebSession.signedIn(site, "admin.a@demo.example", DemoAccounts.PASSWORD);
        WebSession second = WebSession.signedIn(site, "admin.b@demo.example", DemoAccounts.PASSWORD);
        Page firstsPage = first.get("/admin/accounts.xhtml");
        assertThat(firstsPage.status()).isEqualTo(200);

        Page seconds = second.get("/admin/accounts.xhtml");
        Page blocked = second.submit(seconds, "accounts", Map.of("query", ""), "rows:" + rowOf(seconds, victim) + ":block");
        assertThat(blocked.status()).isEqualTo(200);
        assertThat(status(victim)).isEqualTo("BLOCKED");
        assertThat(audit("ACCOUNT_BLOCKED", victim)).isEqualTo(1);

        // The blocked administrator's next request: an action from the page they had open, then the page.
        Page grant = first.submit(firstsPage, "accounts", Map.of("query", ""),
                "rows:" + rowOf(firstsPage, bystander) + ":roles:0:toggle");
        assertThat(grant.status()).isIn(302, 403);
        assertThat(roles(bystander)).isEmpty();
        assertThat(signInRedirect(first.get("/admin/accounts.xhtml"))).isTrue();
        assertThat(signInRedirect(first.get("/account/profile.xhtml"))).as("signed out").isTrue();
        assertThat(first.signIn("admin.a@demo.example", DemoAccounts.PASSWORD).status()).as("cannot sign in").isEqualTo(200);

        // Unblocked from the page, audited; the old session stays ended, a new sign-in works.
        Page again = second.get("/admin/accounts.xhtml");
        assertThat(again.body()).contains("Blocked");
        second.submit(again, "accounts", Map.of("query", ""), "rows:" + rowOf(again, victim) + ":unblock");
        assertThat(status(victim)).isEqualTo("ACTIVE");
        assertThat(audit("ACCOUNT_UNBLOCKED", victim)).isEqualTo(1);
        assertThat(signInRedirect(first.get("/admin/accounts.xhtml"))).isTrue();
        assertThat(WebSession.signedIn(site, "admin.a@demo.example", DemoAccounts.PASSWORD).get("/admin/accounts.xhtml")
                .status()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void anAdministratorCannotBlockThemselves() throws SQLException {
        long admin = newAccount("admin.c@demo.example", "ADMINISTRATOR");
        WebSession session = WebSession.signedIn(site, "admin.c@demo.example", DemoAccounts.PASSWORD);
        Page page = session.get("/admin/accounts.xhtml");
        Page refused = session.submit(page, "accounts", Map.of("query", ""), "rows:" + rowOf(page, admin) + ":block");
        assertThat(refused.messages()).anyMatch(m -> m.contains("only an administrator blocks"));
        assertThat(status(admin)).isEqualTo("ACTIVE");
        assertThat(audit("ACCOUNT_BLOCKED", admin)).isZero();
    }

    @Test
    @Order(3)
    void aModeratorCannotBlockAnAdministratorOrAModeratorButBlocksACitizen() throws SQLException {
        long admin = newAccount("admin.d@demo.example", "ADMINISTRATOR");
        long otherModerator = newAccount("moderator.b@demo.example", "MODERATOR");
        long citizen = newAccount("citizen.d@demo.example");
        newAccount("moderator.a@demo.example", "MODERATOR");
        for (String email : List.of("admin.d@demo.example", "moderator.b@demo.example", "citizen.d@demo.example")) {
            comment(WebSession.signedIn(site, email, DemoAccounts.PASSWORD), "Flag me " + email);
            update("UPDATE round_comment SET status = 'PENDING', flag_count = 1 WHERE body = ?", "Flag me " + email); // flagged: under review
        }
        WebSession moderator = WebSession.signedIn(site, "moderator.a@demo.example", DemoAccounts.PASSWORD);

        for (long staff : List.of(admin, otherModerator)) {
            Page queue = moderator.get("/moderation/queue.xhtml");
            Page refused = moderator.submit(queue, "queue", Map.of(), "rows:" + queueRowOf(queue, commentOf(staff)) + ":block");
            assertThat(refused.messages()).as("account " + staff).anyMatch(m -> m.contains("only an administrator blocks"));
            assertThat(status(staff)).isEqualTo("ACTIVE");
            assertThat(audit("ACCOUNT_BLOCKED", staff)).isZero();
        }
        Page queue = moderator.get("/moderation/queue.xhtml");
        moderator.submit(queue, "queue", Map.of(), "rows:" + queueRowOf(queue, commentOf(citizen)) + ":block");
        assertThat(status(citizen)).isEqualTo("BLOCKED");
        assertThat(audit("ACCOUNT_BLOCKED", citizen)).isEqualTo(1);
    }

    // ----- roles and passwords take effect at once

    @Test
    @Order(4)
    void aReviewerDemotedFromThePageIsSignedOutAtTheNextRequest() throws SQLException {
        long reviewer = newAccount("reviewer.b@demo.example");
        update("INSERT INTO reviewer_grant (account_id, municipality_id) SELECT ?, id FROM municipality WHERE code = 'zajecar'",
                reviewer);
        WebSession session = WebSession.signedIn(site, "reviewer.b@demo.example", DemoAccounts.PASSWORD);
        assertThat(session.get("/review/queue.xhtml?slug=lokalni-proizvodi-2027").status()).isEqualTo(200);

        WebSession admin = WebSession.signedIn(site, "admin@demo.example", DemoAccounts.PASSWORD);
        Page page = admin.get("/admin/accounts.xhtml");
        admin.submit(page, "accounts", Map.of("query", ""), "rows:" + rowOf(page, reviewer) + ":reviews:0:revokeReviewer");
        assertThat(queryInt("SELECT COUNT(*) FROM reviewer_grant WHERE account_id = ?", reviewer)).isZero();

        assertThat(signInRedirect(session.get("/review/queue.xhtml?slug=lokalni-proizvodi-2027"))).isTrue();
        assertThat(signInRedirect(session.get("/account/profile.xhtml"))).isTrue();
        // Signed in again, as what they are now.
        WebSession fresh = WebSession.signedIn(site, "reviewer.b@demo.example", DemoAccounts.PASSWORD);
        assertThat(fresh.get("/review/queue.xhtml?slug=lokalni-proizvodi-2027").status()).isEqualTo(403);
    }

    @Test
    @Order(5)
    void aRoleTakenAwayInTheDatabaseCountsFromTheNextRequest() throws SQLException {
        long moderator = newAccount("moderator.c@demo.example", "MODERATOR");
        WebSession session = WebSession.signedIn(site, "moderator.c@demo.example", DemoAccounts.PASSWORD);
        assertThat(session.get("/moderation/queue.xhtml").status()).isEqualTo(200);

        // Changed behind the application's back: no credentials version raised, only the groups read again.
        update("DELETE FROM account_role WHERE account_id = ?", moderator);
        assertThat(session.get("/moderation/queue.xhtml").status()).isEqualTo(403);
        assertThat(session.get("/account/profile.xhtml").status()).as("still signed in as a citizen").isEqualTo(200);
        update("UPDATE account SET status = 'BLOCKED' WHERE id = ?", moderator);
        assertThat(signInRedirect(session.get("/account/profile.xhtml"))).as("blocked: signed out").isTrue();
    }

    @Test
    @Order(6)
    void aNewPasswordEndsTheOtherSessionsAndNeedsTheCurrentOne() throws SQLException {
        long account = newAccount("password.a@demo.example");
        WebSession here = WebSession.signedIn(site, "password.a@demo.example", DemoAccounts.PASSWORD);
        WebSession elsewhere = WebSession.signedIn(site, "password.a@demo.example", DemoAccounts.PASSWORD);
        String hashBefore = queryString("SELECT password_hash FROM account WHERE id = ?", account);

        Page missing = here.submit(here.get("/account/profile.xhtml"), "password",
                Map.of("currentPassword", "", "newPassword", "a new password 2026"), "change");
        assertThat(missing.messages()).isNotEmpty();
        Page wrong = here.submit(here.get("/account/profile.xhtml"), "password",
                Map.of("currentPassword", "not the password", "newPassword", "a new password 2026"), "change");
        assertThat(wrong.messages()).contains("The current password is not right.");
        assertThat(queryString("SELECT password_hash FROM account WHERE id = ?", account)).isEqualTo(hashBefore);
        assertThat(elsewhere.get("/account/profile.xhtml").status()).isEqualTo(200);

        Page changed = here.submit(here.get("/account/profile.xhtml"), "password",
                Map.of("currentPassword", DemoAccounts.PASSWORD, "newPassword", "a new password 2026"), "change");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(queryString("SELECT password_hash FROM account WHERE id = ?", account)).isNotEqualTo(hashBefore);
        assertThat(here.get("/account/profile.xhtml").status()).as("the session that changed it goes on").isEqualTo(200);
        assertThat(signInRedirect(elsewhere.get("/account/profile.xhtml"))).as("the other one ends").isTrue();
        assertThat(new WebSession(site, "en").signIn("password.a@demo.example", DemoAccounts.PASSWORD).status()).isEqualTo(200);
        assertThat(new WebSession(site, "en").signIn("password.a@demo.example", "a new password 2026").status()).isEqualTo(302);
    }

    @Test
    @Order(7)
    void deletingTheAccountNeedsTheCurrentPasswordUnderTheSignInThrottle() throws Exception {
        long account = newAccount("delete.a@demo.example");
        WebSession session = WebSession.signedIn(site, "delete.a@demo.example", DemoAccounts.PASSWORD);

        Page without = session.post("/account/profile.xhtml", withViewState(session.get("/account/profile.xhtml"), "delete",
                Map.of("delete:confirm", "x")));
        assertThat(without.status()).isEqualTo(200);
        assertThat(status(account)).isEqualTo("ACTIVE");
        for (int i = 0; i < 7; i++) {
            if (i >= 5) {
                // past the free five, each guess may come only after a wait that doubles: 2 s, 4 s, then 8 s
                Thread.sleep((2000L << (i - 5)) + 200);
            }
            Page wrong = session.submit(session.get("/account/profile.xhtml"), "delete",
                    Map.of("password", "guess " + i), "confirm");
            assertThat(wrong.messages()).as("guess " + i).contains("The current password is not right.");
        }
        // The next one, though right, waits (8 s): guessing the current password is guessing a password.
        Page right = session.submit(session.get("/account/profile.xhtml"), "delete",
                Map.of("password", DemoAccounts.PASSWORD), "confirm");
        assertThat(right.messages()).singleElement().asString().startsWith("Too many attempts");
        assertThat(status(account)).isEqualTo("ACTIVE");
        assertThat(queryString("SELECT email FROM account WHERE id = ?", account)).isEqualTo("delete.a@demo.example");
    }

    // ----- brute force

    @Test
    @Order(8)
    void thirtyWrongGuessesAtOnceAreNotAllEvaluated() throws Exception {
        newAccount("guessed@demo.example");
        int guesses = 30;
        // Each guesser loads the form, then all send their guess at the same moment (HTTP/1.1, a
        // connection each, as thirty browsers or a script's thirty sockets would).
        CountDownLatch loaded = new CountDownLatch(guesses);
        CountDownLatch go = new CountDownLatch(1);
        long began;
        ExecutorService pool = Executors.newFixedThreadPool(guesses);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < guesses; i++) {
                int n = i;
                answers.add(pool.submit(() -> {
                    java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                            .version(java.net.http.HttpClient.Version.HTTP_1_1)
                            .cookieHandler(new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL))
                            .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
                    java.net.http.HttpResponse<String> form;
                    try {
                        form = client.send(java.net.http.HttpRequest.newBuilder(site.uri("/account/sign-in.xhtml"))
                                .header("Accept-Language", "en").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                    } finally {
                        loaded.countDown();
                    }
                    Page page = new Page(form.statusCode(), form.body(), form.headers().map(), form.uri());
                    Map<String, String> fields = new java.util.LinkedHashMap<>(page.hiddenFields("signIn"));
                    fields.put("signIn", "signIn");
                    fields.put("signIn:email", "guessed@demo.example");
                    fields.put("signIn:password", "wrong guess " + n);
                    fields.put("signIn:submit", "x");
                    String body = fields.entrySet().stream().map(e -> java.net.URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                            + "=" + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                            .collect(java.util.stream.Collectors.joining("&"));
                    go.await();
                    return client.send(java.net.http.HttpRequest.newBuilder(site.uri("/").resolve(page.formAction("signIn")))
                            .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "en")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode();
                }));
            }
            loaded.await();
            began = System.nanoTime();
            go.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        // Every guess that was evaluated was counted before its password was looked at: five, and
        // one more for each wait (2 s, 4 s, 8 s …) that could have passed while the thirty were
        // answered on this shared machine; without the locked step nearly all thirty get through.
        String hashed = keyed("guessed@demo.example");
        int evaluated = queryInt("SELECT attempts FROM throttle WHERE scope = 'SIGNIN_ACCOUNT' AND subject = ?", hashed);
        assertThat(evaluated).as("within %s", took).isBetween(1, allowedWithin(took));

        // The counters hold keyed hashes, never the plain SHA-256 of the address or of the client's address.
        for (String subject : List.of("guessed@demo.example", "127.0.0.1", "0:0:0:0:0:0:0:1", "::1")) {
            assertThat(queryInt("SELECT COUNT(*) FROM throttle WHERE subject = ?", sha256(subject))).as(subject).isZero();
        }
        assertThat(queryInt("SELECT COUNT(*) FROM throttle WHERE scope = 'SIGNIN_ADDRESS' AND subject IN (?, ?)",
                keyed("127.0.0.1"), keyed("0:0:0:0:0:0:0:1"))).isEqualTo(1);
    }

    /** How many attempts the sign-in rule lets through in this time: five, then one after each doubling wait. */
    private static int allowedWithin(Duration time) {
        int allowed = 5;
        long waited = 0;
        for (int over = 0; ; over++) {
            waited += Math.min(1L << (over + 1), 900);
            if (waited > time.toSeconds() + 1) {
                return allowed;
            }
            allowed++;
        }
    }

    // ----- redirects

    @Test
    @Order(9)
    void noRedirectLeavesTheSite() {
        List<String> paths = List.of(
                "//evil.example/x?lang=en",
                "///evil.example/x?lang=en",
                "/\\evil.example/x?lang=en",
                "/%2F%2Fevil.example?lang=en",
                "/%5Cevil.example?lang=en",
                "/?lang=en&back=https://evil.example/",
                "//evil.example/admin/accounts.xhtml",
                "//evil.example/account/profile.xhtml?lang=bg",
                "/account/sign-in.xhtml?lang=sr-Latn&next=//evil.example/");
        for (String path : paths) {
            RawAnswer answer = raw(path);
            assertThat(answer.status()).as(path).isBetween(200, 499);
            if (answer.location() != null) {
                assertThat(leavesSite(answer.location())).as(path + " -> " + answer.location()).isFalse();
            }
            assertThat(answer.body()).as(path).doesNotContain("href=\"//evil").doesNotContain("href=\"/\\");
        }
        // The language switch still works, and keeps the other parameters.
        RawAnswer switched = raw("/consultations/index.xhtml?lang=bg&page=2");
        assertThat(switched.status()).isEqualTo(303);
        assertThat(switched.location()).isEqualTo("/consultations/index.xhtml?page=2");

        // Sign-in's return address: only a path of this site.
        for (String next : List.of("//evil.example/", "/\\evil.example/", "https://evil.example/", "/\t/evil.example/",
                "\\\\evil.example", "http:evil.example")) {
            WebSession visitor = new WebSession(site, "en");
            Page form = visitor.get("/account/sign-in.xhtml?next=" + java.net.URLEncoder.encode(next, StandardCharsets.UTF_8));
            Page signedIn = visitor.submit(form, "signIn", Map.of("email", "organizer@demo.example",
                    "password", DemoAccounts.PASSWORD), "submit");
            assertThat(signedIn.status()).as(next).isEqualTo(302);
            assertThat(leavesSite(signedIn.location())).as(next + " -> " + signedIn.location()).isFalse();
            assertThat(site.uri("/").resolve(signedIn.location()).getPath()).isEqualTo("/account/profile.xhtml");
        }
        WebSession visitor = new WebSession(site, "en");
        Page form = visitor.get("/account/sign-in.xhtml?next=%2Fcampaigns%2Findex.xhtml%3Fpage%3D1");
        assertThat(visitor.submit(form, "signIn", Map.of("email", "organizer@demo.example", "password", DemoAccounts.PASSWORD),
                "submit").location()).endsWith("/campaigns/index.xhtml?page=1");
    }

    // ----- what is kept

    @Test
    @Order(100)
    void countersGoWhenTheirWindowHasEnded() throws Exception {
        Instant deadline = expiredCounterWritten.plus(Duration.ofSeconds(150));
        while (queryInt("SELECT COUNT(*) FROM throttle WHERE subject = ?", "f".repeat(64)) > 0) {
            assertThat(Instant.now()).as("the purge runs every minute").isBefore(deadline);
            Thread.sleep(1000);
        }
        assertThat(queryInt("SELECT COUNT(*) FROM throttle WHERE expires_at < ?",
                java.sql.Timestamp.valueOf(java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(2)))).isZero();
    }

    // ----- helpers

    /** A new verified account with the demo password (a copy of a demo account's hash) and these roles. */
    private static long newAccount(String email, String... roles) throws SQLException {
        update("INSERT INTO account (email, display_name, password_hash, municipality_id, country, language, status, "
                + "email_verified_at, created_at, version) SELECT ?, ?, password_hash, municipality_id, country, 'en', 'ACTIVE', "
                + "email_verified_at, created_at, 0 FROM account WHERE email = 'citizen@demo.example'", email,
                "Test " + email.substring(0, email.indexOf('@')));
        long id = queryInt("SELECT id FROM account WHERE email = ?", email);
        for (String role : roles) {
            update("INSERT INTO account_role (account_id, role) VALUES (?, ?)", id, role);
        }
        return id;
    }

    private static void comment(WebSession session, String text) {
        String path = "/consultations/view.xhtml?slug=prekogranicni-turizam-2027";
        Page page = session.get(path);
        session.submit(page, "comment", Map.of("section", "0", "stance", "NEUTRAL", "text", text), "submit");
    }

    private static long commentOf(long author) throws SQLException {
        return queryInt("SELECT MAX(id) FROM round_comment WHERE author_id = ?", author);
    }

    private static Map<String, String> withViewState(Page page, String formId, Map<String, String> fields) {
        Map<String, String> form = new java.util.LinkedHashMap<>(page.hiddenFields(formId));
        form.put(formId, formId);
        form.putAll(fields);
        return form;
    }

    private static boolean signInRedirect(Page page) {
        return page.status() == 302 && page.location() != null && page.location().contains("/account/sign-in.xhtml");
    }

    private static int rowOf(Page page, long accountId) {
        return indexOf(page, "<tr id=\"account-(\\d+)\"", accountId);
    }

    private static int queueRowOf(Page page, long commentId) {
        return indexOf(page, "<tr id=\"flagged-(\\d+)\"", commentId);
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

    /**
     * Whether a browser would leave the site following this {@code Location}: browsers drop tabs
     * and line breaks, read a backslash as a slash, and take {@code //host} as another host.
     */
    static boolean leavesSite(String location) {
        String read = location.strip().replaceAll("[\\t\\r\\n]", "").replace('\\', '/');
        if (read.startsWith("//")) {
            return true;
        }
        if (read.matches("(?i)^[a-z][a-z0-9+.-]*:.*")) {
            URI uri = URI.create(read.replace(" ", "%20"));
            return uri.getHost() == null || !uri.getHost().equals("localhost") || uri.getPort() != site.port();
        }
        return false;
    }

    private record RawAnswer(int status, String location, String body) {
    }

    /** A request sent exactly as written (no client tidies the path), redirects not followed. */
    private static RawAnswer raw(String path) {
        try (Socket socket = new Socket("localhost", site.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost:" + site.port() + "\r\nAccept-Language: en\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String body = end < 0 ? "" : text.substring(end + 4);
            String[] lines = head.split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            String location = null;
            for (String line : lines) {
                if (line.toLowerCase(Locale.ROOT).startsWith("location:")) {
                    location = line.substring("location:".length()).strip();
                }
            }
            return new RawAnswer(status, location, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The throttle's keyed hash of a subject, with the site's secret read from the database. */
    private static String keyed(String subject) throws Exception {
        String secret = queryString("SELECT secret FROM site_secret WHERE name = ?", "throttle");
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(java.util.Base64.getUrlDecoder().decode(secret), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(subject.getBytes(StandardCharsets.UTF_8)));
    }

    private static String sha256(String subject) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8)));
    }

    private static String status(long accountId) throws SQLException {
        return queryString("SELECT status FROM account WHERE id = ?", accountId);
    }

    private static int audit(String action, long accountId) throws SQLException {
        return queryInt("SELECT COUNT(*) FROM audit_event WHERE action = ? AND subject = ?", action, "account " + accountId);
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

    private static void update(String statement, Object... parameters) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement sql = c.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                sql.setObject(i + 1, parameters[i]);
            }
            sql.executeUpdate();
        }
    }

    private static int queryInt(String query, Object... parameters) throws SQLException {
        String value = queryString(query, parameters);
        return value == null ? 0 : Integer.parseInt(value);
    }

    private static String queryString(String query, Object... parameters) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement sql = c.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                sql.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = sql.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
