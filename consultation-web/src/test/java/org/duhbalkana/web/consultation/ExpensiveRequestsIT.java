package org.duhbalkana.web.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duhbalkana.testing.TestDatabase;
import org.duhbalkana.web.testing.Http;
import org.duhbalkana.web.testing.RunningSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Expensive anonymous requests, tried as an attacker would (issue 12): a comment with hundreds of
 * replies, a storm of report downloads, a flood of searches, multipart bodies sent to pages that
 * take no files, and junk query parameters against the page copies. One site on MariaDB (the test
 * reads the database while it runs), demo content, copies of public pages kept for a minute.
 */
class ExpensiveRequestsIT {

    private static final String OPEN_ROUND = "prekogranicni-turizam-2027";
    private static final String REPORT_ROUND = "dunavski-park-vidin";
    private static final int REPLIES = 300;

    private static TestDatabase db;
    private static RunningSite site;

    @BeforeAll
    static void start() {
        db = TestDatabase.mariaDb();
        Map<String, String> env = new HashMap<>(db.environment());
        env.put("DEMO", "true");
        env.put("PAGE_CACHE_SECONDS", "60");
        try {
            site = RunningSite.configured("expensive-requests", env).start();
        } catch (RuntimeException | Error e) {
            db.close();
            throw e;
        }
    }

    @AfterAll
    static void stop() {
        try {
            if (site != null) {
                site.close();
            }
        } finally {
            if (db != null) {
                db.close();
            }
        }
    }

    // ----- replies

    @Test
    void aCommentWithThreeHundredRepliesShowsFiveAndPagesTheRestEachExactlyOnce() throws SQLException {
        long roundId = number("SELECT id FROM consultation_round WHERE slug = '" + OPEN_ROUND + "'");
        long author = number("SELECT id FROM account WHERE email = 'citizen@demo.example'");
        long parent;
        List<Long> replyIds = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            parent = insertComment(c, roundId, null, author, "Komentar sa mnogo odgovora");
            for (int i = 0; i < REPLIES; i++) {
                replyIds.add(insertComment(c, roundId, parent, author, "Odgovor broj " + i));
            }
            c.commit();
        }

        // the API: the first replies inline, how many there are, and the rest by cursor
        String page = Http.get(site.uri("/api/consultations/" + OPEN_ROUND + "/comments?cursor=" + (parent - 1) + "&limit=1")).body();
        assertThat(page).startsWith("{\"comments\":[{\"id\":" + parent + ",");
        assertThat(first(page, "\"repliesTotal\":(\\d+)")).isEqualTo(Integer.toString(REPLIES));
        List<Long> seen = new ArrayList<>(repliesTo(page, parent));
        assertThat(seen).hasSize(5);
        String cursor = first(page, "\"repliesCursor\":\"(\\d+)\"");
        int requests = 0;
        while (cursor != null) {
            String replies = Http.get(site.uri("/api/consultations/" + OPEN_ROUND + "/comments/" + parent
                    + "/replies?limit=100&cursor=" + cursor)).body();
            assertThat(first(replies, "\"repliesTotal\":(\\d+)")).isEqualTo(Integer.toString(REPLIES));
            assertThat(repliesTo(replies, parent)).hasSizeLessThanOrEqualTo(100);
            seen.addAll(repliesTo(replies, parent));
            cursor = first(replies, "\"nextCursor\":\"(\\d+)\"");
            assertThat(++requests).isLessThan(10);
        }
        assertThat(seen).as("every reply exactly once, oldest first").containsExactlyElementsOf(replyIds);
        // a reply, or a comment of another round, has no replies page
        assertThat(Http.get(site.uri("/api/consultations/" + OPEN_ROUND + "/comments/" + replyIds.get(0) + "/replies")).statusCode())
                .isEqualTo(404);
        assertThat(Http.get(site.uri("/api/consultations/" + REPORT_ROUND + "/comments/" + parent + "/replies")).statusCode())
                .isEqualTo(404);

        // the round page: five replies under the comment, and a link to the others
        HttpResponse<String> roundPage = Http.get(site.uri("/consultations/view.xhtml?slug=" + OPEN_ROUND + "&after=" + (parent - 1)),
                "Accept-Language", "sr-Latn");
        assertThat(roundPage.statusCode()).isEqualTo(200);
        Set<Long> onRoundPage = pageIds(roundPage.body());
        onRoundPage.retainAll(replyIds);
        assertThat(onRoundPage).containsExactlyElementsOf(replyIds.subList(0, 5));
        Matcher more = Pattern.compile("<a id=\"more-replies-" + parent + "\" href=\"([^\"]+)\">([^<]*)</a>").matcher(roundPage.body());
        assertThat(more.find()).isTrue();
        assertThat(more.group(2)).isEqualTo("Još odgovora (" + (REPLIES - 5) + ")");
        List<Long> onPages = new ArrayList<>(onRoundPage);
        String next = unescape(more.group(1));
        int pages = 0;
        while (next != null) {
            HttpResponse<String> repliesPage = Http.get(site.uri(next.startsWith("?") ? "/consultations/replies.xhtml" + next : next),
                    "Accept-Language", "sr-Latn");
            assertThat(repliesPage.statusCode()).isEqualTo(200);
            Set<Long> ids = pageIds(repliesPage.body());
            ids.remove(parent);
            assertThat(ids).hasSizeLessThanOrEqualTo(50);
            onPages.addAll(ids);
            Matcher nextLink = Pattern.compile("<a id=\"more\" class=\"button\" href=\"([^\"]+)\"").matcher(repliesPage.body());
            next = nextLink.find() ? unescape(nextLink.group(1)) : null;
            assertThat(++pages).isLessThan(10);
        }
        assertThat(onPages).as("the round page and the replies pages show every reply exactly once").containsExactlyElementsOf(replyIds);
        assertThat(Http.get(site.uri("/consultations/replies.xhtml?slug=" + OPEN_ROUND + "&comment=" + replyIds.get(0))).statusCode())
                .isEqualTo(404);
    }

    // ----- report documents

    @Test
    void reportDocumentsAreBuiltOnceAndAStormReadsTheStoredBytes() throws Exception {
        String base = "/api/consultations/" + REPORT_ROUND;
        // different languages of the reader: different page copies, so each request reaches the stored documents
        byte[] json = bytes(base + "/report", "en");
        byte[] csv = bytes(base + "/report.csv", "en");
        byte[] pdf = bytes(base + "/report.pdf?lang=bg", "en");
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"status\":\"REPORT_PUBLISHED\"");
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

        long roundId = number("SELECT id FROM consultation_round WHERE slug = '" + REPORT_ROUND + "'");
        Map<String, Timestamp> built = builtAt(roundId);
        assertThat(built).containsKeys("JSON/-", "CSV/-", "PDF/bg").doesNotContainKey("PDF/sr-Cyrl");
        assertThat(stored(roundId, "JSON", "-")).isEqualTo(json);
        assertThat(stored(roundId, "CSV", "-")).isEqualTo(csv);
        assertThat(stored(roundId, "PDF", "bg")).isEqualTo(pdf);

        // a storm: 40 requests at once, for documents already built and for one never asked for
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<byte[]>> storm = new ArrayList<>();
            String[] languages = {"sr-Latn", "sr-Cyrl", "bg", "en"};
            for (int i = 0; i < 10; i++) {
                String language = languages[i % 4];
                storm.add(pool.submit(() -> bytes(base + "/report", language)));
                storm.add(pool.submit(() -> bytes(base + "/report.csv", language)));
                // a PDF in another language than the reader's is never kept as a page copy: each reaches storage
                storm.add(pool.submit(() -> bytes(base + "/report.pdf?lang=bg", "sr-Latn")));
                storm.add(pool.submit(() -> bytes(base + "/report.pdf?lang=sr-Cyrl", "en")));
            }
            byte[] cyrillic = null;
            for (int i = 0; i < storm.size(); i++) {
                byte[] answer = storm.get(i).get();
                switch (i % 4) {
                    case 0 -> assertThat(answer).isEqualTo(json);
                    case 1 -> assertThat(answer).isEqualTo(csv);
                    case 2 -> assertThat(answer).isEqualTo(pdf);
                    default -> {
                        if (cyrillic == null) {
                            cyrillic = answer;
                        }
                        assertThat(answer).as("one build of the new PDF, the same bytes to everyone").isEqualTo(cyrillic);
                    }
                }
            }
            assertThat(stored(roundId, "PDF", "sr-Cyrl")).isEqualTo(cyrillic);
        } finally {
            pool.shutdownNow();
        }
        Map<String, Timestamp> after = builtAt(roundId);
        assertThat(after).as("nothing rebuilt").containsAllEntriesOf(built);
        assertThat(after).as("one document more: the new PDF").hasSize(built.size() + 1).containsKey("PDF/sr-Cyrl");
        assertThat(number("SELECT COUNT(*) FROM report_document WHERE round_id = " + roundId)).isEqualTo(built.size() + 1);

        // a client that has the document is told so without the bytes
        HttpResponse<byte[]> first = Http.sendBytes(HttpRequest.newBuilder(site.uri(base + "/report.pdf?lang=bg"))
                .header("Accept-Language", "sr-Cyrl").build());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = Http.sendBytes(HttpRequest.newBuilder(site.uri(base + "/report.pdf?lang=bg"))
                .header("Accept-Language", "sr-Cyrl").header("If-None-Match", etag).build());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(Http.get(site.uri("/api/consultations/" + OPEN_ROUND + "/report.csv")).statusCode()).as("not published").isEqualTo(404);
    }

    // ----- search

    @Test
    void thirtySearchesAMinuteFromOneAddressThenRefusedInTheClientsLanguage() throws SQLException {
        for (int i = 0; i < 30; i++) {
            HttpResponse<String> found = Http.get(site.uri("/api/search?q=park+" + i), "Accept-Language", "bg");
            assertThat(found.statusCode()).as("search %d", i + 1).isEqualTo(200);
        }
        HttpResponse<String> refused = Http.get(site.uri("/api/search?q=park"), "Accept-Language", "bg");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(first(refused.body(), "\"error\":\"([^\"]*)\"")).startsWith("Твърде много търсения от този адрес").doesNotContain("search.error");

        HttpResponse<String> page = Http.get(site.uri("/search.xhtml?q=Zaje%C4%8Dar"), "Accept-Language", "sr-Cyrl");
        assertThat(page.statusCode()).isEqualTo(429);
        assertThat(page.headers().firstValue("Retry-After")).isPresent();
        assertThat(page.body()).contains("Превише претрага са ове адресе").doesNotContain("search.error").doesNotContain("id=\"results\"");
        assertThat(number("SELECT COUNT(*) FROM throttle WHERE scope = 'SEARCH_ADDRESS'")).isEqualTo(1);
    }

    // ----- multipart

    @Test
    void multipartBodiesAreRefusedEverywhereButTheAttachmentForm() throws SQLException {
        long signatures = number("SELECT COUNT(*) FROM signature");
        long accounts = number("SELECT COUNT(*) FROM account");
        String boundary = "----attack" + System.nanoTime();
        String campaign = string("SELECT slug FROM campaign WHERE status = 'PUBLISHED' ORDER BY id LIMIT 1");
        // small enough to be sent whole before the answer (the refusal does not read it)
        byte[] large = new byte[16 * 1024];
        java.util.Arrays.fill(large, (byte) 'A');
        for (String path : List.of("/account/sign-in.xhtml", "/account/sign-up.xhtml", "/campaigns/view.xhtml?slug=" + campaign,
                "/consultations/view.xhtml?slug=" + OPEN_ROUND, "/index.xhtml", "/api/campaigns/" + campaign + "/signatures")) {
            byte[] body = multipart(boundary, Map.of("name", "Napadač", "email", "napadac@example.org", "consentSignature", "true",
                    "jakarta.faces.ViewState", "stateless"), large);
            HttpResponse<String> answer = Http.send(HttpRequest.newBuilder(site.uri(path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
            assertThat(answer.statusCode()).as(path).isEqualTo(415);
        }
        assertThat(number("SELECT COUNT(*) FROM signature")).isEqualTo(signatures);
        assertThat(number("SELECT COUNT(*) FROM account")).isEqualTo(accounts);
        // the ordinary forms still work
        assertThat(Http.get(site.uri("/account/sign-in.xhtml")).statusCode()).isEqualTo(200);
    }

    // ----- the page copies

    @Test
    void junkParametersReadTheSameCopy() {
        String page = "/consultations/view.xhtml?slug=" + OPEN_ROUND + "&section=2";
        HttpResponse<String> first = Http.get(site.uri(page + "&x=1"), "Accept-Language", "en");
        assertThat(first.statusCode()).isEqualTo(200);
        for (String junk : List.of("&x=2", "&utm_source=mail&x=3", "&jakarta.faces.ViewState=stateless", "")) {
            HttpResponse<String> again = Http.get(site.uri(page + junk), "Accept-Language", "en");
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(again.headers().firstValue("Age")).as("served from the copy: " + junk).isPresent();
            assertThat(again.body()).isEqualTo(first.body());
        }
        HttpResponse<String> reordered = Http.get(site.uri("/consultations/view.xhtml?x=9&section=2&slug=" + OPEN_ROUND), "Accept-Language", "en");
        assertThat(reordered.headers().firstValue("Age")).isPresent();
        assertThat(reordered.body()).isEqualTo(first.body());
        // the same junk on the API
        String api = "/api/consultations/" + OPEN_ROUND + "/comments?limit=7";
        String apiFirst = Http.get(site.uri(api + "&junk=a"), "Accept-Language", "en").body();
        HttpResponse<String> apiAgain = Http.get(site.uri(api + "&junk=b"), "Accept-Language", "en");
        assertThat(apiAgain.headers().firstValue("Age")).isPresent();
        assertThat(apiAgain.body()).isEqualTo(apiFirst);
    }

    @Test
    void aCopyKeepsItsHeadersAndAnAnswerInAnotherLanguageIsNotKept() {
        String base = "/api/consultations/" + REPORT_ROUND;
        HttpResponse<byte[]> csv = get(base + "/report.csv?copy=1", "sr-Latn");
        HttpResponse<byte[]> csvCopy = get(base + "/report.csv?copy=2", "sr-Latn");
        assertThat(csvCopy.headers().firstValue("Age")).isPresent();
        assertThat(csvCopy.body()).isEqualTo(csv.body());
        for (String header : List.of("Content-Type", "Content-Disposition", "ETag")) {
            assertThat(csvCopy.headers().firstValue(header)).as(header).isEqualTo(csv.headers().firstValue(header)).isPresent();
        }
        assertThat(csvCopy.headers().firstValue("Content-Disposition").orElseThrow()).isEqualTo("attachment; filename=\"" + REPORT_ROUND + "-report.csv\"");
        assertThat(csvCopy.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");

        HttpResponse<byte[]> pdf = get(base + "/report.pdf?lang=en", "en");
        HttpResponse<byte[]> pdfCopy = get(base + "/report.pdf?lang=en", "en");
        assertThat(pdfCopy.headers().firstValue("Age")).isPresent();
        assertThat(pdfCopy.body()).isEqualTo(pdf.body());
        assertThat(pdfCopy.headers().firstValue("Content-Type")).isEqualTo(pdf.headers().firstValue("Content-Type"));
        assertThat(pdfCopy.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(pdfCopy.headers().firstValue("Content-Disposition").orElseThrow()).isEqualTo("inline; filename=\"" + REPORT_ROUND + "-report.pdf\"");
        assertThat(pdfCopy.headers().firstValue("Content-Language")).contains("en");

        // a Bulgarian PDF asked for by an English reader: the answer's language is not the key's
        HttpResponse<byte[]> bulgarian = get(base + "/report.pdf?lang=bg", "en");
        assertThat(bulgarian.headers().firstValue("Content-Language")).contains("bg");
        HttpResponse<byte[]> bulgarianAgain = get(base + "/report.pdf?lang=bg", "en");
        assertThat(bulgarianAgain.statusCode()).isEqualTo(200);
        assertThat(bulgarianAgain.headers().firstValue("Age")).as("not kept as a copy").isEmpty();
        assertThat(bulgarianAgain.body()).isEqualTo(bulgarian.body());
    }

    // ----- helpers

    private static HttpResponse<byte[]> get(String path, String language) {
        HttpResponse<byte[]> answer = Http.sendBytes(HttpRequest.newBuilder(site.uri(path)).timeout(Duration.ofSeconds(60))
                .header("Accept-Language", language).build());
        assertThat(answer.statusCode()).as(path).isEqualTo(200);
        return answer;
    }

    private static byte[] bytes(String path, String language) {
        return get(path, language).body();
    }

    private static Map<String, Timestamp> builtAt(long roundId) throws SQLException {
        Map<String, Timestamp> built = new HashMap<>();
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT kind, language, built_at FROM report_document WHERE round_id = ?")) {
            s.setLong(1, roundId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    built.put(rs.getString(1) + "/" + rs.getString(2), rs.getTimestamp(3));
                }
            }
        }
        return built;
    }

    private static byte[] stored(long roundId, String kind, String language) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT content FROM report_document WHERE round_id = ? AND kind = ? AND language = ?")) {
            s.setLong(1, roundId);
            s.setString(2, kind);
            s.setString(3, language);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as(kind + "/" + language + " stored").isTrue();
                return rs.getBytes(1);
            }
        }
    }

    private static long insertComment(Connection c, long roundId, Long parent, long author, String body) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO round_comment (round_id, section_id, parent_id, author_id, stance, body, "
                + "created_at, status, version, search_text) VALUES (?, NULL, ?, ?, 'NEUTRAL', ?, ?, 'VISIBLE', 0, ?)",
                java.sql.Statement.RETURN_GENERATED_KEYS)) {
            s.setLong(1, roundId);
            if (parent == null) {
                s.setNull(2, java.sql.Types.BIGINT);
            } else {
                s.setLong(2, parent);
            }
            s.setLong(3, author);
            s.setString(4, body);
            s.setTimestamp(5, Timestamp.from(java.time.Instant.now()));
            s.setString(6, body.toLowerCase(java.util.Locale.ROOT));
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static byte[] multipart(String boundary, Map<String, String> fields, byte[] file) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        fields.forEach((name, value) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** The first group of the first match, or null. */
    private static String first(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : null;
    }

    /** The ids of the replies to this comment in an API answer, in order. */
    private static List<Long> repliesTo(String json, long parent) {
        List<Long> ids = new ArrayList<>();
        Matcher m = Pattern.compile("\\{\"id\":(\\d+),\"parentId\":" + parent + ",").matcher(json);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    private static Set<Long> pageIds(String body) {
        Set<Long> ids = new LinkedHashSet<>();
        Matcher m = Pattern.compile("<li class=\"comment [^\"]*\" id=\"comment-(\\d+)\"").matcher(body);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    private static String unescape(String href) {
        return href.replace("&amp;", "&");
    }

    private static long number(String sql) throws SQLException {
        return Long.parseLong(string(sql));
    }

    private static String string(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getString(1);
        }
    }
}
