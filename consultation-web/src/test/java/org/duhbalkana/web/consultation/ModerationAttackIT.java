package org.duhbalkana.web.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Silencing and impersonation, tried on the running site (MariaDB, demo content) as an attacker
 * would, through its pages, each followed by a look at the database: unconfirmed accounts flag a
 * comment; confirmed ones flag it (it stays shown, under review); flags over the limits; the
 * moderators' queue (reasons, who flagged, pages); a report that waits for the moderators and
 * shows the hidden comment with its reason and answer; a reviewer of Zaječar who names Vidin and
 * tries to schedule, and to publish for Vidin; comments over the limits per account and per
 * address. One site for all (started with low limits so that they are reached quickly); the
 * tests run in order because the per-address limit counts every comment of the class.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModerationAttackIT {

    private static final String TOURISM = "prekogranicni-turizam-2027";
    private static final String COOPERATION = "medjuopstinska-saradnja-bor-negotin";
    private static final String DANUBE = "dunavski-park-vidin";
    private static final String BIG = DemoConsultations.BIG_ROUND;
    private static final int FLAGS_PER_HOUR = 4;
    private static final int FLAGS_PER_ROUND = 2;
    private static final int COMMENTS_PER_ADDRESS = 40;

    private static MariaDbSite mariaDb;
    private static TestDatabase db;
    private static RunningSite site;

    @BeforeAll
    static void start() {
        mariaDb = MariaDbSite.startWithDemoAccounts("moderation-attacks", Map.of(
                "FLAG_LIMIT_HOUR", Integer.toString(FLAGS_PER_HOUR),
                "FLAG_LIMIT_ROUND", Integer.toString(FLAGS_PER_ROUND),
                "COMMENT_LIMIT_ADDRESS", Integer.toString(COMMENTS_PER_ADDRESS)));
        db = mariaDb.db();
        site = mariaDb.site();
    }

    @AfterAll
    static void stop() {
        if (mariaDb != null) {
            mariaDb.close();
        }
    }

    // ----- flags

    @Test
    @Order(1)
    void threeUnconfirmedAccountsCannotFlagACommentAndItStaysVisible() throws SQLException {
        long id = comment(signedIn("citizen@demo.example"), TOURISM, "Predlažem klupe duž cele staze.");
        for (int i = 1; i <= 3; i++) {
            WebSession unconfirmed = signedIn(account("unconfirmed" + i + "@test.example", false));
            Page answer = flag(unconfirmed, TOURISM, id, "Ne sviđa mi se.");
            assertThat(answer.messages()).contains("Confirm your e-mail address before you report a comment.");
        }
        assertThat(count("SELECT COUNT(*) FROM comment_flag WHERE comment_id = ?", id)).isZero();
        assertThat(text("SELECT status FROM round_comment WHERE id = ?", id)).isEqualTo("VISIBLE");
        assertThat(count("SELECT flag_count FROM round_comment WHERE id = ?", id)).isZero();
        assertThat(new WebSession(site, "en").get(view(TOURISM)).body()).contains("Predlažem klupe duž cele staze.")
                .doesNotContain("id=\"under-review-" + id + "\"");
    }

    @Test
    @Order(2)
    void confirmedAccountsFlagACommentAndItStaysShownUnderReview() throws SQLException {
        long id = comment(signedIn("gragjanin@demo.example"), TOURISM, "Staza treba da ima i česme.");
        for (int i = 1; i <= 3; i++) {
            Page answer = flag(signedIn(account("flagger" + i + "@test.example", true)), TOURISM, id, "Razlog broj " + i);
            assertThat(answer.messages()).contains("Thank you: the moderators will look at it.");
        }
        assertThat(count("SELECT COUNT(*) FROM comment_flag WHERE comment_id = ?", id)).isEqualTo(3);
        assertThat(text("SELECT status FROM round_comment WHERE id = ?", id)).isEqualTo("PENDING");
        String visitor = new WebSession(site, "en").get(view(TOURISM)).body();
        assertThat(visitor).contains("Staza treba da ima i česme.", "id=\"under-review-" + id + "\"",
                "Under review: reported to the moderators");
        assertThat(Http.get(site.uri("/api/consultations/" + TOURISM + "/comments?limit=100")).body())
                .contains("Staza treba da ima i česme.");
    }

    @Test
    @Order(3)
    void flagsOverTheLimitsPerRoundAndPerHourAreRefusedAndWriteNothing() throws SQLException {
        WebSession flagger = signedIn(account("busy.flagger@test.example", true));
        long account = count("SELECT id FROM account WHERE email = ?", "busy.flagger@test.example");
        List<Long> big = firstComments(flagger, BIG, FLAGS_PER_ROUND + 1);
        for (int i = 0; i < FLAGS_PER_ROUND; i++) {
            assertThat(flag(flagger, BIG, big.get(i), "Ponavlja se.").messages()).contains("Thank you: the moderators will look at it.");
        }
        Page overRound = flag(flagger, BIG, big.get(FLAGS_PER_ROUND), "Ponavlja se.");
        assertThat(overRound.messages()).contains("You have reported " + FLAGS_PER_ROUND
                + " comments in this consultation, the most allowed. The moderators will look at them.");
        assertThat(count("SELECT COUNT(*) FROM comment_flag WHERE comment_id = ?", big.get(FLAGS_PER_ROUND))).isZero();
        assertThat(text("SELECT status FROM round_comment WHERE id = ?", big.get(FLAGS_PER_ROUND))).isEqualTo("VISIBLE");

        List<Long> danube = firstComments(flagger, DANUBE, 2);
        for (long id : danube) {
            assertThat(flag(flagger, DANUBE, id, "Provera.").messages()).contains("Thank you: the moderators will look at it.");
        }
        // four flags in the hour: the next one, in another round, is refused
        List<Long> tourism = firstComments(flagger, TOURISM, 1);
        Page overHour = flag(flagger, TOURISM, tourism.get(0), "Provera.");
        assertThat(overHour.messages()).anyMatch(m -> m.startsWith("You have reported " + FLAGS_PER_HOUR
                + " comments in the last hour, the most allowed."));
        assertThat(count("SELECT COUNT(*) FROM comment_flag WHERE account_id = ?", account)).isEqualTo(FLAGS_PER_HOUR);
        assertThat(count("SELECT COUNT(*) FROM comment_flag WHERE comment_id = ? AND account_id = ?", tourism.get(0), account)).isZero();
    }

    @Test
    @Order(4)
    void theModeratorSeesTheReasonsAndWhoFlaggedAPageAtATime() throws SQLException {
        // thirty more comments under review, so that the queue has more than one page
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE round_comment SET status = 'PENDING', flag_count = 1 WHERE status = 'VISIBLE' AND round_id = "
                        + "(SELECT id FROM consultation_round WHERE slug = ?) ORDER BY id DESC LIMIT 30")) {
            s.setString(1, BIG);
            s.executeUpdate();
        }
        long flagged = count("SELECT id FROM round_comment WHERE body = ?", "Staza treba da ima i česme.");
        long pending = count("SELECT COUNT(*) FROM round_comment WHERE status = 'PENDING'");
        WebSession moderator = signedIn("moderator@demo.example");
        Set<Long> seen = new LinkedHashSet<>();
        Page page = moderator.get("/moderation/queue.xhtml");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"queue-total\"");
        String withFlags = null;
        int pages = 0;
        while (true) {
            List<Long> rows = ids(page.body(), "<tr id=\"flagged-(\\d+)\"");
            assertThat(rows.size()).isLessThanOrEqualTo(25);
            assertThat(seen).doesNotContainAnyElementsOf(rows);
            seen.addAll(rows);
            pages++;
            if (rows.contains(flagged)) {
                withFlags = page.body();
            }
            Matcher more = Pattern.compile("id=\"more\"[^>]*href=\"([^\"]+)\"|href=\"([^\"]+)\"[^>]*id=\"more\"").matcher(page.body());
            if (!more.find()) {
                break;
            }
            String next = (more.group(1) != null ? more.group(1) : more.group(2)).replace("&amp;", "&");
            page = moderator.get(next);
        }
        assertThat(pages).isGreaterThan(1);
        assertThat((long) seen.size()).isEqualTo(pending);
        assertThat(withFlags).isNotNull();
        Matcher flags = Pattern.compile("id=\"flags-" + flagged + "\"(.*?)</ul>", Pattern.DOTALL).matcher(withFlags);
        assertThat(flags.find()).isTrue();
        assertThat(flags.group(1)).contains("Razlog broj 1", "Razlog broj 2", "Razlog broj 3", "Flagger flagger1@test.example",
                "Flagger flagger3@test.example");
    }

    // ----- the report

    @Test
    @Order(5)
    void theReportWaitsForTheModeratorsAndShowsTheHiddenCommentWithItsReasonAndAnswer() throws SQLException {
        // Zaječar's reviewer also answers for Bor and Negotin, which organize the closed demo round.
        long reviewerId = count("SELECT id FROM account WHERE email = ?", "reviewer.zajecar@demo.example");
        for (String code : List.of("bor", "negotin")) {
            execute("INSERT INTO reviewer_grant (account_id, municipality_id) SELECT " + reviewerId
                    + ", id FROM municipality WHERE code = '" + code + "'");
        }
        List<Long> comments = idsOf(COOPERATION);
        long hiddenOne = comments.get(0);
        long reviewedOne = comments.get(1);
        assertThat(flag(signedIn(account("report.flagger1@test.example", true)), COOPERATION, hiddenOne, "Uvreda.").messages())
                .contains("Thank you: the moderators will look at it.");
        WebSession moderator = signedIn("moderator@demo.example");
        Page queue = moderator.get("/moderation/queue.xhtml");
        int row = ids(queue.body(), "<tr id=\"flagged-(\\d+)\"").indexOf(hiddenOne);
        assertThat(row).isNotNegative();
        Page hidden = moderator.submit(queue, "queue", Map.of("rows:" + row + ":pick", "true", "reason", "Lični napad na službenika."), "hide");
        assertThat(hidden.messages()).contains("The selected comments are hidden.");
        assertThat(text("SELECT status FROM round_comment WHERE id = ?", hiddenOne)).isEqualTo("HIDDEN");
        flag(signedIn(account("report.flagger2@test.example", true)), COOPERATION, reviewedOne, "Proverite.");
        assertThat(text("SELECT status FROM round_comment WHERE id = ?", reviewedOne)).isEqualTo("PENDING");

        // The reviewer sees the hidden comment with its reason, and answers every comment, the hidden one too.
        WebSession reviewer = signedIn("reviewer.zajecar@demo.example");
        Page review = reviewer.get("/review/queue.xhtml?slug=" + COOPERATION);
        assertThat(review.body()).contains("id=\"hidden-" + hiddenOne + "\"", "Lični napad na službenika.", "id=\"pending-moderation\"");
        List<Map.Entry<String, String>> all = new ArrayList<>();
        List<Long> rows = ids(review.body(), "<tr id=\"review-(\\d+)\"");
        assertThat(rows).containsAll(comments);
        for (int i = 0; i < rows.size(); i++) {
            all.add(Map.entry("rows:" + i + ":pick", "true"));
        }
        all.add(Map.entry("disposition", "NOTED"));
        all.add(Map.entry("reason", "Primljeno k znanju; sporazum se usvaja u predloženom obliku."));
        Page answered = reviewer.submit(review, "answer", all, "submit");
        assertThat(answered.messages()).contains("3 comments are answered.");
        assertThat(count("SELECT COUNT(*) FROM round_comment WHERE round_id = (SELECT id FROM consultation_round WHERE slug = ?) "
                + "AND disposition IS NULL", COOPERATION)).isZero();

        // A comment is still under review: the report is not published.
        Page refused = reviewer.submit(answered, "answer", Map.of(), "publish");
        assertThat(refused.messages()).contains("1 comment is still being reviewed by the moderators. "
                + "The report can be published once they have decided.");
        assertThat(text("SELECT status FROM consultation_round WHERE slug = ?", COOPERATION)).isEqualTo("CLOSED");

        // The moderator restores it; now the report is published (the reviewer signs for both organizers).
        Page again = moderator.get("/moderation/queue.xhtml");
        int restoreRow = ids(again.body(), "<tr id=\"flagged-(\\d+)\"").indexOf(reviewedOne);
        moderator.submit(again, "queue", Map.of("rows:" + restoreRow + ":pick", "true"), "restore");
        assertThat(text("SELECT status FROM round_comment WHERE id = ?", reviewedOne)).isEqualTo("VISIBLE");
        Page published = reviewer.submit(reviewer.get("/review/queue.xhtml?slug=" + COOPERATION), "answer", Map.of(), "publish");
        assertThat(published.messages()).contains("The report is published, and everyone who took part has been told.");
        assertThat(text("SELECT status FROM consultation_round WHERE slug = ?", COOPERATION)).isEqualTo("REPORT_PUBLISHED");

        // Every form of the report shows the hidden comment by its public reason, with its answer; never its text.
        String hiddenText = text("SELECT body FROM round_comment WHERE id = ?", hiddenOne);
        String report = new WebSession(site, "en").get("/consultations/report.xhtml?slug=" + COOPERATION).body();
        Matcher entry = Pattern.compile("id=\"comment-" + hiddenOne + "\"(.*?)</li>", Pattern.DOTALL).matcher(report);
        assertThat(entry.find()).isTrue();
        assertThat(entry.group(1)).contains("Hidden by a moderator:", "Lični napad na službenika.", "Noted",
                "Primljeno k znanju; sporazum se usvaja").doesNotContain(hiddenText);
        assertThat(Http.get(site.uri("/api/consultations/" + COOPERATION + "/report")).body())
                .contains("\"id\":" + hiddenOne + ",", "\"hiddenReason\":\"Lični napad na službenika.\"", "\"disposition\":\"NOTED\"")
                .doesNotContain(hiddenText);
        String csv = Http.get(site.uri("/api/consultations/" + COOPERATION + "/report.csv")).body();
        assertThat(csv).contains("disposition,reason,hidden_reason")
                .containsPattern(hiddenOne + ",.*HIDDEN.*NOTED,.*Lični napad na službenika\\.").doesNotContain(hiddenText);
        byte[] pdf = Http.sendBytes(HttpRequest.newBuilder(site.uri("/api/consultations/" + COOPERATION + "/report.pdf?lang=en"))
                .build()).body();
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String pdfText = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(pdfText).contains("Hidden by a moderator: Lični napad na službenika.").doesNotContain(hiddenText);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ----- joint rounds

    @Test
    @Order(6)
    void aReviewerOfZajecarWhoNamesVidinCannotScheduleUntilVidinAcceptsNorPublishForVidin() throws SQLException {
        String slug = "zajednicki-sajam-2027";
        WebSession zajecar = signedIn("reviewer.zajecar@demo.example");
        Page created = createJointRound(zajecar, slug);
        assertThat(created.status()).as(created.messages().toString()).isEqualTo(302);
        assertThat(audits("ORGANIZER_INVITED", slug)).containsExactly("vidin");
        assertThat(text("SELECT status FROM round_consent WHERE round_id = (SELECT id FROM consultation_round WHERE slug = ?) "
                + "AND municipality_id = (SELECT id FROM municipality WHERE code = 'vidin')", slug)).isEqualTo("INVITED");

        Page editor = zajecar.get("/consultations/edit.xhtml?slug=" + slug);
        editor = zajecar.submit(editor, "add", Map.of("heading", "Predmet", "body", "Zajednički sajam lokalnih proizvoda."), "submit");
        LocalDate first = LocalDate.now(ZoneId.of("Europe/Sofia")).plusDays(1);
        Page refused = schedule(zajecar, editor, first, first.plusDays(35));
        assertThat(refused.messages()).contains("The consultation can be scheduled only when every organizing municipality has accepted. "
                + "See the list of organizers.");
        assertThat(text("SELECT status FROM consultation_round WHERE slug = ?", slug)).isEqualTo("DRAFT");
        assertThat(text("SELECT opens_at FROM consultation_round WHERE slug = ?", slug)).isNull();

        // Vidin's reviewer finds the invitation, reads the draft (without the editing forms) and accepts.
        WebSession vidin = signedIn("reviewer.vidin@demo.example");
        assertThat(vidin.get("/review/invitations.xhtml").body()).contains("id=\"invitation-" + slug + "\"");
        Page invited = vidin.get("/consultations/edit.xhtml?slug=" + slug);
        assertThat(invited.status()).isEqualTo(200);
        assertThat(invited.hasForm("add")).isFalse();
        assertThat(invited.hasForm("schedule")).isFalse();
        Page accepted = vidin.submit(invited, "consent", Map.of(), "invitations:0:accept");
        assertThat(accepted.messages()).contains("Saved.");
        assertThat(audits("ORGANIZER_ACCEPTED", slug)).containsExactly("vidin");
        assertThat(vidin.get("/review/invitations.xhtml").body()).doesNotContain("id=\"invitation-" + slug + "\"");

        Page scheduled = schedule(zajecar, zajecar.get("/consultations/edit.xhtml?slug=" + slug), first, first.plusDays(35));
        assertThat(scheduled.messages()).contains("Saved.");
        assertThat(text("SELECT status FROM consultation_round WHERE slug = ?", slug)).isEqualTo("SCHEDULED");

        // The round opens (moved on in the database) and gets a comment; then it closes.
        execute("UPDATE consultation_round SET status = 'OPEN' WHERE slug = '" + slug + "'");
        long commentId = comment(signedIn("citizen@demo.example"), slug, "Neka sajam bude i u Vidinu.");
        execute("UPDATE consultation_round SET status = 'CLOSED' WHERE slug = '" + slug + "'");

        // Zaječar's reviewer answers and publishes: it signs for Zaječar only, and the report waits for Vidin.
        Page review = zajecar.get("/review/queue.xhtml?slug=" + slug);
        Page answered = zajecar.submit(review, "answer", Map.of("rows:0:pick", "true", "disposition", "ACCEPTED"), "submit");
        assertThat(answered.messages()).contains("The comment is answered.");
        Page signed = zajecar.submit(answered, "answer", Map.of(), "publish");
        assertThat(signed.messages()).contains("You have signed the report. It will be published when these municipalities sign too: Vidin.");
        assertThat(text("SELECT status FROM consultation_round WHERE slug = ?", slug)).isEqualTo("CLOSED");
        assertThat(count("SELECT COUNT(*) FROM round_consent WHERE round_id = (SELECT id FROM consultation_round WHERE slug = ?) "
                + "AND signed_at IS NOT NULL", slug)).isEqualTo(1);
        assertThat(audits("REPORT_SIGNED", slug)).containsExactly("zajecar");
        assertThat(audits("REPORT_PUBLISHED", slug)).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM round_comment WHERE id = ? AND disposition = 'ACCEPTED'", commentId)).isEqualTo(1);

        // Vidin signs too: now it is published.
        Page both = vidin.submit(vidin.get("/review/queue.xhtml?slug=" + slug), "answer", Map.of(), "publish");
        assertThat(both.messages()).contains("The report is published, and everyone who took part has been told.");
        assertThat(text("SELECT status FROM consultation_round WHERE slug = ?", slug)).isEqualTo("REPORT_PUBLISHED");
        assertThat(audits("REPORT_SIGNED", slug)).containsExactlyInAnyOrder("zajecar", "vidin");
        assertThat(audits("REPORT_PUBLISHED", slug)).hasSize(1);
    }

    @Test
    @Order(7)
    void vidinDeclinesAndIsTakenOffTheRound() throws SQLException {
        String slug = "zajednicki-vasar-2027";
        WebSession zajecar = signedIn("reviewer.zajecar@demo.example");
        assertThat(createJointRound(zajecar, slug).status()).isEqualTo(302);
        WebSession vidin = signedIn("reviewer.vidin@demo.example");
        Page declined = vidin.submit(vidin.get("/consultations/edit.xhtml?slug=" + slug), "consent", Map.of(), "invitations:0:decline");
        assertThat(declined.status()).isEqualTo(302);
        assertThat(declined.location()).contains("/review/invitations.xhtml");
        assertThat(audits("ORGANIZER_DECLINED", slug)).containsExactly("vidin");
        assertThat(count("SELECT COUNT(*) FROM round_organizer o JOIN municipality m ON m.id = o.municipality_id "
                + "WHERE o.round_id = (SELECT id FROM consultation_round WHERE slug = ?) AND m.code = 'vidin'", slug)).isZero();
        // Vidin's reviewer no longer opens the round.
        assertThat(vidin.get("/consultations/edit.xhtml?slug=" + slug).status()).isEqualTo(403);
    }

    // ----- comment rate limits

    @Test
    @Order(8)
    void anAccountWritesAtMostTenCommentsAndRepliesInTenMinutes() throws SQLException {
        WebSession writer = signedIn(account("prolific@test.example", true));
        for (int i = 1; i <= 10; i++) {
            comment(writer, TOURISM, "Predlog broj " + i + " za stazu.");
        }
        Page page = writer.get(view(TOURISM));
        Page refused = writer.submit(page, "comment", Map.of("section", "0", "stance", "NEUTRAL", "text", "Predlog broj 11 za stazu."), "submit");
        assertThat(refused.messages()).anyMatch(m -> m.startsWith(
                "You have written 10 comments and replies in the last 10 minutes, the most allowed. You can write again in"));
        assertThat(count("SELECT COUNT(*) FROM round_comment WHERE body = ?", "Predlog broj 11 za stazu.")).isZero();
        // in Serbian too, with no key showing
        WebSession serbian = new WebSession(site, "sr-Latn");
        assertThat(serbian.signIn("prolific@test.example", DemoAccounts.PASSWORD).status()).isEqualTo(302);
        Page srpski = serbian.submit(serbian.get(view(TOURISM)), "comment",
                Map.of("section", "0", "stance", "NEUTRAL", "text", "Predlog broj 12."), "submit");
        assertThat(srpski.messages()).anyMatch(m -> m.startsWith("U poslednjih 10 minuta napisali ste 10 komentara i odgovora"));
    }

    @Test
    @Order(9)
    void commentsFromOneAddressStopAtItsLimit() throws SQLException {
        String refusal = null;
        int written = 0;
        outer:
        for (int a = 1; a <= 6; a++) {
            WebSession writer = signedIn(account("neighbour" + a + "@test.example", true));
            for (int i = 1; i <= 9; i++) {
                String text = "Komentar suseda " + a + "-" + i + ".";
                Page page = writer.get(view(BIG));
                Page answer = writer.submit(page, "comment", Map.of("section", "0", "stance", "NEUTRAL", "text", text), "submit");
                if (answer.messages().contains("Your comment is published.")) {
                    written++;
                    continue;
                }
                refusal = answer.messages().toString();
                assertThat(count("SELECT COUNT(*) FROM round_comment WHERE body = ?", text)).isZero();
                break outer;
            }
        }
        assertThat(refusal).contains("Many comments have come from your network in the last 10 minutes.");
        assertThat(written).isLessThan(COMMENTS_PER_ADDRESS);
    }

    // ----- helpers

    private static Page createJointRound(WebSession reviewer, String slug) {
        Page form = reviewer.get("/consultations/new.xhtml");
        return reviewer.submit(form, "create", List.of(Map.entry("slug", slug), Map.entry("title", "Zajednički sajam 2027"),
                Map.entry("summary", "Nacrt zajedničkog sajma Zaječara i Vidina."), Map.entry("language", "sr-Latn"),
                Map.entry("organizers", "zajecar"), Map.entry("organizers", "vidin")), "submit");
    }

    private static Page schedule(WebSession reviewer, Page editor, LocalDate first, LocalDate last) {
        return reviewer.submit(editor, "schedule", Map.of("opens", first.toString(), "closes", last.toString(), "shortReason", ""),
                "submit");
    }

    private static String view(String slug) {
        return "/consultations/view.xhtml?slug=" + slug;
    }

    private static WebSession signedIn(String email) {
        return WebSession.signedIn(site, email, DemoAccounts.PASSWORD);
    }

    /** A new account (the demo password), confirmed or not, made in the database. */
    private static String account(String email, boolean confirmed) throws SQLException {
        execute("INSERT INTO account (email, display_name, password_hash, municipality_id, country, language, status, "
                + "email_verified_at, created_at, version) SELECT '" + email + "', 'Flagger " + email + "', password_hash, "
                + "municipality_id, country, 'en', 'ACTIVE', " + (confirmed ? "created_at" : "NULL") + ", created_at, 0 "
                + "FROM account WHERE email = 'citizen@demo.example'");
        return email;
    }

    /** Writes a comment on the whole draft through the round's page; its id. */
    private static long comment(WebSession author, String slug, String text) throws SQLException {
        Page page = author.get(view(slug));
        Page done = author.submit(page, "comment", Map.of("section", "0", "stance", "SUPPORTS", "text", text), "submit");
        assertThat(done.messages()).contains("Your comment is published.");
        return count("SELECT id FROM round_comment WHERE body = ?", text);
    }

    /** Flags a comment through the round's page (its first page of comments). */
    private static Page flag(WebSession who, String slug, long commentId, String reason) {
        Page page = who.get(view(slug));
        int row = ids(page.body(), "<li class=\"comment [^\"]*\" id=\"comment-(\\d+)\"").indexOf(commentId);
        if (row < 0) {
            page = who.get(view(slug) + "&after=" + (commentId - 1));
            row = ids(page.body(), "<li class=\"comment [^\"]*\" id=\"comment-(\\d+)\"").indexOf(commentId);
        }
        assertThat(row).as("comment " + commentId + " on the page").isNotNegative();
        return who.submit(page, "comments", Map.of("list:" + row + ":flagReason", reason), "list:" + row + ":sendFlag");
    }

    private static List<Long> firstComments(WebSession who, String slug, int n) {
        List<Long> all = ids(who.get(view(slug)).body(), "<li class=\"comment [^\"]*\" id=\"comment-(\\d+)\"");
        return all.subList(0, n);
    }

    private static List<Long> idsOf(String slug) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT id FROM round_comment WHERE round_id = (SELECT id FROM consultation_round WHERE slug = ?) ORDER BY id")) {
            s.setString(1, slug);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static List<Long> ids(String body, String regex) {
        List<Long> ids = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(body);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    /** The details of the audit events of this action on this round. */
    private static List<String> audits(String action, String slug) throws SQLException {
        List<String> details = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT details FROM audit_event WHERE action = ? AND subject = ? ORDER BY id")) {
            s.setString(1, action);
            s.setString(2, slug);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    details.add(rs.getString(1));
                }
            }
        }
        return details;
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.executeUpdate();
        }
    }

    private static long count(String sql, Object... parameters) throws SQLException {
        String value = text(sql, parameters);
        return value == null ? 0 : Long.parseLong(value);
    }

    private static String text(String sql, Object... parameters) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
