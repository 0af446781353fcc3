package org.duhbalkana.web.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duhbalkana.account.DemoAccounts;
import org.duhbalkana.campaign.DemoCampaigns;
import org.duhbalkana.testing.TestDatabase;
import org.duhbalkana.text.Language;
import org.duhbalkana.web.testing.Http;
import org.duhbalkana.web.testing.Mailbox;
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
 * Signing is not an open mailer, consent is explicit, and no API error shows a raw key: the attacks
 * are made over HTTP against one site on MariaDB (so the test reads the database while it runs),
 * with small mail limits: 5 confirmation mails an hour per client network address, 60 for the whole
 * site. Clients at different network addresses are simulated by binding the test's sockets to
 * other loopback addresses (127.0.0.x). The tests run in order: the site's hourly mail budget is
 * shared by all of them, and each assertion counts what the ones before used.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SigningAbuseIT {

    private static final int PER_ADDRESS = 5;
    private static final int PER_SITE = 60;
    private static final String DANUBE = "dunav-bez-plastike";
    private static final String BIG = DemoCampaigns.BIG_PETITION;

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
        env.put("JAVA_OPTS", "-Xmx768m");
        env.put("SIGNATURE_MAILS_PER_ADDRESS_HOUR", Integer.toString(PER_ADDRESS));
        env.put("SIGNATURE_MAILS_PER_HOUR", Integer.toString(PER_SITE));
        site = RunningSite.configured("signing-abuse", env).start();
    }

    @AfterAll
    static void stop() {
        try {
            if (site != null) {
                site.close();
            }
            if (mailbox != null) {
                mailbox.close();
            }
        } finally {
            if (db != null) {
                db.close();
            }
        }
    }

    // --- helpers -------------------------------------------------------------------------------

    private static String query(String sql, Object... parameters) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(String sql, Object... parameters) {
        return Long.parseLong(query(sql, parameters));
    }

    private static String topic(String slug) {
        return "campaign:" + query("SELECT id FROM campaign WHERE slug = ?", slug);
    }

    private static long mailsAbout(String slug) {
        return count("SELECT COUNT(*) FROM mail_message WHERE topic = ?", topic(slug));
    }

    private static long rowsFor(String email) {
        return count("SELECT COUNT(*) FROM signature WHERE email = ?", email)
                + count("SELECT COUNT(*) FROM mail_message WHERE recipient = ?", email);
    }

    private static String signature(String name, String email, boolean shareName) {
        return "{\"name\":\"" + name + "\",\"email\":\"" + email + "\",\"country\":\"AT\",\"consentSignature\":true,"
                + "\"consentUpdates\":true,\"shareName\":" + shareName + ",\"language\":\"en\"}";
    }

    /** An answer read off a raw socket. */
    record Answer(int status, String body) {
    }

    /**
     * Posts JSON from the given loopback address (the client's network address as the site sees
     * it), over a plain socket bound to it: the JDK's HTTP client cannot choose its source address.
     */
    private static Answer postFrom(String localAddress, String path, String json, String acceptLanguage) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", site.port()), 10_000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + site.port() + "\r\nContent-Type: application/json\r\n"
                    + "Accept-Language: " + acceptLanguage + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            int split = text.indexOf("\r\n\r\n");
            return new Answer(status, split < 0 ? "" : text.substring(split + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer sign(String from, String slug, String json) {
        return postFrom(from, "/api/campaigns/" + slug + "/signatures", json, "en");
    }

    private static String confirmLink(String to) {
        Mailbox.Mail mail = mailbox.await(to, "Confirm your signature");
        Matcher m = Pattern.compile("token=([A-Za-z0-9_-]+)").matcher(mail.body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static void awaitMails(String slug, long expected) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (mailsAbout(slug) < expected && Instant.now().isBefore(until)) {
            Thread.sleep(200);
        }
    }

    // --- consent and country -------------------------------------------------------------------

    @Test
    @Order(1)
    void missingFalseOrNonBooleanConsentIsRefusedNamingTheFieldAndNothingIsStoredOrMailed() {
        String place = "\"country\":\"AT\",\"language\":\"en\"";
        Map<String, String> attempts = Map.of(
                "consent-missing@abuse.example", "{\"name\":\"Ana Ilić\",\"email\":\"consent-missing@abuse.example\"," + place + "}",
                "consent-null@abuse.example", "{\"name\":\"Ana Ilić\",\"email\":\"consent-null@abuse.example\",\"consentSignature\":null," + place + "}",
                "consent-false@abuse.example", "{\"name\":\"Ana Ilić\",\"email\":\"consent-false@abuse.example\",\"consentSignature\":false," + place + "}",
                "consent-text@abuse.example", "{\"name\":\"Ana Ilić\",\"email\":\"consent-text@abuse.example\",\"consentSignature\":\"yes\"," + place + "}",
                "consent-number@abuse.example", "{\"name\":\"Ana Ilić\",\"email\":\"consent-number@abuse.example\",\"consentSignature\":1," + place + "}");
        for (Map.Entry<String, String> attempt : attempts.entrySet()) {
            Answer answer = sign("127.0.0.2", DANUBE, attempt.getValue());
            assertThat(answer.status()).as(attempt.getKey()).isEqualTo(400);
            assertThat(answer.body()).as(attempt.getKey()).contains("\"parameter\":\"consentSignature\"");
            assertThat(rowsFor(attempt.getKey())).as(attempt.getKey()).isZero();
        }
        assertThat(mailbox.all()).noneMatch(m -> m.to().startsWith("consent-"));
    }

    @Test
    @Order(1)
    void aCountryThatIsNotAnIsoCodeIsRefused() {
        for (String country : List.of("XX", "ZZ", "Germany", "de", "D", "RSX", "1A")) {
            String email = "country-" + country.toLowerCase(Locale.ROOT) + "@abuse.example";
            Answer answer = sign("127.0.0.2", DANUBE, "{\"name\":\"Ana Ilić\",\"email\":\"" + email + "\",\"country\":\"" + country
                    + "\",\"consentSignature\":true,\"language\":\"en\"}");
            assertThat(answer.status()).as(country).isEqualTo(400);
            assertThat(answer.body()).as(country).contains("\"parameter\":\"country\"");
            assertThat(rowsFor(email)).as(country).isZero();
        }
    }

    // --- the per-address limit -----------------------------------------------------------------

    @Test
    @Order(2)
    void aThousandSignaturesToAThousandAddressesFromOneClientMailOnlyUpToTheLimit() throws Exception {
        long before = mailsAbout(BIG);
        // One after the other: that the counter counts concurrent attempts atomically is the throttle's
        // own test (sign-in); here every attempt is answered before the next.
        for (int i = 0; i < 1000; i++) {
            Answer answer = sign("127.0.0.1", BIG, signature("Petar Petrović", "flood" + i + "@flood.example", false));
            // the same neutral answer for every one of them
            assertThat(answer.status()).isEqualTo(202);
            assertThat(answer.body()).contains("check-your-mail");
        }
        awaitMails(BIG, before + PER_ADDRESS);
        Thread.sleep(2000); // any mail beyond the limit would have been written by now
        assertThat(mailsAbout(BIG) - before).isEqualTo(PER_ADDRESS);
        assertThat(count("SELECT COUNT(*) FROM mail_message WHERE recipient LIKE '%@flood.example'")).isEqualTo(PER_ADDRESS);
        assertThat(count("SELECT COUNT(*) FROM signature WHERE email LIKE '%@flood.example' AND held = TRUE")).isEqualTo(1000 - PER_ADDRESS);
        assertThat(count("SELECT COUNT(*) FROM signature WHERE email LIKE '%@flood.example' AND held = FALSE")).isEqualTo(PER_ADDRESS);
        // GreenMail received exactly those.
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (mailbox.all().stream().filter(m -> m.to().endsWith("@flood.example")).count() < PER_ADDRESS && Instant.now().isBefore(until)) {
            Thread.sleep(200);
        }
        assertThat(mailbox.all()).filteredOn(m -> m.to().endsWith("@flood.example")).hasSize(PER_ADDRESS);
    }

    // --- held signatures, the confirmation mail, the export ------------------------------------

    @Test
    @Order(3)
    void aHeldSignatureIsMailedNothingUntilAModeratorReleasesItAndTheExportHoldsNoAddress() throws Exception {
        String client = "127.0.0.3";
        List<String> names = List.of("Jovana Petković", "Marko Jović", "Ivana Lazić", "Nikola Stanković", "Milica Đorđević");
        for (int i = 0; i < PER_ADDRESS; i++) {
            assertThat(sign(client, DANUBE, signature(names.get(i), "release" + i + "@release.example", true)).status()).isEqualTo(202);
        }
        // The name a signer types never reaches the mail that an address gets before anyone proved it theirs.
        Answer lure = sign(client, DANUBE, signature("Visit evil example com now", "held-one@release.example", true));
        assertThat(lure.status()).isEqualTo(202);
        assertThat(lure.body()).contains("check-your-mail");
        assertThat(query("SELECT held FROM signature WHERE email = 'held-one@release.example'")).isIn("1", "true", "TRUE");

        String first = confirmLink("release0@release.example");
        assertThat(mailbox.await("release0@release.example", "Confirm your signature").body()).doesNotContain("Jovana");
        assertThat(Http.postForm(site.uri("/api/signatures/confirmation"), "token=" + first).statusCode()).isEqualTo(200);
        assertThat(Http.postForm(site.uri("/api/signatures/confirmation"), "token=" + confirmLink("release1@release.example"))
                .statusCode()).isEqualTo(200);
        Thread.sleep(3000);
        assertThat(mailbox.all()).noneMatch(m -> m.to().equals("held-one@release.example"));
        assertThat(count("SELECT COUNT(*) FROM mail_message WHERE recipient = 'held-one@release.example'")).isZero();
        assertThat(mailsAbout(DANUBE)).isEqualTo(PER_ADDRESS);

        // The moderator releases it: its link is mailed now, without the name, and it confirms.
        WebSession moderator = WebSession.signedIn(site, "moderator@demo.example", DemoAccounts.PASSWORD);
        Page review = moderator.get("/moderation/signatures.xhtml?slug=" + DANUBE);
        moderator.submit(review, "signatures", Map.of(), "clear");
        Mailbox.Mail released = mailbox.await("held-one@release.example", "Confirm your signature");
        assertThat(released.body()).doesNotContain("evil", "Visit");
        String token = confirmLink("held-one@release.example");
        assertThat(Http.postForm(site.uri("/api/signatures/confirmation"), "token=" + token).statusCode()).isEqualTo(200);
        assertThat(query("SELECT held FROM signature WHERE email = 'held-one@release.example'")).isIn("0", "false", "FALSE");

        // The organizer's export: the names of those who confirmed and agreed to share it, and no address at all.
        WebSession organizer = WebSession.signedIn(site, "organizer@demo.example", DemoAccounts.PASSWORD);
        Page dashboard = organizer.get("/campaigns/dashboard.xhtml?slug=" + DANUBE);
        Page csv = organizer.submit(dashboard, "dashboard", Map.of(), "export");
        assertThat(csv.header("Content-Type")).contains("text/csv");
        assertThat(csv.body()).contains("Jovana Petković", "Marko Jović")
                .doesNotContain("@", "release0", "release1", "held-one", "release.example");
    }

    // --- the site-wide limit -------------------------------------------------------------------

    @Test
    @Order(4)
    void theWholeSiteMailsNoMoreThanItsHourlyLimitWhateverTheClients() throws Exception {
        // Used so far: PER_ADDRESS for the flood, PER_ADDRESS at 127.0.0.3 (the released mail is the moderator's, not counted).
        long budgetLeft = PER_SITE - 2L * PER_ADDRESS;
        long before = mailsAbout(DANUBE);
        int clients = 12; // 12 clients x 5 attempts = 60 attempts, each client within its own limit
        int attempts = 0;
        for (int c = 0; c < clients; c++) {
            for (int i = 0; i < PER_ADDRESS; i++) {
                Answer answer = sign("127.0.0." + (10 + c), DANUBE, signature("Stefan Ilić", "site" + c + "-" + i + "@site.example", false));
                assertThat(answer.status()).isEqualTo(202);
                attempts++;
            }
        }
        awaitMails(DANUBE, before + budgetLeft);
        Thread.sleep(2000);
        assertThat(mailsAbout(DANUBE) - before).isEqualTo(budgetLeft);
        assertThat(count("SELECT COUNT(*) FROM signature WHERE email LIKE '%@site.example' AND held = TRUE")).isEqualTo(attempts - budgetLeft);
        // Mail that consumed the site's budget: the flood's, the release test's clients and these; no more than the limit.
        assertThat(mailsAbout(BIG) + mailsAbout(DANUBE) - 1).isEqualTo(PER_SITE);
    }

    // --- errors in the asked language, never a key -----------------------------------------------

    /** A bad request: method, path, content type and body (null for none). */
    record Bad(String method, String path, String type, String body) {
    }

    private static List<Bad> badRequests() {
        String ok = "\"name\":\"Ana Ilić\",\"email\":\"errors@abuse.example\",\"language\":\"en\"";
        String sign = "/api/campaigns/" + DANUBE + "/signatures";
        return List.of(
                new Bad("GET", "/api/campaigns?status=DRAFT", null, null),
                new Bad("GET", "/api/campaigns?page=abc", null, null),
                new Bad("GET", "/api/campaigns/no-such-campaign", null, null),
                new Bad("POST", sign, "application/json", "{" + ok + ",\"country\":\"AT\"}"),
                new Bad("POST", sign, "application/json", "{" + ok + ",\"country\":\"AT\",\"consentSignature\":false}"),
                new Bad("POST", sign, "application/json", "{" + ok + ",\"country\":\"AT\",\"consentSignature\":\"yes\"}"),
                new Bad("POST", sign, "application/json", "{" + ok + ",\"country\":\"XX\",\"consentSignature\":true}"),
                new Bad("POST", sign, "application/json", "{" + ok + ",\"municipalityId\":99999,\"consentSignature\":true}"),
                new Bad("POST", sign, "application/json", "{" + ok + ",\"municipalityId\":\"one\",\"consentSignature\":true}"),
                new Bad("POST", sign, "application/json", "{" + ok + ",\"consentSignature\":true}"),
                new Bad("POST", sign, "application/json", "{\"name\":\"<b>Ana</b>\",\"email\":\"errors@abuse.example\",\"country\":\"AT\",\"consentSignature\":true}"),
                new Bad("POST", sign, "application/json", "{\"name\":\"Ana Ilić\",\"email\":\"not-an-address\",\"country\":\"AT\",\"consentSignature\":true}"),
                new Bad("POST", sign, "application/json", "{\"name\":42,\"email\":\"errors@abuse.example\",\"country\":\"AT\",\"consentSignature\":true}"),
                new Bad("POST", sign, "application/json", "[1, 2]"),
                new Bad("POST", sign, "text/plain", "hello"),
                new Bad("POST", "/api/campaigns/no-such-campaign/signatures", "application/json", "{" + ok + ",\"country\":\"AT\",\"consentSignature\":true}"),
                new Bad("POST", "/api/campaigns/kulturna-ruta-knjazevac/signatures", "application/json", "{" + ok + ",\"country\":\"AT\",\"consentSignature\":true}"),
                new Bad("POST", "/api/signatures/confirmation", "application/x-www-form-urlencoded", "token="),
                new Bad("POST", "/api/signatures/confirmation", "application/x-www-form-urlencoded", "token=no-such-token"),
                new Bad("GET", "/api/signatures/confirmation", null, null),
                new Bad("GET", "/api/consultations?status=NOPE", null, null),
                new Bad("GET", "/api/consultations?page=-1", null, null),
                new Bad("GET", "/api/search?q=a", null, null),
                new Bad("GET", "/api/no-such-resource", null, null),
                new Bad("DELETE", "/api/campaigns", null, null));
    }

    private static HttpResponse<String> send(Bad bad, String language) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + site.port() + bad.path()))
                .header("Accept-Language", language);
        if (bad.type() != null) {
            request.header("Content-Type", bad.type());
        }
        request.method(bad.method(), bad.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(bad.body()));
        return Http.send(request.build());
    }

    /** Every key of the site's message bundle. */
    private static List<String> bundleKeys() {
        ResourceBundle bundle = ResourceBundle.getBundle("org.duhbalkana.web.i18n.messages", Locale.ROOT);
        return Collections.list(bundle.getKeys()).stream().filter(k -> k.contains(".")).toList();
    }

    private static final Pattern KEY_LIKE = Pattern.compile(
            "\\b(api|validation|campaign|petition|signatures|error|account|dashboard|consultation|search)\\.[a-zA-Z][a-zA-Z0-9.]*\\b");
    private static final Pattern ERROR = Pattern.compile("\"error\":\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** Latin a Cyrillic sentence may hold: JSON, the example address, the values it lists (PUBLISHED, CLOSED). */
    private static final Pattern LATIN_ALLOWED = Pattern.compile("JSON|ime@primer\\.(rs|bg)|\\b[A-Z][A-Z_]+\\b");

    private static String error(HttpResponse<String> response) {
        Matcher m = ERROR.matcher(response.body());
        assertThat(m.find()).as(response.uri() + " " + response.body()).isTrue();
        return m.group(1);
    }

    @Test
    @Order(5)
    void everyApiErrorIsASentenceInTheAskedLanguageNamingTheParameterAndNeverAKey() {
        List<String> keys = bundleKeys();
        long signaturesBefore = count("SELECT COUNT(*) FROM signature");
        for (Bad bad : badRequests()) {
            Map<String, String> sentences = new HashMap<>();
            for (String language : List.of("sr-Cyrl", "bg", "en")) {
                HttpResponse<String> response = send(bad, language);
                String what = language + " " + bad.method() + " " + bad.path() + " " + bad.body() + " -> " + response.statusCode() + " "
                        + response.body();
                assertThat(response.statusCode()).as(what).isBetween(400, 499);
                assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what).startsWith("application/json");
                assertThat(KEY_LIKE.matcher(response.body()).find()).as(what).isFalse();
                assertThat(keys).as(what).noneMatch(k -> response.body().contains(k));
                String sentence = error(response);
                sentences.put(language, sentence);
                if (language.equals("en")) {
                    assertThat(sentence).as(what).matches("[\\p{IsLatin}\\p{N}\\p{P}\\p{Zs}\\p{S}]+");
                } else {
                    // Cyrillic letters only (the sentence may name JSON, which is Latin in every script)
                    assertThat(LATIN_ALLOWED.matcher(sentence).replaceAll("")).as(what).matches("[\\p{IsCyrillic}\\p{N}\\p{P}\\p{Zs}\\p{S}]+")
                            .containsPattern("\\p{IsCyrillic}{3}");
                }
            }
            assertThat(sentences.get("sr-Cyrl")).as(bad.path()).isNotEqualTo(sentences.get("bg"));
        }
        // Named exactly as the bundles say it, the municipality that is not ours.
        HttpResponse<String> municipality = send(badRequests().get(7), "sr-Cyrl");
        assertThat(municipality.body()).contains("\"parameter\":\"municipalityId\"");
        assertThat(error(municipality)).isEqualTo(ResourceBundle.getBundle("org.duhbalkana.web.i18n.messages",
                Language.SR_CYRL.locale()).getString("validation.municipality"));
        HttpResponse<String> consent = send(badRequests().get(3), "bg");
        assertThat(consent.body()).contains("\"parameter\":\"consentSignature\"");
        assertThat(error(consent)).isEqualTo(ResourceBundle.getBundle("org.duhbalkana.web.i18n.messages",
                Language.BG.locale()).getString("validation.consent"));
        assertThat(send(badRequests().get(20), "en").body()).contains("\"parameter\":\"status\"");
        // None of these stored a signature.
        assertThat(count("SELECT COUNT(*) FROM signature")).isEqualTo(signaturesBefore);
    }
}
