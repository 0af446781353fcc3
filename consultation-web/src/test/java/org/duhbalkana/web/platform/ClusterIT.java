package org.duhbalkana.web.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.duhbalkana.account.DemoAccounts;
import org.duhbalkana.testing.TestDatabase;
import org.duhbalkana.web.testing.Nginx;
import org.duhbalkana.web.testing.RunningSite;
import org.duhbalkana.web.testing.WebSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the site with {@code CLUSTER=true} on one MariaDB, forming one Payara Micro data
 * grid on loopback (a static member list, never multicast), behind Debian's nginx with the project's
 * configuration and TLS. One pair of instances serves the whole test:
 * <ul>
 * <li>each instance's log shows the grid of two;</li>
 * <li>a person signs in through nginx; both instances know the session (nginx alternates; each is
 *     also asked directly); a sign-in form rendered by one instance is accepted by the other;</li>
 * <li>a signing surge through nginx ({@value #SIGNATURES} signatures and their confirmations, from
 *     100 client addresses), during which one instance is killed ({@code kill -9}, the launcher and
 *     Payara Micro) and started again: the signed-in person stays signed in on the survivor and on
 *     the restarted instance; every signature answered 202 has its row and its mail; every
 *     confirmation answered 200 is counted once; the public count equals the confirmed rows.</li>
 * </ul>
 * Clients retry what a real client retries: an answer 502/503/504 (the instance that died while
 * holding the request), and, only while the killed instance starts again, the 404 or 500 its Payara
 * Micro gives before the application is deployed; never anything else.
 */
class ClusterIT {

    /** The surge's size: 2,000 signatures and as many confirmations (issue 13), kept whole on this 2-core machine. */
    static final int SIGNATURES = 2000;
    private static final int CLIENT_ADDRESSES = 100;
    private static final String CAMPAIGN = "dunav-bez-plastike";
    private static final String DOMAIN = "@cluster.example";
    private static final String EMAIL = "citizen@demo.example";
    private static final Pattern TOKEN = Pattern.compile("/campaigns/confirm\\.xhtml\\?token=([A-Za-z0-9_%-]+)");
    private static final Duration START = Duration.ofMinutes(5);

    private static TestDatabase db;
    private static RunningSite one;
    private static RunningSite two;
    private static Nginx nginx;
    private static SSLContext tls;
    /** From the kill until the killed instance is serving again. */
    private static volatile boolean restarting;

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabase.mariaDb();
        int gridOne = RunningSite.freePort();
        int gridTwo = RunningSite.freePort();
        Path attachments = RunningSite.newDataDir("cluster-attachments");
        Map<String, String> env = new HashMap<>(db.environment());
        env.put("DEMO", "true");
        env.put("TRUSTED_PROXIES", "127.0.0.1");
        env.put("BASE_URL", "https://localhost");
        env.put("SIGNATURE_MAILS_PER_ADDRESS_HOUR", "100000");
        env.put("SIGNATURE_MAILS_PER_HOUR", "100000");
        env.put("CLUSTER", "true");
        env.put("CLUSTER_MEMBERS", "127.0.0.1:" + gridOne + ",127.0.0.1:" + gridTwo);
        env.put("CLUSTER_ADDRESS", "127.0.0.1");
        // a name of its own: no other test's grid on this machine is ever joined
        env.put("CLUSTER_NAME", "cluster-it-" + ProcessHandle.current().pid());
        env.put("ATTACHMENTS_DIR", attachments.toString());
        Map<String, String> envOne = new HashMap<>(env);
        envOne.put("CLUSTER_PORT", Integer.toString(gridOne));
        Map<String, String> envTwo = new HashMap<>(env);
        envTwo.put("CLUSTER_PORT", Integer.toString(gridTwo));
        // one after the other: the first one creates the schema and the demo content
        one = RunningSite.configured("cluster-1", envOne).start(START);
        two = RunningSite.configured("cluster-2", envTwo).start(START);
        nginx = Nginx.inFrontOf("127.0.0.1:" + one.port(), "127.0.0.1:" + two.port());
        tls = trusting(nginx.certificate());
    }

    @AfterAll
    static void stop() {
        try {
            if (nginx != null) {
                nginx.close();
            }
        } finally {
            try {
                if (two != null) {
                    two.close();
                }
                if (one != null) {
                    one.close();
                }
            } finally {
                if (db != null) {
                    db.close();
                }
            }
        }
    }

    @Test
    void twoInstancesFormOneGridShareTheSignedInSessionAndLoseNothingWhenOneIsKilledMidSurge() throws Exception {
        awaitInLog(one, "DG Size: 2");
        awaitInLog(two, "DG Size: 2");

        // --- a person signs in through nginx; both instances know the session
        Visitor person = new Visitor("127.0.0.20");
        person.signIn(EMAIL, DemoAccounts.PASSWORD);
        for (int i = 0; i < 6; i++) {
            assertSignedIn(person.get("/account/profile.xhtml"), "through nginx, request " + i);
        }
        assertSignedIn(person.direct(one, "/account/profile.xhtml"), "on instance 1");
        assertSignedIn(person.direct(two, "/account/profile.xhtml"), "on instance 2");
        // a form (its view state kept in the session) rendered by one instance and sent to the other
        Visitor across = new Visitor("127.0.0.22");
        across.signIn(EMAIL, DemoAccounts.PASSWORD, one, two);
        assertSignedIn(across.direct(one, "/account/profile.xhtml"), "on the instance that rendered the form");

        // --- the surge: signatures, one instance killed a quarter of the way and started again
        awaitAllCounted();
        int before = publicCount();
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < SIGNATURES; i++) {
            emails.add("signer" + i + DOMAIN);
        }
        Map<Integer, AtomicInteger> firstAnswers = new ConcurrentHashMap<>();
        AtomicInteger answered = new AtomicInteger();
        CompletableFuture<RunningSite> restart = null;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> signing = new ArrayList<>();
            for (int i = 0; i < SIGNATURES; i++) {
                String from = clientAddress(i);
                String json = "{\"name\":\"Potpisnik Klaster\",\"email\":\"" + emails.get(i)
                        + "\",\"country\":\"AT\",\"consentSignature\":true,\"language\":\"en\"}";
                signing.add(pool.submit(() -> {
                    int status = withRetries(firstAnswers, () -> new Visitor(from).post("/api/campaigns/" + CAMPAIGN + "/signatures",
                            "application/json", json));
                    answered.incrementAndGet();
                    return status;
                }));
            }
            while (answered.get() < SIGNATURES / 4) {
                Thread.sleep(100);
            }
            restarting = true;
            two.kill();
            // the person whose session may have lived on the dead instance works on as before
            for (int i = 0; i < 4; i++) {
                assertSignedIn(person.get("/account/profile.xhtml"), "through nginx after kill -9, request " + i);
            }
            assertSignedIn(person.direct(one, "/account/profile.xhtml"), "on the surviving instance");
            restart = CompletableFuture.supplyAsync(() -> two.start(START));

            for (int i = 0; i < SIGNATURES; i++) {
                assertThat(signing.get(i).get(10, TimeUnit.MINUTES)).as("signature %d", i).isEqualTo(202);
            }
            // every signature answered 202 has its row and its confirmation mail
            assertThat(count("SELECT COUNT(*) FROM signature WHERE email LIKE ?", "%" + DOMAIN)).isEqualTo(SIGNATURES);
            assertThat(count("SELECT COUNT(DISTINCT recipient) FROM mail_message WHERE recipient LIKE ?", "%" + DOMAIN))
                    .isEqualTo(SIGNATURES);

            // confirmations: half before the killed instance is waited for (it may still be starting), half once it is back
            List<String> tokens = new ArrayList<>(newestTokens().values());
            assertThat(tokens).hasSize(SIGNATURES);
            List<Future<Integer>> confirming = new ArrayList<>();
            for (int i = 0; i < SIGNATURES / 2; i++) {
                confirming.add(confirm(pool, firstAnswers, clientAddress(i), tokens.get(i)));
            }
            for (Future<Integer> f : confirming) {
                assertThat(f.get(10, TimeUnit.MINUTES)).isEqualTo(200);
            }
            restart.get(START.toSeconds() + 60, TimeUnit.SECONDS);
            restarting = false;
            awaitInLog(two, "DG Size: 2");
            // the session outlived the instance: the one started again knows it from the grid
            assertSignedIn(person.direct(two, "/account/profile.xhtml"), "on the instance started again");
            for (int i = SIGNATURES / 2; i < SIGNATURES; i++) {
                confirming.add(confirm(pool, firstAnswers, clientAddress(i), tokens.get(i)));
            }
            for (Future<Integer> f : confirming) {
                assertThat(f.get(10, TimeUnit.MINUTES)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
            if (restart != null) {
                restart.exceptionally(e -> null).get(START.toSeconds() + 60, TimeUnit.SECONDS);
            }
        }
        assertThat(firstAnswers.keySet()).as("first answers by status: %s", firstAnswers)
                .allMatch(status -> Set.of(200, 202, 502, 503, 504, -1).contains(status));
        System.out.println("ClusterIT: first answers by status " + firstAnswers);

        // every confirmation answered 200 is confirmed and counted exactly once
        assertThat(count("SELECT COUNT(*) FROM signature WHERE email LIKE ? AND confirmed_at IS NOT NULL", "%" + DOMAIN))
                .isEqualTo(SIGNATURES);
        awaitAllCounted();
        assertThat(count("SELECT COUNT(*) FROM signature WHERE email LIKE ? AND counted = TRUE", "%" + DOMAIN))
                .isEqualTo(SIGNATURES);
        assertThat(publicCount()).isEqualTo(before + SIGNATURES);
        assertThat(count("SELECT SUM(t.signatures) FROM signature_tally t JOIN campaign c ON c.id = t.campaign_id WHERE c.slug = ?",
                CAMPAIGN)).isEqualTo(before + SIGNATURES);
        assertThat(one.printed() + two.printed()).doesNotContain("NotSerializableException");
    }

    // --- the surge's helpers ----------------------------------------------------------------------

    /** 100 client addresses, 127.0.1.1 … 127.0.1.100: nginx limits each to 60 signing requests in a burst. */
    private static String clientAddress(int i) {
        return "127.0.1." + (1 + i % CLIENT_ADDRESSES);
    }

    private static Future<Integer> confirm(ExecutorService pool, Map<Integer, AtomicInteger> firstAnswers, String from, String token) {
        String form = "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        return pool.submit(() -> withRetries(firstAnswers,
                () -> new Visitor(from).post("/api/signatures/confirmation", "application/x-www-form-urlencoded", form)));
    }

    /**
     * Sends until an answer other than a dead or deploying instance's comes (at most 40 tries); the
     * first answer is tallied. 502/503/504 are nginx's (the instance died holding the request, or
     * both were away) or the restarting instance's launcher (503 until the application is deployed).
     * A 404 or 500 is never retried: it fails the test, also during the restart.
     */
    private static int withRetries(Map<Integer, AtomicInteger> firstAnswers, java.util.function.Supplier<Answer> request) {
        int status = -1;
        for (int attempt = 0; attempt < 40; attempt++) {
            try {
                status = request.get().status();
            } catch (UncheckedIOException e) {
                status = -1; // the connection to nginx itself failed
            }
            if (attempt == 0) {
                firstAnswers.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
            }
            // the launcher answers 503 for the restarting instance until its application is deployed:
            // Payara Micro's own 404 or 500 must never reach a visitor, not even during the restart
            if (!Set.of(-1, 502, 503, 504).contains(status)) {
                return status;
            }
            RunningSite.sleep(500);
        }
        return status;
    }

    /** The newest confirmation link mailed to each signer of the surge (a repeat may have mailed a fresh one). */
    private static Map<String, String> newestTokens() throws SQLException {
        Map<String, String> newest = new LinkedHashMap<>();
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement s = c.prepareStatement("SELECT recipient, body FROM mail_message WHERE recipient LIKE ? ORDER BY id")) {
            s.setString(1, "%" + DOMAIN);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Matcher m = TOKEN.matcher(r.getString(2) == null ? "" : r.getString(2));
                    if (m.find()) {
                        newest.put(r.getString(1).toLowerCase(Locale.ROOT), URLDecoder.decode(m.group(1), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return newest;
    }

    private static int publicCount() {
        Answer campaign = new Visitor("127.0.0.21").get("/api/campaigns/" + CAMPAIGN);
        assertThat(campaign.status()).isEqualTo(200);
        Matcher m = Pattern.compile("\"confirmedSignatures\":(\\d+)").matcher(campaign.body());
        assertThat(m.find()).as(campaign.body()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** Waits (up to two minutes) until the counting job has counted every confirmed signature. */
    private static void awaitAllCounted() throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofMinutes(2));
        String uncounted = "SELECT COUNT(*) FROM signature WHERE counted = FALSE AND confirmed_at IS NOT NULL "
                + "AND held = FALSE AND invalidated_at IS NULL";
        while (count(uncounted) > 0 && Instant.now().isBefore(until)) {
            Thread.sleep(500);
        }
        assertThat(count(uncounted)).as("confirmed signatures left uncounted").isZero();
        Thread.sleep(4000); // one more counting run on each instance: nothing is counted twice
    }

    private static long count(String sql, Object... parameters) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitInLog(RunningSite site, String text) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        while (!site.printed().contains(text) && Instant.now().isBefore(until)) {
            Thread.sleep(500);
        }
        assertThat(site.printed()).as("the log of " + site.port() + " shows the grid of two").contains(text);
    }

    private static void assertSignedIn(Answer profile, String where) {
        assertThat(profile.status()).as("signed in " + where + " (not sent to sign in): " + profile.header("location")).isEqualTo(200);
        assertThat(profile.body()).as(where).contains("<dd id=\"current-email\">" + EMAIL + "</dd>");
    }

    // --- a visitor over TLS through nginx, from a loopback address of its own -------------------------

    /** Status, headers (lower-case names, last value wins) and body. */
    record Answer(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** One client with its cookies, sending from its own loopback address (the JDK's HTTP client cannot choose one). */
    static final class Visitor {

        private final String from;
        private final Map<String, String> cookies = new LinkedHashMap<>(Map.of("lang", "en"));

        Visitor(String from) {
            this.from = from;
        }

        Answer get(String path) {
            return send(null, "GET", path, null, null);
        }

        Answer post(String path, String contentType, String body) {
            return send(null, "POST", path, contentType, body);
        }

        /** Straight to one instance, over plain HTTP, with this visitor's cookies. */
        Answer direct(RunningSite site, String path) {
            return send(site, "GET", path, null, null);
        }

        void signIn(String email, String password) {
            signIn(email, password, null, null);
        }

        /** Signs in with the form fetched from one place and sent to another (null: through nginx). */
        void signIn(String email, String password, RunningSite formFrom, RunningSite postTo) {
            Answer form = send(formFrom, "GET", "/account/sign-in.xhtml", null, null);
            assertThat(form.status()).isEqualTo(200);
            WebSession.Page page = new WebSession.Page(form.status(), form.body(), Map.of(), URI.create("https://localhost/"));
            Map<String, String> fields = new LinkedHashMap<>(page.hiddenFields("signIn"));
            fields.put("signIn", "signIn");
            fields.put("signIn:email", email);
            fields.put("signIn:password", password);
            fields.put("signIn:submit", "x");
            String body = fields.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            Answer done = send(postTo, "POST", page.formAction("signIn"), "application/x-www-form-urlencoded", body);
            assertThat(done.status()).as("sign-in: " + done.body()).isEqualTo(302);
        }

        private Answer send(RunningSite direct, String method, String path, String contentType, String body) {
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            int port = direct == null ? nginx.httpsPort() : direct.port();
            try (Socket plain = new Socket()) {
                plain.bind(new InetSocketAddress(from, 0));
                plain.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
                plain.setSoTimeout(60_000);
                Socket socket = plain;
                if (direct == null) {
                    SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(plain, "localhost", port, true);
                    SSLParameters parameters = secure.getSSLParameters();
                    parameters.setEndpointIdentificationAlgorithm("HTTPS");
                    parameters.setServerNames(List.of(new SNIHostName("localhost")));
                    secure.setSSLParameters(parameters);
                    secure.startHandshake();
                    socket = secure;
                }
                StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.0\r\n");
                head.append("Host: localhost:").append(port).append("\r\nAccept-Language: en\r\n");
                head.append("Cookie: ").append(cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; "))).append("\r\n");
                if (body != null) {
                    head.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(content.length).append("\r\n");
                }
                head.append("\r\n");
                OutputStream out = socket.getOutputStream();
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                out.write(content);
                out.flush();
                InputStream in = socket.getInputStream();
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                in.transferTo(all);
                return parse(all.toString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private Answer parse(String text) throws IOException {
            int split = text.indexOf("\r\n\r\n");
            if (!text.startsWith("HTTP/") || split < 0) {
                throw new IOException("no HTTP answer: " + text.substring(0, Math.min(80, text.length())));
            }
            String[] lines = text.substring(0, split).split("\r\n");
            Map<String, String> headers = new HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = lines[i].substring(colon + 1).trim();
                headers.put(name, value);
                if (name.equals("set-cookie")) {
                    String pair = value.split(";", 2)[0];
                    int equals = pair.indexOf('=');
                    if (equals > 0) {
                        String cookie = pair.substring(0, equals).trim();
                        String cookieValue = pair.substring(equals + 1).trim();
                        if (cookieValue.isEmpty() || value.toLowerCase(Locale.ROOT).contains("max-age=0")) {
                            cookies.remove(cookie);
                        } else {
                            cookies.put(cookie, cookieValue);
                        }
                    }
                }
            }
            return new Answer(Integer.parseInt(lines[0].substring(9, 12)), headers, text.substring(split + 4));
        }
    }

    private static SSLContext trusting(Path certificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            trusted.setCertificateEntry("nginx", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
