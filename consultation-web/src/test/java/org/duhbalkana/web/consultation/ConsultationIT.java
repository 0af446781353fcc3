package org.duhbalkana.web.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duhbalkana.account.DemoAccounts;
import org.duhbalkana.consultation.DemoConsultations;
import org.duhbalkana.testing.TestDatabase;
import org.duhbalkana.web.testing.Http;
import org.duhbalkana.web.testing.MariaDbSite;
import org.duhbalkana.web.testing.RunningSite;
import org.duhbalkana.web.testing.WebSession;
import org.duhbalkana.web.testing.WebSession.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Consultation rounds on the running site (MariaDB, demo content with a round of 5,000
 * comments): the open-data API, the round page and its keyset pages, and citizens commenting,
 * replying, agreeing and flagging, checked in the database.
 */
class ConsultationIT {

    private static final String BIG = DemoConsultations.BIG_ROUND;

    private static MariaDbSite mariaDb;
    private static TestDatabase db;
    private static RunningSite site;

    @BeforeAll
    static void start() {
        mariaDb = MariaDbSite.startWithDemoAccounts("consultations");
        db = mariaDb.db();
        site = mariaDb.site();
    }

    @AfterAll
    static void stop() {
        if (mariaDb != null) {
            mariaDb.close();
        }
    }

    private static HttpResponse<String> api(String path) {
        return Http.get(site.uri("/api" + path), "Accept", "application/json");
    }

    @Test
    void theApiListsMunicipalitiesAndPublicRoundsButNoDrafts() {
        HttpResponse<String> municipalities = api("/municipalities");
        assertThat(municipalities.statusCode()).isEqualTo(200);
        assertThat(municipalities.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("application/json"));
        assertThat(municipalities.body()).contains("\"code\":\"zajecar\"", "\"nameCyrillic\":\"Зајечар\"", "\"code\":\"vidin\"");
        assertThat(count(municipalities.body(), "\"code\":")).isEqualTo(19);

        String open = api("/consultations?status=OPEN").body();
        assertThat(open).contains("\"slug\":\"" + BIG + "\"", "\"slug\":\"prekogranicni-turizam-2027\"")
                .doesNotContain("dunavski-park-vidin").doesNotContain("kladovo-riverside-draft");
        String all = api("/consultations").body();
        assertThat(all).contains("dunavski-park-vidin", "medjuopstinska-saradnja-bor-negotin").doesNotContain("kladovo-riverside-draft");
        assertThat(api("/consultations/kladovo-riverside-draft").statusCode()).isEqualTo(404);
        assertThat(api("/consultations/no-such-round").statusCode()).isEqualTo(404);

        String round = api("/consultations/prekogranicni-turizam-2027").body();
        assertThat(round).contains("\"organizers\":[", "\"deadlineZone\":\"Europe/Sofia\"", "\"number\":2",
                "Felix Romuliane", "\"comments\":4");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "/consultations?status=FOO                        | status",
        "/consultations?municipality=zajecar              | municipality",
        "/consultations?page=-1                           | page",
        "/consultations/" + BIG + "/comments?limit=0      | limit",
        "/consultations/" + BIG + "/comments?limit=1000   | limit",
        "/consultations/" + BIG + "/comments?cursor=abc   | cursor",
        "/consultations/" + BIG + "/comments?section=99   | section",
    })
    void badParametersAnswer400NamingTheParameter(String path, String parameter) {
        HttpResponse<String> response = api(path);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"parameter\":\"" + parameter + "\"");
    }

    @Test
    void allFiveThousandCommentsComeThroughTheCursorOnceEach() {
        List<Long> ids = new ArrayList<>();
        String cursor = "";
        int pages = 0;
        do {
            String body = api("/consultations/" + BIG + "/comments?limit=100" + (cursor.isEmpty() ? "" : "&cursor=" + cursor)).body();
            Matcher m = Pattern.compile("\\{\"id\":(\\d+),\"parentId\":null").matcher(body);
            while (m.find()) {
                ids.add(Long.parseLong(m.group(1)));
            }
            Matcher next = Pattern.compile("\"nextCursor\":\"(\\d+)\"").matcher(body);
            cursor = next.find() ? next.group(1) : "";
            pages++;
        } while (!cursor.isEmpty() && pages < 200);

        assertThat(ids).hasSize(DemoConsultations.BIG_ROUND_COMMENTS).doesNotHaveDuplicates().isSorted();
        assertThat(api("/consultations/" + BIG + "/comments?section=3&limit=100").body()).doesNotContain("\"section\":1,");
    }

    @Test
    void aPublishedReportCarriesTheAnswersAndAnOpenRoundHasNone() {
        String report = api("/consultations/dunavski-park-vidin/report").body();
        assertThat(report).contains("\"status\":\"REPORT_PUBLISHED\"", "\"disposition\":\"PARTLY_ACCEPTED\"",
                "\"dispositionReason\":\"Приема се частично", "\"ACCEPTED\":1", "\"PARTLY_ACCEPTED\":1");
        assertThat(api("/consultations/" + BIG + "/report").statusCode()).isEqualTo(404);
        assertThat(api("/consultations/" + BIG + "/comments?limit=5").body()).doesNotContain("\"disposition\"");
    }

    @Test
    void theReportIsAPdfWithItsFontsEmbeddedAndACsv() throws Exception {
        HttpResponse<byte[]> pdf = Http.sendBytes(HttpRequest.newBuilder(
                site.uri("/api/consultations/dunavski-park-vidin/report.pdf?lang=sr-Cyrl")).build());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/pdf"));
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Извештај", "Паркът трябва да е отворен до полунощ през лятото.",
                    "Приема се частично: от юни до август", "Подржавам уређење парка");
            for (PDPage page : document.getPages()) {
                for (COSName font : page.getResources().getFontNames()) {
                    assertThat(page.getResources().getFont(font).isEmbedded()).as(font.getName()).isTrue();
                }
            }
        }
        HttpResponse<String> csv = Http.get(site.uri("/api/consultations/dunavski-park-vidin/report.csv"));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).startsWith("\uFEFFsection,comment_id,reply_to,author,stance,status,created_at,text,disposition,reason")
                .contains("PARTLY_ACCEPTED,Приема се частично: от юни до август паркът ще е отворен до 24:00.",
                        "\"Podržavam uređenje parka, lepo je šetati uz Dunav.\",ACCEPTED");
        assertThat(Http.get(site.uri("/api/consultations/" + BIG + "/report.pdf")).statusCode()).isEqualTo(404);
    }

    @Test
    void theRoundPageShowsTheDraftInTheReadersScriptAndItsCommentsAPageAtATime() {
        WebSession latin = new WebSession(site, "sr-Latn");
        Page first = latin.get("/consultations/view.xhtml?slug=" + BIG);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.h1()).isEqualTo("Odluka o podršci lokalnim proizvodima 2027");
        assertThat(first.body()).contains("Proizvedeno u Timočkoj krajini");
        assertThat(count(first.body(), "<li class=\"comment ")).isEqualTo(ConsultationViewBacking.PAGE);

        Matcher more = Pattern.compile("id=\"more\"[^>]*href=\"([^\"]+)\"|href=\"([^\"]+)\"[^>]*id=\"more\"").matcher(first.body());
        assertThat(more.find()).isTrue();
        String next = (more.group(1) != null ? more.group(1) : more.group(2)).replace("&amp;", "&");
        Page second = latin.get("/consultations/view.xhtml" + next.substring(next.indexOf('?')).replaceAll("#.*", ""));
        assertThat(count(second.body(), "<li class=\"comment ")).isEqualTo(ConsultationViewBacking.PAGE);
        assertThat(ids(second.body())).doesNotContainAnyElementsOf(ids(first.body()));

        Page cyrillic = new WebSession(site, "sr-Cyrl").get("/consultations/view.xhtml?slug=" + BIG);
        assertThat(cyrillic.h1()).isEqualTo("Одлука о подршци локалним производима 2027");
        Page bulgarian = new WebSession(site, "bg").get("/consultations/view.xhtml?slug=prekogranicni-turizam-2027");
        assertThat(bulgarian.body()).contains("Подкрепям. Информацията трябва да е и на английски");
        Page latinTourism = latin.get("/consultations/view.xhtml?slug=prekogranicni-turizam-2027");
        assertThat(latinTourism.body()).contains("Подкрепям. Информацията трябва да е и на английски");
        assertThat(new WebSession(site, "en").get("/consultations/view.xhtml?slug=kladovo-riverside-draft").status()).isEqualTo(404);
    }

    @Test
    void aCitizenCommentsRepliesAgreesOnceAndFlagsPutACommentUnderReviewWithoutHidingIt() throws SQLException {
        WebSession citizen = WebSession.signedIn(site, "citizen@demo.example", DemoAccounts.PASSWORD);
        String path = "/consultations/view.xhtml?slug=prekogranicni-turizam-2027";
        Page page = citizen.get(path);
        Page commented = citizen.submit(page, "comment", Map.of("section", "2", "stance", "SUPPORTS",
                "text", "Стазу треба обележити и за бициклисте.\nНа оба језика."), "submit");
        assertThat(commented.messages()).contains("Your comment is published.");
        assertThat(query("SELECT body FROM round_comment WHERE body LIKE 'Стазу треба%'"))
                .isEqualTo("Стазу треба обележити и за бициклисте.\nНа оба језика.");
        long commentId = Long.parseLong(query("SELECT id FROM round_comment WHERE body LIKE 'Стазу треба%'"));

        WebSession other = WebSession.signedIn(site, "gragjanin@demo.example", DemoAccounts.PASSWORD);
        Page otherPage = other.get(path);
        int row = rowOf(otherPage, commentId);
        Page agreed = other.submit(otherPage, "comments", Map.of(), "list:" + row + ":endorse");
        assertThat(agreed.messages()).contains("Counted: you agree with this comment.");
        Page again = other.submit(agreed, "comments", Map.of(), "list:" + rowOf(agreed, commentId) + ":endorse");
        assertThat(again.messages()).contains("You already agree with this comment.");
        assertThat(query("SELECT endorsement_count FROM round_comment WHERE id = " + commentId)).isEqualTo("1");

        Page replied = other.submit(again, "comments", Map.of("list:" + rowOf(again, commentId) + ":replyText", "Слажем се."),
                "list:" + rowOf(again, commentId) + ":sendReply");
        assertThat(replied.messages()).contains("Your reply is published.");
        assertThat(query("SELECT COUNT(*) FROM round_comment WHERE parent_id = " + commentId)).isEqualTo("1");

        for (String flagger : List.of("organizer@demo.example", "moderator@demo.example", "admin@demo.example")) {
            WebSession session = WebSession.signedIn(site, flagger, DemoAccounts.PASSWORD);
            Page before = session.get(path);
            int r = rowOf(before, commentId);
            session.submit(before, "comments", Map.of("list:" + r + ":flagReason", "Провера"), "list:" + r + ":sendFlag");
        }
        // Flags never hide a comment by themselves: it stays shown, marked as under review.
        assertThat(query("SELECT status FROM round_comment WHERE id = " + commentId)).isEqualTo("PENDING");
        assertThat(query("SELECT flag_count FROM round_comment WHERE id = " + commentId)).isEqualTo("3");
        assertThat(new WebSession(site, "en").get(path).body())
                .contains("Стазу треба обележити", "id=\"under-review-" + commentId + "\"", "Under review");
    }

    @Test
    void theAuthorChangesACommentInItsFirstFifteenMinutesAndNobodyElseCan() throws SQLException {
        String path = "/consultations/view.xhtml?slug=prekogranicni-turizam-2027";
        WebSession author = WebSession.signedIn(site, "organizer@demo.example", DemoAccounts.PASSWORD);
        author.submit(author.get(path), "comment", Map.of("section", "1", "stance", "NEUTRAL", "text", "Prva verzija."), "submit");
        long id = Long.parseLong(query("SELECT id FROM round_comment WHERE body = 'Prva verzija.'"));

        Page page = author.get(path);
        int row = rowOf(page, id);
        assertThat(page.body()).contains("id=\"comments:list:" + row + ":editText\"");
        Page changed = author.submit(page, "comments", Map.of("list:" + row + ":editText", "Ispravljena verzija."),
                "list:" + row + ":saveEdit");
        assertThat(changed.messages()).contains("Your comment is changed.");
        assertThat(query("SELECT body FROM round_comment WHERE id = " + id)).isEqualTo("Ispravljena verzija.");
        assertThat(query("SELECT edited_at IS NOT NULL FROM round_comment WHERE id = " + id)).isIn("1", "true");

        Page someoneElse = WebSession.signedIn(site, "moderator@demo.example", DemoAccounts.PASSWORD).get(path);
        assertThat(someoneElse.body()).doesNotContain("id=\"comments:list:" + rowOf(someoneElse, id) + ":editText\"");
    }

    @Test
    void aPersonFollowsARoundOnceAndStops() throws SQLException {
        String path = "/consultations/view.xhtml?slug=medjuopstinska-saradnja-bor-negotin";
        WebSession citizen = WebSession.signedIn(site, "citizen@demo.example", DemoAccounts.PASSWORD);
        Page followed = citizen.submit(citizen.get(path), "follow", Map.of(), "toggle");
        assertThat(followed.messages()).anyMatch(m -> m.startsWith("You follow this consultation"));
        assertThat(query("SELECT COUNT(*) FROM round_follow f JOIN consultation_round r ON r.id = f.round_id "
                + "WHERE r.slug = 'medjuopstinska-saradnja-bor-negotin'")).isEqualTo("1");
        Page stopped = citizen.submit(followed, "follow", Map.of(), "toggle");
        assertThat(stopped.messages()).contains("You no longer follow this consultation.");
        assertThat(query("SELECT COUNT(*) FROM round_follow f JOIN consultation_round r ON r.id = f.round_id "
                + "WHERE r.slug = 'medjuopstinska-saradnja-bor-negotin'")).isEqualTo("0");
    }

    @Test
    void aVisitorWhoIsNotSignedInIsAskedToSignInAndAForgedCommentStoresNothing() throws SQLException {
        WebSession visitor = new WebSession(site, "en");
        Page page = visitor.get("/consultations/view.xhtml?slug=prekogranicni-turizam-2027");
        assertThat(page.body()).contains("id=\"sign-in-to-comment\"").doesNotContain("id=\"comment:text\"");
        String before = query("SELECT COUNT(*) FROM round_comment");

        Map<String, String> forged = new LinkedHashMap<>(page.hiddenFields("comments"));
        forged.put("comment", "comment");
        forged.put("comment:section", "0");
        forged.put("comment:stance", "SUPPORTS");
        forged.put("comment:text", "Forged.");
        forged.put("comment:submit", "x");
        visitor.post("/consultations/view.xhtml?slug=prekogranicni-turizam-2027", forged);
        assertThat(query("SELECT COUNT(*) FROM round_comment")).isEqualTo(before);
    }

    @Test
    void theReviewersDashboardCountsEveryCommentOfTheRound() throws Exception {
        WebSession reviewer = WebSession.signedIn(site, "reviewer.zajecar@demo.example", DemoAccounts.PASSWORD);
        Page page = reviewer.get("/review/dashboard.xhtml?slug=" + BIG);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("perSection", "stances", "dispositions", "perDay", "<canvas");
        long total = Long.parseLong(query("SELECT COUNT(*) FROM round_comment c JOIN consultation_round r ON r.id = c.round_id "
                + "WHERE r.slug = '" + BIG + "'"));
        for (String table : List.of("sections", "stances", "dispositions", "days")) {
            Matcher body = Pattern.compile("id=\"table-" + table + "\"(.*?)</table>", Pattern.DOTALL).matcher(page.body());
            assertThat(body.find()).as(table).isTrue();
            // counts are in the reader's format (1,250 in English, 1.250 in Serbian)
            Matcher cells = Pattern.compile("<td class=\"number\">([\\d.,]+)</td>").matcher(body.group(1));
            long sum = 0;
            while (cells.find()) {
                sum += Long.parseLong(cells.group(1).replaceAll("[.,]", ""));
            }
            assertThat(sum).as(table).isEqualTo(total);
        }
        WebSession citizen = WebSession.signedIn(site, "citizen@demo.example", DemoAccounts.PASSWORD);
        assertThat(citizen.get("/review/dashboard.xhtml?slug=" + BIG).status()).isEqualTo(403);
    }

    @Test
    void theLanguageChosenWhileSignedInIsKeptInTheProfile() throws Exception {
        WebSession citizen = WebSession.signedIn(site, "citizen@demo.example", DemoAccounts.PASSWORD);
        Page switched = citizen.get("/consultations/index.xhtml?lang=bg");
        assertThat(switched.status()).isEqualTo(303);
        assertThat(query("SELECT language FROM account WHERE email = 'citizen@demo.example'")).isEqualTo("bg");
        citizen.get("/consultations/index.xhtml?lang=sr-Cyrl");
        assertThat(query("SELECT language FROM account WHERE email = 'citizen@demo.example'")).isEqualTo("sr-Cyrl");
        // A visitor's choice changes no one's profile.
        new WebSession(site, "en").get("/consultations/index.xhtml?lang=en");
        assertThat(query("SELECT language FROM account WHERE email = 'citizen@demo.example'")).isEqualTo("sr-Cyrl");
    }

    private static int rowOf(Page page, long commentId) {
        List<Long> ids = new ArrayList<>();
        Matcher m = Pattern.compile("<li class=\"comment (?:hidden-comment)?\\s*\" id=\"comment-(\\d+)\"").matcher(page.body());
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        int index = ids.indexOf(commentId);
        if (index < 0) {
            throw new AssertionError("comment " + commentId + " is not on the page: " + ids);
        }
        return index;
    }

    private static List<Long> ids(String body) {
        List<Long> ids = new ArrayList<>();
        Matcher m = Pattern.compile("<li class=\"comment [^\"]*\" id=\"comment-(\\d+)\"").matcher(body);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private static String query(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
