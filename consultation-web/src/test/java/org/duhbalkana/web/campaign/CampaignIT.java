package org.duhbalkana.web.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duhbalkana.campaign.DemoCampaigns;
import org.duhbalkana.testing.TestDatabase;
import org.duhbalkana.web.testing.Http;
import org.duhbalkana.web.testing.Mailbox;
import org.duhbalkana.web.testing.RunningSite;
import org.duhbalkana.web.testing.WebSession;
import org.duhbalkana.web.testing.WebSession.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Campaigns and petitions on the running site (MariaDB, GreenMail, demo content): the open-data
 * API, signing through the API and the page, confirming by the mailed link, the batch count, and
 * a surge of 5,000 signing attempts from 50 threads with repeats, checked in the database.
 */
class CampaignIT {

    private static final String DANUBE = "dunav-bez-plastike";
    private static final Pattern TOKEN = Pattern.compile("/campaigns/confirm\\.xhtml\\?token=([A-Za-z0-9_-]+)");

    private static TestDatabase db;
    private static Mailbox mailbox;
    private static RunningSite site;

    @BeforeAll
    static void start() {
        db = TestDatabase.mariaDb();
        mailbox = new Mailbox();
        Map<String, String> env = new HashMap<>(db.environment());
        env.putAll(mailbox.environment());
        env.put("DEMO", "true");
        // Every attempt of this test comes from 127.0.0.1: lift the per-address and site-wide mail limits
        // (SigningAbuseIT checks them).
        env.put("JAVA_OPTS", "-Xmx768m");
        env.put("SIGNATURE_MAILS_PER_ADDRESS_HOUR", "100000");
        env.put("SIGNATURE_MAILS_PER_HOUR", "100000");
        site = RunningSite.configured("campaigns", env).start();
    }

    @AfterAll
    static void stop() {
        try {
            if (site != null) {
                site.close();
            }
        } finally {
            if (mailbox != null) {
                mailbox.close();
            }
            if (db != null) {
                db.close();
            }
        }
    }

    private static HttpResponse<String> api(String path) {
        return Http.get(site.uri("/api" + path), "Accept", "application/json");
    }

    private static HttpResponse<String> sign(String slug, String json) {
        return Http.send(HttpRequest.newBuilder(site.uri("/api/campaigns/" + slug + "/signatures"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static String signature(String name, String email, String place) {
        return "{\"name\":\"" + name + "\",\"email\":\"" + email + "\"," + place + ",\"consentSignature\":true,\"language\":\"en\"}";
    }

    private static HttpResponse<String> confirm(String token) {
        return Http.postForm(site.uri("/api/signatures/confirmation"), "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    @Test
    void theApiListsPublicCampaignsWithTheirCountsAndNoDraftsOrPersonalData() throws Exception {
        String list = api("/campaigns").body();
        assertThat(list).contains(DemoCampaigns.BIG_PETITION, DANUBE, "kulturna-ruta-knjazevac")
                .doesNotContain("ekoturizam-stara-planina").doesNotContain("lokalni-proizvodi-na-pijaci").doesNotContain("@");
        assertThat(api("/campaigns?status=CLOSED").body()).contains("kulturna-ruta-knjazevac").doesNotContain(DANUBE);
        HttpResponse<String> bad = api("/campaigns?status=DRAFT");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"parameter\":\"status\"");
        assertThat(api("/campaigns/ekoturizam-stara-planina").statusCode()).isEqualTo(404);
        assertThat(api("/campaigns/no-such-campaign").statusCode()).isEqualTo(404);

        // The demo petition's 24,000 signatures are counted by the batch job within seconds of start-up.
        String big = awaitCount(DemoCampaigns.BIG_PETITION, DemoCampaigns.BIG_PETITION_SIGNATURES);
        assertThat(big).contains("\"perCountry\"", "\"code\":\"zajecar\"", "\"responseDue\":true");
        assertThat(query("SELECT SUM(signatures) FROM signature_tally t JOIN campaign c ON c.id = t.campaign_id WHERE c.slug = '"
                + DemoCampaigns.BIG_PETITION + "'")).isEqualTo(Integer.toString(DemoCampaigns.BIG_PETITION_SIGNATURES));
    }

    @Test
    void badSignaturesAreRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        String place = "\"municipalityId\":" + query("SELECT id FROM municipality WHERE code = 'vidin'");
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("email", signature("Ана Иванова", "not-an-address", place));
        cases.put("name", signature("<b>Ana</b>", "bad-name@bad.example", place));
        cases.put("name ", signature("A".repeat(101), "long-name@bad.example", place));
        cases.put("consentSignature", "{\"name\":\"Ana Ilić\",\"email\":\"no-consent@bad.example\"," + place + ",\"consentSignature\":false}");
        cases.put("municipalityId", signature("Ana Ilić", "unknown-place@bad.example", "\"municipalityId\":99999"));
        cases.put("municipalityId ", signature("Ana Ilić", "no-place@bad.example", "\"consentUpdates\":false"));
        cases.put("country", signature("Ana Ilić", "bad-country@bad.example", "\"country\":\"Germany\""));
        cases.put("body", "[1, 2]");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            HttpResponse<String> response = sign(DANUBE, c.getValue());
            assertThat(response.statusCode()).as(c.getKey()).isEqualTo(400);
            assertThat(response.body()).as(c.getKey()).contains("\"parameter\":\"" + c.getKey().strip() + "\"");
        }
        HttpResponse<String> closed = sign("kulturna-ruta-knjazevac", signature("Ana Ilić", "late@bad.example", place));
        assertThat(closed.statusCode()).isEqualTo(409);
        assertThat(sign("ekoturizam-stara-planina", signature("Ana Ilić", "draft@bad.example", place)).statusCode()).isEqualTo(404);
        assertThat(sign("no-such-campaign", signature("Ana Ilić", "none@bad.example", place)).statusCode()).isEqualTo(404);

        assertThat(query("SELECT COUNT(*) FROM signature WHERE email LIKE '%@bad.example'")).isEqualTo("0");
        assertThat(mailbox.all()).noneMatch(m -> m.to().endsWith("@bad.example"));
    }

    @Test
    void aSecondAttemptIsAnsweredLikeTheFirstAndMailsTheOwnerInstead() throws Exception {
        String place = "\"country\":\"DE\"";
        HttpResponse<String> first = sign(DANUBE, signature("Petra Weiß", "Petra.Weiss+petition@Gmail.com", place));
        assertThat(first.statusCode()).isEqualTo(202);
        String token = token(mailbox.await("petra.weiss+petition@gmail.com", "Confirm your signature").body());
        assertThat(confirm(token).body()).contains("\"outcome\":\"CONFIRMED\"");
        HttpResponse<String> replayed = confirm(token);
        assertThat(replayed.statusCode()).isEqualTo(200);
        assertThat(replayed.body()).contains("ALREADY_CONFIRMED");

        // The same mailbox, written differently: same answer on screen, one row, a note to the owner.
        HttpResponse<String> again = sign(DANUBE, signature("Petra Weiss", "  petraweiss@gmail.com ", place));
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.body()).isEqualTo(first.body());
        // The note goes to the address that signed (the same mailbox).
        mailbox.await("petra.weiss+petition@gmail.com", "already signed");
        assertThat(mailbox.find("petraweiss@gmail.com", "")).isEmpty();
        assertThat(query("SELECT COUNT(*) FROM signature WHERE email_key = 'petraweiss@gmail.com'")).isEqualTo("1");

        assertThat(confirm("made-up-token").statusCode()).isEqualTo(404);

        // A robot filling the hidden field is told the same and leaves nothing behind.
        // (in the language it asks for, as anyone: the answer is written in the signer's language)
        HttpResponse<String> robot = sign(DANUBE, "{\"name\":\"Robot Robotić\",\"email\":\"robot@spam.example\",\"country\":\"DE\","
                + "\"consentSignature\":true,\"language\":\"en\",\"website\":\"http://spam.example\"}");
        assertThat(robot.statusCode()).isEqualTo(202);
        assertThat(robot.body()).isEqualTo(first.body());
        assertThat(query("SELECT COUNT(*) FROM signature WHERE email = 'robot@spam.example'")).isEqualTo("0");
    }

    @Test
    void aVisitorSignsOnThePageInBulgarianConfirmsByMailAndIsCounted() throws Exception {
        int before = count(DANUBE);
        WebSession visitor = new WebSession(site, "bg");
        Page page = visitor.get("/campaigns/view.xhtml?slug=" + DANUBE);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"bg\"", "Дунав без пластмаса");
        String vidin = query("SELECT id FROM municipality WHERE code = 'vidin'");

        Page missingConsent = visitor.submit(page, "sign", Map.of("name", "Иван Петров", "email", "ivan.petrov@abv.example",
                "home", vidin, "country", ""), "submit");
        assertThat(missingConsent.fieldError("sign", "consentSignature")).isNotBlank();
        assertThat(query("SELECT COUNT(*) FROM signature WHERE email = 'ivan.petrov@abv.example'")).isEqualTo("0");

        Page signed = visitor.submit(missingConsent, "sign", Map.of("name", "Иван Петров", "email", "ivan.petrov@abv.example",
                "home", vidin, "country", "", "consentSignature", "true", "consentUpdates", "true"), "submit");
        assertThat(String.join(" ", signed.messages())).contains("Проверете");

        Mailbox.Mail mail = mailbox.await("ivan.petrov@abv.example", "Дунав без пластмаса");
        // The name typed on the form is not in the mail: whoever typed it has not yet shown the address is theirs.
        assertThat(mail.body()).doesNotContain("Иван Петров");
        Page link = visitor.get(mail.link("/campaigns/confirm.xhtml").replaceFirst("https?://[^/]+", ""));
        assertThat(link.hasForm("link")).isTrue();
        assertThat(query("SELECT confirmed_at IS NULL FROM signature WHERE email = 'ivan.petrov@abv.example'")).isIn("1", "true");
        Page confirmed = visitor.submit(link, "link", Map.of(), "submit");
        assertThat(String.join(" ", confirmed.messages())).isNotBlank();
        assertThat(query("SELECT confirmed_at IS NOT NULL FROM signature WHERE email = 'ivan.petrov@abv.example'")).isIn("1", "true");

        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (!Set.of("1", "true").contains(query("SELECT counted FROM signature WHERE email = 'ivan.petrov@abv.example'"))
                && Instant.now().isBefore(until)) {
            Thread.sleep(300);
        }
        assertThat(query("SELECT counted FROM signature WHERE email = 'ivan.petrov@abv.example'")).isIn("1", "true");
        assertThat(count(DANUBE)).isGreaterThan(before);
        assertThat(query("SELECT signatures FROM signature_tally t JOIN campaign c ON c.id = t.campaign_id "
                + "WHERE c.slug = '" + DANUBE + "' AND t.municipality_key = " + vidin)).isNotEqualTo("0");
    }

    @Test
    void fiveThousandAttemptsFromFiftyThreadsWithRepeatsAreCountedExactlyOnce() throws Exception {
        String slug = DemoCampaigns.BIG_PETITION;
        awaitCount(slug, DemoCampaigns.BIG_PETITION_SIGNATURES);
        int before = count(slug);
        List<String> places = List.of(query("SELECT id FROM municipality WHERE code = 'zajecar'"),
                query("SELECT id FROM municipality WHERE code = 'vidin'"));
        int attempts = 5000;
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            // every tenth attempt repeats an earlier address, in another spelling
            emails.add(i % 10 == 9 ? emails.get(i - 5).toUpperCase() : "signer" + i + "@surge.example");
        }
        Set<String> distinct = ConcurrentHashMap.newKeySet();
        emails.forEach(e -> distinct.add(e.toLowerCase()));

        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Future<Integer>> signing = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                String json = signature("Potpisnik Broj", emails.get(i), "\"municipalityId\":" + places.get(i % 2));
                signing.add(pool.submit(() -> sign(slug, json).statusCode()));
            }
            for (Future<Integer> f : signing) {
                assertThat(f.get()).isEqualTo(202);
            }
            assertThat(query("SELECT COUNT(*) FROM signature WHERE email LIKE '%@surge.example'"))
                    .isEqualTo(Integer.toString(distinct.size()));

            // The newest confirmation link of each address (a repeat before confirming sends a fresh one).
            Map<String, String> newest = new HashMap<>();
            Instant until = Instant.now().plus(Duration.ofSeconds(60));
            while (newest.size() < distinct.size() && Instant.now().isBefore(until)) {
                newest.clear();
                for (Mailbox.Mail m : mailbox.all()) {
                    if (m.to().endsWith("@surge.example")) {
                        Matcher t = TOKEN.matcher(m.body());
                        if (t.find()) {
                            newest.put(m.to().toLowerCase(), URLDecoder.decode(t.group(1), StandardCharsets.UTF_8));
                        }
                    }
                }
                Thread.sleep(500);
            }
            assertThat(newest).hasSize(distinct.size());
            List<Future<Integer>> confirming = new ArrayList<>();
            for (String token : newest.values()) {
                confirming.add(pool.submit(() -> confirm(token).statusCode()));
            }
            for (Future<Integer> f : confirming) {
                assertThat(f.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(query("SELECT COUNT(*) FROM signature WHERE email LIKE '%@surge.example' AND confirmed_at IS NOT NULL"))
                .isEqualTo(Integer.toString(distinct.size()));
        awaitCount(slug, before + distinct.size());
        Thread.sleep(4000); // one more counting run: nothing is counted twice
        assertThat(count(slug)).isEqualTo(before + distinct.size());
        assertThat(query("SELECT SUM(signatures) FROM signature_tally t JOIN campaign c ON c.id = t.campaign_id WHERE c.slug = '"
                + slug + "'")).isEqualTo(Integer.toString(before + distinct.size()));
    }

    @Test
    void aModeratorInvalidatesSignaturesByDomainOnlyAfterADryRunAndThePublicPageSaysWhy() throws Exception {
        for (int i = 0; i < 3; i++) {
            String email = "bot" + i + "@flood.example";
            assertThat(sign(DANUBE, signature("Bot Botić", email, "\"country\":\"RO\"")).statusCode()).isEqualTo(202);
            assertThat(confirm(token(mailbox.await(email, "Confirm your signature").body())).statusCode()).isEqualTo(200);
        }
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        // Everything confirmed so far (also by earlier tests) is counted before the figure is read.
        while (!"0".equals(query("SELECT COUNT(*) FROM signature WHERE counted = FALSE AND confirmed_at IS NOT NULL "
                + "AND held = FALSE AND invalidated_at IS NULL")) && Instant.now().isBefore(until)) {
            Thread.sleep(300);
        }
        int before = count(DANUBE);

        WebSession moderator = WebSession.signedIn(site, "moderator@demo.example", org.duhbalkana.account.DemoAccounts.PASSWORD);
        Page page = moderator.get("/moderation/signatures.xhtml?slug=" + DANUBE);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("signatures:invalidate\"");
        Page dry = moderator.submit(page, "signatures", Map.of("domain", "flood.example"), "dryRun");
        assertThat(dry.body()).contains("id=\"matched\"", "<strong>3</strong>");
        assertThat(query("SELECT COUNT(*) FROM signature WHERE invalidated_at IS NOT NULL")).isEqualTo("0");

        // The condition changed after the dry run: nothing happens until it is run dry again.
        Page changed = moderator.submit(dry, "signatures", Map.of("domain", "other.example", "reason", "Flood"), "invalidate");
        assertThat(String.join(" ", changed.messages())).contains("dry run");
        assertThat(query("SELECT COUNT(*) FROM signature WHERE invalidated_at IS NOT NULL")).isEqualTo("0");

        Page again = moderator.submit(changed, "signatures", Map.of("domain", "flood.example"), "dryRun");
        Page done = moderator.submit(again, "signatures", Map.of("domain", "flood.example",
                "reason", "Many signatures from one source in one hour"), "invalidate");
        assertThat(String.join(" ", done.messages())).contains("3");
        assertThat(query("SELECT COUNT(*) FROM signature WHERE email LIKE '%@flood.example' "
                + "AND invalid_reason = 'Many signatures from one source in one hour'")).isEqualTo("3");

        Instant removed = Instant.now().plus(Duration.ofSeconds(30));
        while (count(DANUBE) != before - 3 && Instant.now().isBefore(removed)) {
            Thread.sleep(300);
        }
        assertThat(count(DANUBE)).isEqualTo(before - 3);
        assertThat(api("/campaigns/" + DANUBE).body()).contains("\"invalidatedSignatures\":3");
        Page pub = new WebSession(site, "en").get("/campaigns/view.xhtml?slug=" + DANUBE);
        assertThat(pub.body()).contains("Many signatures from one source in one hour: 3");
        assertThat(query("SELECT COUNT(*) FROM audit_event WHERE action = 'SIGNATURES_INVALIDATED'")).isEqualTo("1");

        // A citizen cannot reach the tool.
        WebSession citizen = WebSession.signedIn(site, "citizen@demo.example", org.duhbalkana.account.DemoAccounts.PASSWORD);
        assertThat(citizen.get("/moderation/signatures.xhtml?slug=" + DANUBE).status()).isEqualTo(403);
    }

    @Test
    void commentsWrittenThroughACampaignAreMarkedForTheReviewers() throws Exception {
        String round = "prekogranicni-turizam-2027";
        WebSession citizen = WebSession.signedIn(site, "citizen@demo.example", org.duhbalkana.account.DemoAccounts.PASSWORD);
        Page page = citizen.get("/consultations/view.xhtml?slug=" + round + "&campaign=" + DemoCampaigns.BIG_PETITION);
        assertThat(page.body()).contains("id=\"through-campaign\"", "Biciklistička staza od Felix Romuliane do Baba Vide");
        Page commented = citizen.submit(page, "comment", Map.of("section", "2", "stance", "SUPPORTS",
                "text", "Podržavam stazu do Baba Vide."), "submit");
        assertThat(commented.status()).isEqualTo(200);
        assertThat(query("SELECT c.slug FROM round_comment rc JOIN campaign c ON c.id = rc.campaign_id "
                + "WHERE rc.body = 'Podržavam stazu do Baba Vide.'")).isEqualTo(DemoCampaigns.BIG_PETITION);

        // A campaign that does not invite comments on this round marks nothing and stores nothing.
        Page other = citizen.get("/consultations/view.xhtml?slug=" + round + "&campaign=" + DANUBE);
        assertThat(other.body()).doesNotContain("id=\"through-campaign\"");
        citizen.submit(other, "comment", Map.of("section", "1", "stance", "NEUTRAL", "text", "Kroz pogrešnu kampanju."), "submit");
        assertThat(query("SELECT COUNT(*) FROM round_comment WHERE body = 'Kroz pogrešnu kampanju.'")).isEqualTo("0");

        WebSession reviewer = WebSession.signedIn(site, "reviewer.zajecar@demo.example", org.duhbalkana.account.DemoAccounts.PASSWORD);
        assertThat(reviewer.get("/review/queue.xhtml?slug=" + round).body())
                .contains("campaign-mark", "Biciklistička staza od Felix Romuliane do Baba Vide");
    }

    @Test
    void searchFindsRoundsCampaignsAndCommentsInEveryScript() {
        HttpResponse<String> latin = api("/search?q=" + URLEncoder.encode("Romuliana Baba", StandardCharsets.UTF_8));
        assertThat(latin.statusCode()).isEqualTo(200);
        assertThat(latin.body()).contains("\"kind\":\"CAMPAIGN\"", DemoCampaigns.BIG_PETITION);
        String cyrillic = api("/search?q=" + URLEncoder.encode("Ромулиана Баба", StandardCharsets.UTF_8)).body();
        assertThat(ids(cyrillic)).isEqualTo(ids(latin.body()));
        // Bulgarian words find the Bulgarian campaign.
        assertThat(api("/search?q=" + URLEncoder.encode("пластмаса Дунава", StandardCharsets.UTF_8)).body()).contains(DANUBE);
        HttpResponse<String> bad = api("/search?q=x");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"parameter\":\"q\"");
        assertThat(new WebSession(site, "sr-Cyrl").get("/search.xhtml?q=Zajecar").body()).contains("id=\"results\"");
    }

    private static List<String> ids(String json) {
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("\"kind\":\"(\\w+)\",\"id\":(\\d+)").matcher(json);
        while (m.find()) {
            ids.add(m.group(1) + m.group(2));
        }
        return ids;
    }

    private static String token(String body) {
        Matcher m = TOKEN.matcher(body);
        assertThat(m.find()).as("a confirmation link in: " + body).isTrue();
        return URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
    }

    @Test
    void repeatedAttemptsWithOneAddressMailItAtMostThreeMoreTimesAnHour() throws Exception {
        String email = "mira.repeat@example.org";
        String json = signature("Mira Jovanović", email, "\"country\":\"AT\"");
        HttpResponse<String> first = sign(DANUBE, json);
        assertThat(first.statusCode()).isEqualTo(202);
        mailbox.await(email, "Confirm your signature");
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> again = sign(DANUBE, json);
            assertThat(again.statusCode()).isEqualTo(202);
            assertThat(again.body()).as("every attempt gets the same answer").isEqualTo(first.body());
        }
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (mailbox.count(email) < 4 && Instant.now().isBefore(until)) {
            Thread.sleep(200);
        }
        Thread.sleep(2000); // anything more would have arrived by now
        assertThat(mailbox.count(email)).as("the first mail and three for repeats").isEqualTo(4);
        assertThat(query("SELECT COUNT(*) FROM signature WHERE email = '" + email + "'")).isEqualTo("1");
        // The attempts that were not mailed changed no link: the newest link mailed still confirms
        // (mail is delivered in parallel, so it is looked for among the links mailed).
        List<String> links = mailbox.all().stream().filter(m -> m.to().equals(email)).map(m -> token(m.body())).toList();
        assertThat(links).doesNotHaveDuplicates().anySatisfy(link -> assertThat(confirm(link).body()).contains("\"outcome\":\"CONFIRMED\""));
    }

    /** A news site's page (another origin) with a petition form that signs through our API. */
    private static String embedPage(String site, String slug) {
        return """
                <!DOCTYPE html><html lang="bg"><head><meta charset="utf-8"><title>Видин днес</title></head><body>
                <p>Подписи досега: <span id="count">…</span></p>
                <form id="sign"><label>Име <input id="name"></label><label>Имейл <input id="email" type="email"></label>
                <button id="send" type="submit">Подпиши</button></form><p id="result" role="status"></p>
                <script>
                const api = '%s/api/campaigns/%s';
                fetch(api).then(r => r.json()).then(c => document.getElementById('count').textContent = c.petition.confirmedSignatures)
                    .catch(e => document.getElementById('count').textContent = 'blocked');
                document.getElementById('sign').addEventListener('submit', async e => {
                    e.preventDefault();
                    try {
                        const r = await fetch(api + '/signatures', {method: 'POST', headers: {'Content-Type': 'application/json'},
                            body: JSON.stringify({name: document.getElementById('name').value, email: document.getElementById('email').value,
                                country: 'DE', consentSignature: true, language: 'bg'})});
                        document.getElementById('result').textContent = r.status + ' ' + await r.text();
                    } catch (err) {
                        document.getElementById('result').textContent = 'blocked';
                    }
                });
                </script></body></html>""".formatted(site, slug);
    }

    @Test
    void aSigningFormEmbeddedOnAnotherSiteSignsThroughTheApiAndNothingElseCrossesOrigins() throws Exception {
        String base = site.uri("").toString();
        com.sun.net.httpserver.HttpServer news = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        byte[] page = embedPage(base, DANUBE).getBytes(StandardCharsets.UTF_8);
        news.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        news.start();
        String email = "elena.embedded@abv.example";
        try (org.duhbalkana.web.testing.Browser browser = new org.duhbalkana.web.testing.Browser()) {
            org.openqa.selenium.WebDriver driver = browser.driver();
            int before = count(DANUBE);
            driver.get("http://127.0.0.1:" + news.getAddress().getPort() + "/vidin-dnes.html");
            org.openqa.selenium.support.ui.WebDriverWait wait = new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(20));
            wait.until(d -> !d.findElement(org.openqa.selenium.By.id("count")).getText().equals("…"));
            // (other tests' confirmations may be counted meanwhile)
            assertThat(Integer.parseInt(driver.findElement(org.openqa.selenium.By.id("count")).getText()))
                    .as("the open data reads across origins").isBetween(before, count(DANUBE));
            org.duhbalkana.web.testing.Browser.type(driver.findElement(org.openqa.selenium.By.id("name")), "Елена Христова");
            org.duhbalkana.web.testing.Browser.type(driver.findElement(org.openqa.selenium.By.id("email")), email);
            driver.findElement(org.openqa.selenium.By.id("send")).click();
            wait.until(d -> !d.findElement(org.openqa.selenium.By.id("result")).getText().isEmpty());
            assertThat(driver.findElement(org.openqa.selenium.By.id("result")).getText()).startsWith("202");
            browser.screenshot("campaign-embedded-form");
        } finally {
            news.stop(0);
        }
        assertThat(query("SELECT language FROM signature WHERE email = '" + email + "'")).isEqualTo("bg");
        assertThat(confirm(token(mailbox.await(email, "Дунав без пластмаса").body())).statusCode()).isEqualTo(200);
        assertThat(query("SELECT confirmed_at IS NOT NULL FROM signature WHERE email = '" + email + "'")).isIn("1", "true");

        // The preflights the browser sends: signing is allowed from anywhere, never with credentials.
        // Confirming a link is refused a preflight: a page elsewhere can neither post it as JSON nor
        // read its answer (a plain form post still reaches it, as any form can; the link's secret is
        // what protects it).
        HttpResponse<String> signing = preflight("/api/campaigns/" + DANUBE + "/signatures", "POST");
        assertThat(signing.statusCode()).isEqualTo(204);
        assertThat(signing.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(signing.headers().firstValue("Access-Control-Allow-Headers").orElse("")).contains("Content-Type");
        assertThat(signing.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
        assertThat(preflight("/api/signatures/confirmation", "POST").headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(preflight("/api/campaigns/" + DANUBE, "DELETE").headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> read = Http.get(site.uri("/api/municipalities"), "Origin", "https://vidin-dnes.example");
        assertThat(read.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(Http.get(site.uri("/campaigns/view.xhtml?slug=" + DANUBE), "Origin", "https://vidin-dnes.example")
                .headers().firstValue("Access-Control-Allow-Origin")).as("pages are not shared across origins").isEmpty();
    }

    private static HttpResponse<String> preflight(String path, String method) {
        return Http.send(HttpRequest.newBuilder(site.uri(path)).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://vidin-dnes.example").header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", "content-type").build());
    }

    private static int count(String slug) {
        Matcher m = Pattern.compile("\"confirmedSignatures\":(\\d+)").matcher(api("/campaigns/" + slug).body());
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** Waits up to 60 seconds for the public count to reach the figure; returns the campaign's JSON. */
    private static String awaitCount(String slug, int expected) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        int last = -1;
        while (Instant.now().isBefore(until)) {
            last = count(slug);
            if (last >= expected) {
                assertThat(last).isEqualTo(expected);
                return api("/campaigns/" + slug).body();
            }
            Thread.sleep(300);
        }
        throw new AssertionError("count of " + slug + " stayed at " + last + ", expected " + expected);
    }

    private static String query(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql);
                ResultSet r = s.executeQuery()) {
            return r.next() ? r.getString(1) : null;
        }
    }
}
