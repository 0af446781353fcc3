package org.duhbalkana.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.duhbalkana.testing.TestDatabase;
import org.duhbalkana.web.testing.Http;
import org.duhbalkana.web.testing.Mailbox;
import org.duhbalkana.web.testing.RunningSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Nonsense in, a clear answer of ours out, and a log that stays readable (issue 20): bodies too
 * large, too deep, of the wrong type or with numbers out of range are refused with our JSON, none
 * writes a row or a mail, a thousand bad signatures leave the log almost as it was, and no answer
 * names the server's product or version. One site on MariaDB, so that the test reads the database.
 */
class BadInputIT {

    private static final String DANUBE = "dunav-bez-plastike";
    private static final String SIGN = "/api/campaigns/" + DANUBE + "/signatures";

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
        // the test-only failure endpoints (a bug on purpose) exist with this flag
        env.put("JAVA_OPTS", "-Xmx768m -Dduhbalkana.adjustableClock=true");
        site = RunningSite.configured("bad-input", env).start();
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

    private static String query(String sql) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql);
                ResultSet r = s.executeQuery()) {
            return r.next() ? r.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signature rows and mails: what a refused request must not add to. */
    private static long written() {
        return Long.parseLong(query("SELECT COUNT(*) FROM signature")) + Long.parseLong(query("SELECT COUNT(*) FROM mail_message"))
                + mailbox.all().size();
    }

    private static String signature(String name, String email, String place) {
        return "{\"name\":\"" + name + "\",\"email\":\"" + email + "\"," + place + ",\"consentSignature\":true,\"language\":\"en\"}";
    }

    private static HttpResponse<String> post(String json, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(site.uri(SIGN)).timeout(Duration.ofSeconds(30))
                .header("Accept-Language", "sr-Latn")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return Http.send(request.build());
    }

    private static HttpResponse<String> post(String json) {
        return post(json, "application/json");
    }

    /** Our error body: JSON with a sentence in the language asked for, never a key, a page or a stack trace. */
    private static void assertOurs(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        assertThat(answer.body()).startsWith("{\"error\":\"").doesNotContain("api.error").doesNotContain("Payara")
                .doesNotContain("Exception").doesNotContain("<html");
    }

    record Answer(int status, Map<String, String> headers, String body) {
    }

    /** A request written by hand, over a plain socket: the JDK's client will not lie about lengths. */
    private static Answer raw(String head, byte[] body, int sendAtMost) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", site.port()), 10_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            try {
                out.write(body, 0, Math.min(body.length, sendAtMost));
                out.flush();
            } catch (IOException closedEarly) {
                // the server may answer and close before the body is sent: its answer is read below
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) != -1; ) {
                    all.write(buffer, 0, n);
                    String sofar = all.toString(StandardCharsets.UTF_8);
                    int split = sofar.indexOf("\r\n\r\n");
                    if (split > 0 && sofar.endsWith("}")) {
                        break;
                    }
                }
            } catch (IOException reset) {
                // a reset after the answer: what was read is the answer
            }
            String text = all.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : text.substring(0, Math.max(split, 0)).split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(line.substring(0, colon).strip().toLowerCase(), line.substring(colon + 1).strip());
                }
            }
            return new Answer(Integer.parseInt(text.substring(9, 12)), headers, split < 0 ? "" : text.substring(split + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- size ----------------------------------------------------------------------------------

    @Test
    void bodiesOverSixteenKilobytesAreRefusedWith413BeforeTheyAreRead() {
        long before = written();
        String padded = signature("Ana Ilić", "padded@bad.example", "\"country\":\"AT\"").replace("}", ",\"pad\":\"" + "x".repeat(20_000) + "\"}");
        assertOurs(post(padded), 413);

        // ten megabytes announced, a few kilobytes sent: the answer comes without the rest
        byte[] huge = ("{\"pad\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.US_ASCII);
        Answer announced = raw("POST " + SIGN + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                + huge.length + "\r\nConnection: close\r\n\r\n", huge, 4096);
        assertThat(announced.status()).isEqualTo(413);
        assertThat(announced.body()).startsWith("{\"error\":\"");

        // chunked, no length given: refused once past the limit (64 KB sent in chunks of 4 KB)
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        byte[] start = "{\"pad\":\"".getBytes(StandardCharsets.US_ASCII);
        chunks.writeBytes((Integer.toHexString(start.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        chunks.writeBytes(start);
        chunks.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 16; i++) {
            chunks.writeBytes(("1000\r\n" + "y".repeat(4096) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        chunks.writeBytes("2\r\n\"}\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        Answer chunked = raw("POST " + SIGN + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n", chunks.toByteArray(), Integer.MAX_VALUE);
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(chunked.body()).startsWith("{\"error\":\"");
        assertThat(written()).isEqualTo(before);
    }

    // --- nesting and numbers -------------------------------------------------------------------

    @Test
    void deeplyNestedJsonIsA400OfOursNotA500() {
        long before = written();
        String deep = "{\"name\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertOurs(post(deep), 400);
        String deepObjects = "{\"a\":".repeat(2000) + "1" + "}".repeat(2000);
        assertOurs(post(deepObjects), 400);
        String justTooDeep = "{\"name\":" + "[".repeat(20) + "]".repeat(20) + "}";
        assertOurs(post(justTooDeep), 400);
        assertThat(site.printed()).doesNotContain("StackOverflowError");
        assertThat(written()).isEqualTo(before);
    }

    @Test
    void numbersOutOfRangeAre400NotWrappedToAMunicipality() {
        long before = written();
        for (String number : List.of("18446744073709551617", "-18446744073709551615", "9223372036854775808", "1e400", "1.5")) {
            HttpResponse<String> answer = post(signature("Ana Ilić", "wrap@bad.example", "\"municipalityId\":" + number));
            assertOurs(answer, 400);
            assertThat(answer.body()).as(number).contains("\"parameter\":\"municipalityId\"");
        }
        assertThat(query("SELECT COUNT(*) FROM signature WHERE email = 'wrap@bad.example'")).isEqualTo("0");
        assertThat(written()).isEqualTo(before);
    }

    // --- type ----------------------------------------------------------------------------------

    @Test
    void onlyJsonInUtf8IsTakenOtherTypesAre415OfOurs() {
        long before = written();
        String json = signature("Ana Ilić", "type@bad.example", "\"country\":\"AT\"");
        for (String type : new String[] {null, "*/*", "text/plain", "application/json; charset=latin1",
                "application/json; charset=ISO-8859-1", "application/x-www-form-urlencoded", "application/*"}) {
            HttpResponse<String> answer = post(json, type);
            assertOurs(answer, 415);
            assertThat(answer.headers().firstValue("Content-Language")).as(type).hasValue("sr-Latn");
        }
        assertThat(written()).isEqualTo(before);

        // the same body, as JSON in UTF-8, is taken
        assertThat(post(json, "application/json; charset=UTF-8").statusCode()).isEqualTo(202);
        assertThat(query("SELECT COUNT(*) FROM signature WHERE email = 'type@bad.example'")).isEqualTo("1");
    }

    // --- every error body is ours --------------------------------------------------------------

    @Test
    void everyApiErrorBodyIsOurJson() {
        assertOurs(Http.get(site.uri("/api/no-such-thing")), 404);
        assertOurs(Http.get(site.uri("/api/campaigns/no-such-campaign")), 404);
        assertOurs(Http.get(site.uri(SIGN)), 405);
        assertOurs(Http.send(HttpRequest.newBuilder(site.uri("/api/campaigns")).DELETE().build()), 405);
        assertOurs(Http.get(site.uri("/api/campaigns"), "Accept", "text/html"), 406);
        assertOurs(post("not json"), 400);
        assertOurs(post("{\"name\":\"Ana\",\"email\":\"a@b.example\",\"consentSignature\":true,\"municipalityId\":\"1\"}"), 400);
    }

    // --- the log -------------------------------------------------------------------------------

    @Test
    void aThousandBadSignaturesAre400sOfOursAndLeaveTheLogAlmostAsItWas() {
        String vidin = query("SELECT id FROM municipality WHERE code = 'vidin'");
        String place = "\"municipalityId\":" + vidin;
        List<String> bad = new ArrayList<>();
        bad.add(signature("Ana\\u0000Ilić", "nul@bad.example", place));
        bad.add(signature("Ana 😀 Ilić", "emoji@bad.example", place));
        bad.add(signature("Ana \u202EćilI", "rtl@bad.example", place));
        bad.add(signature("A".repeat(10_000), "long@bad.example", place));
        bad.add(signature("Ana Ilić", "crlf@bad.example\\r\\nBcc: all@bad.example", place));
        bad.add("{\"name\":\"Ana Ilić\",\"email\":\"consent@bad.example\"," + place + ",\"language\":\"en\"}");
        bad.add(signature("Ana Ilić", "place@bad.example", "\"municipalityId\":99999999"));
        bad.add(signature("Ana Ilić", "not-an-address", place));
        long before = written();
        long logBefore = site.printed().getBytes(StandardCharsets.UTF_8).length;
        for (int i = 0; i < 1000; i++) {
            HttpResponse<String> answer = post(bad.get(i % bad.size()));
            assertOurs(answer, 400);
            assertThat(answer.body()).contains("\"parameter\":\"");
        }
        long grown = site.printed().getBytes(StandardCharsets.UTF_8).length - logBefore;
        assertThat(grown).as("bytes the log grew by for 1,000 bad requests:\n%s", tail(site.printed(), 4000))
                .isLessThan(50_000);
        assertThat(site.printed()).doesNotContain("nul@bad.example").doesNotContain("crlf@bad.example");
        assertThat(written()).isEqualTo(before);
    }

    /** A thousand bad requests of the other kinds (too deep, too large, wrong type, out of range, no such path or method). */
    @Test
    void aThousandBadRequestsOfEveryKindLeaveTheLogAlmostAsItWas() {
        String json = signature("Ana Ilić", "mixed@bad.example", "\"country\":\"AT\"");
        String deep = "{\"name\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        String large = json.replace("}", ",\"pad\":\"" + "x".repeat(20_000) + "\"}");
        String wrapped = signature("Ana Ilić", "mixed@bad.example", "\"municipalityId\":18446744073709551617");
        long before = written();
        long logBefore = site.printed().getBytes(StandardCharsets.UTF_8).length;
        for (int i = 0; i < 1000; i++) {
            switch (i % 6) {
                case 0 -> assertOurs(post(deep), 400);
                case 1 -> assertOurs(post(large), 413);
                case 2 -> assertOurs(post(json, "text/plain"), 415);
                case 3 -> assertOurs(post(wrapped), 400);
                case 4 -> assertOurs(Http.get(site.uri(SIGN)), 405);
                default -> assertOurs(Http.get(site.uri("/api/no-such-thing-" + i)), 404);
            }
        }
        long grown = site.printed().getBytes(StandardCharsets.UTF_8).length - logBefore;
        assertThat(grown).as("bytes the log grew by for 1,000 bad requests:\n%s", tail(site.printed(), 4000)).isLessThan(50_000);
        assertThat(written()).isEqualTo(before);
    }

    /** A real failure (a bug on purpose): 500 of ours with an incident id, and that id in the log with one stack trace. */
    @Test
    void aRealFailureIsOneStackTraceInTheLogUnderTheIncidentTheClientIsShown() {
        HttpResponse<String> api = Http.send(HttpRequest.newBuilder(site.uri("/api/test-failure")).header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertOurs(api, 500);
        String incident = api.body().replaceAll(".*\"incident\":\"([0-9a-f]+)\".*", "$1");
        assertThat(incident).matches("[0-9a-f]{12}");
        assertThat(api.body()).contains("quote incident " + incident);

        HttpResponse<String> page = Http.get(site.uri("/test/failure"), "Accept-Language", "en");
        assertThat(page.statusCode()).isEqualTo(500);
        assertThat(page.body()).contains("Something went wrong").contains("quote incident").doesNotContain("IllegalStateException")
                .doesNotContain("Payara").doesNotContain("error.incident");
        String pageIncident = page.body().replaceAll("(?s).*quote incident ([0-9a-f]{12}).*", "$1");
        assertThat(pageIncident).matches("[0-9a-f]{12}");

        String log = site.printed();
        for (String id : List.of(incident, pageIncident)) {
            assertThat(log.split("incident " + id, -1).length - 1).as("log entries naming incident " + id).isEqualTo(1);
        }
        assertThat(log.split("A failure on purpose", -1).length - 1).as("stack traces of the API failure").isEqualTo(1);
        assertThat(log.split("A page failure on purpose", -1).length - 1).as("stack traces of the page failure").isEqualTo(1);
    }

    private static String tail(String text, int length) {
        return text.substring(Math.max(0, text.length() - length));
    }

    // --- saying less ---------------------------------------------------------------------------

    @Test
    void noAnswerNamesTheServerAndOptionsGivesNoWadl() {
        List<String> paths = List.of("/", "/api/campaigns", "/api/no-such-thing", "/no-such-page", "/health",
                "/resources/css/site.css", "/jakarta.faces.resource/jquery/jquery.js.xhtml?ln=primefaces");
        for (String path : paths) {
            HttpResponse<String> answer = Http.get(site.uri(path));
            Optional<String> server = answer.headers().firstValue("Server");
            assertThat(server).as(path).satisfiesAnyOf(
                    s -> assertThat(s).isEmpty(),
                    s -> assertThat(s.get()).doesNotContainIgnoringCase("payara").doesNotContainIgnoringCase("glassfish")
                            .doesNotContainIgnoringCase("grizzly").doesNotContainPattern("\\d"));
            assertThat(answer.headers().firstValue("X-Powered-By")).as(path).isEmpty();
        }
        Answer raw404 = raw("GET /no-such-path-at-all HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", new byte[0], 0);
        assertThat(raw404.headers()).doesNotContainKey("x-powered-by");
        assertThat(raw404.headers().getOrDefault("server", "")).doesNotContainIgnoringCase("payara");

        for (String path : List.of("/api/campaigns", SIGN, "/api/application.wadl")) {
            HttpResponse<String> options = Http.send(HttpRequest.newBuilder(site.uri(path))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
            assertThat(options.body()).as(path).doesNotContainIgnoringCase("wadl").doesNotContain("<application")
                    .doesNotContainIgnoringCase("jersey");
            assertThat(options.headers().firstValue("Content-Type").orElse("")).as(path).doesNotContain("wadl");
        }
        assertThat(Http.get(site.uri("/api/application.wadl")).body()).doesNotContain("<application");
    }
}
