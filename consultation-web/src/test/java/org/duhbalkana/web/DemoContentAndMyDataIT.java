package org.duhbalkana.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duhbalkana.account.DemoAccounts;
import org.duhbalkana.web.testing.Http;
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
 * One embedded database (DATA_DIR) started three times. First with DEMO on: a person who signed up
 * comments, agrees, flags, follows and signs a petition, another person does the same, and the
 * first one's "Download my data" holds each of their things and nothing of the other's. Then with
 * DEMO off: the site refuses to start on the demo content, with one line saying how to remove it.
 * Then with DEMO_PURGE: it starts, the demo content is gone from the database, the person's
 * account is there, and the dev outbox does not exist.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoContentAndMyDataIT {

    private static final String PERSON = "pavle.peric@example.org";
    private static final String PASSWORD = "pavlova duga lozinka";
    private static final String ROUND = "prekogranicni-turizam-2027";
    private static final String PETITION = "dunav-bez-plastike";

    /** Seeding (and then deleting) 30,000 rows of demo content takes its time on a shared machine. */
    private static final Duration START = Duration.ofMinutes(6);

    private static Path dataDir;
    private static RunningSite site;

    @BeforeAll
    static void startWithDemo() {
        dataDir = RunningSite.newDataDir("demo-content");
        site = RunningSite.configured("demo-content-1", Map.of("DATA_DIR", dataDir.toString(), "DEMO", "true")).start(START);
        WebSession visitor = new WebSession(site, "en");
        Page signedUp = visitor.submit(visitor.get("/account/sign-up.xhtml"), "signUp", Map.of("name", "Pavle Perić",
                "email", PERSON, "password", PASSWORD, "home", "other", "country", "DE", "preferredLanguage", "en",
                "website", ""), "submit");
        assertThat(signedUp.status()).as(signedUp.messages().toString()).isIn(200, 302);
        Page link = visitor.get(outboxLink(PERSON, "/account/verify.xhtml"));
        assertThat(visitor.submit(link, "link", Map.of(), "submit").messages()).isNotEmpty();
    }

    @AfterAll
    static void stop() {
        if (site != null) {
            site.close();
        }
    }

    @Test
    @Order(1)
    void theDownloadHoldsEverythingOfThePersonAndNothingOfAnother() {
        String path = "/consultations/view.xhtml?slug=" + ROUND;
        WebSession other = WebSession.signedIn(site, "gragjanin@demo.example", DemoAccounts.PASSWORD);
        Page otherCommented = other.submit(other.get(path), "comment", Map.of("section", "3", "stance", "OPPOSES",
                "text", "Ivanov komentar koji nije Pavlov."), "submit");
        assertThat(otherCommented.messages()).contains("Your comment is published.");

        WebSession person = WebSession.signedIn(site, PERSON, PASSWORD);
        Page commented = person.submit(person.get(path), "comment", Map.of("section", "2", "stance", "SUPPORTS",
                "text", "Pavlov predlog: table na oba jezika."), "submit");
        assertThat(commented.messages()).contains("Your comment is published.");
        Page page = person.get(path);
        long othersComment = commentId(page, "Ivanov komentar koji nije Pavlov.");
        long ownComment = commentId(page, "Pavlov predlog: table na oba jezika.");
        Page agreed = person.submit(page, "comments", Map.of(), "list:" + rowOf(page, othersComment) + ":endorse");
        assertThat(agreed.messages()).contains("Counted: you agree with this comment.");
        Page flagPage = person.get(path);
        int row = rowOf(flagPage, othersComment);
        Page flagged = person.submit(flagPage, "comments", Map.of("list:" + row + ":flagReason", "Pavlov razlog prijave"),
                "list:" + row + ":sendFlag");
        assertThat(flagged.messages()).contains("Thank you: the moderators will look at it.");
        Page followed = person.submit(person.get(path), "follow", Map.of(), "toggle");
        assertThat(followed.messages()).anyMatch(m -> m.startsWith("You follow this consultation"));

        // The other person agrees with and flags the person's comment, and signs the same petition.
        Page otherPage = other.get(path);
        int ownRow = rowOf(otherPage, ownComment);
        other.submit(otherPage, "comments", Map.of("list:" + ownRow + ":flagReason", "Ivanov razlog prijave"),
                "list:" + ownRow + ":sendFlag");
        sign(other, "Ivan Petrov Potpisnik", "gragjanin@demo.example");

        sign(person, "Pavle Perić Potpisnik", PERSON);
        Page confirm = person.get(outboxLink(PERSON, "/campaigns/confirm.xhtml"));
        assertThat(person.submit(confirm, "link", Map.of(), "submit").messages()).isNotEmpty();

        Page profile = person.get("/account/profile.xhtml");
        Page download = person.submit(profile, "export", Map.of(), "download");

        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Type")).startsWith("application/json");
        assertThat(download.header("Content-Disposition")).contains("attachment");
        String json = download.body();
        // The structure, with the whitespace of pretty printing taken out (texts are checked as they are).
        String compact = json.replaceAll("\\s*([\\[\\]{},:])\\s*", "$1");
        assertThat(json).contains("Pavle Perić", PERSON, "Pavlov predlog: table na oba jezika.", "Pavlov razlog prijave",
                "Pavle Perić Potpisnik", "Confirm your e-mail address");
        assertThat(compact)
                .contains("\"comments\":[{\"id\":" + ownComment + ",\"round\":\"" + ROUND + "\",\"section\":2,\"replyTo\":null,"
                        + "\"stance\":\"SUPPORTS\"")
                .contains("\"endorsements\":[{\"commentId\":" + othersComment + ",\"round\":\"" + ROUND + "\"")
                .contains("\"flags\":[{\"commentId\":" + othersComment + ",\"round\":\"" + ROUND + "\",\"reason\":")
                .contains("\"follows\":[{\"round\":\"" + ROUND + "\"")
                .contains("\"signatures\":[{\"campaign\":\"" + PETITION + "\",\"name\":")
                .contains("\"action\":\"DATA_EXPORTED\"");
        String mails = compact.substring(compact.indexOf("\"mails\":["));
        assertThat(mails.split("\\{\"subject\":", -1).length - 1).as("mails to the person: address, signature").isEqualTo(2);
        // Nothing of the other person: not their comment, reason, name, address or signature.
        assertThat(json).doesNotContain("Ivanov", "Ivan Petrov", "Иван Петров", "gragjanin", "Milica", "token=",
                "password", "demo.example");
    }

    @Test
    @Order(2)
    void theDevOutboxIsThereInDemoModeOnly() {
        assertThat(Http.get(site.uri("/dev/outbox.xhtml")).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void withoutDemoTheSiteRefusesTheDemoContentUntilItIsPurgedAndThenHoldsNoneOfIt() throws Exception {
        site.stop();

        RunningSite refused = RunningSite.configured("demo-content-2", Map.of("DATA_DIR", dataDir.toString()));
        int status = refused.startExpectingExit(START);
        assertThat(status).isEqualTo(3);
        assertThat(refused.printed()).contains("The database holds demo content (7 account(s), 5 consultation round(s), "
                + "5 campaign(s)) and DEMO is off: start once with DEMO_PURGE=true to delete it and everything attached to it, "
                + "or with DEMO=true to keep it");
        assertThat(scalar("SELECT COUNT(*) FROM account WHERE demo = TRUE")).isEqualTo(7);

        site = RunningSite.configured("demo-content-3", Map.of("DATA_DIR", dataDir.toString(), "DEMO_PURGE", "true")).start(START);
        assertThat(site.printed()).contains("Demo content deleted (DEMO_PURGE): 7 account(s), 5 consultation round(s), "
                + "5 campaign(s)");
        assertThat(Http.get(site.uri("/dev/outbox.xhtml")).statusCode()).isEqualTo(404);
        assertThat(Http.get(site.uri("/consultations/view.xhtml?slug=" + ROUND)).statusCode()).isEqualTo(404);
        assertThat(new WebSession(site, "en").signIn("admin@demo.example", DemoAccounts.PASSWORD).status()).isNotEqualTo(302);
        WebSession.signedIn(site, PERSON, PASSWORD);
        site.stop();

        assertThat(scalar("SELECT COUNT(*) FROM account WHERE demo = TRUE OR email LIKE '%@demo.example'")).isZero();
        assertThat(scalar("SELECT COUNT(*) FROM consultation_round")).isZero();
        assertThat(scalar("SELECT COUNT(*) FROM campaign")).isZero();
        assertThat(scalar("SELECT COUNT(*) FROM round_comment")).isZero();
        assertThat(scalar("SELECT COUNT(*) FROM signature")).isZero();
        assertThat(scalar("SELECT COUNT(*) FROM mail_message WHERE recipient LIKE '%@demo.example'")).isZero();
        assertThat(scalar("SELECT COUNT(*) FROM account WHERE email = '" + PERSON + "' AND demo = FALSE")).isEqualTo(1);
    }

    private static void sign(WebSession session, String name, String email) {
        Page page = session.get("/campaigns/view.xhtml?slug=" + PETITION);
        Page signed = session.submit(page, "sign", Map.of("name", name, "email", email, "home", "other", "country", "DE",
                "consentSignature", "true", "consentUpdates", "false", "website", ""), "submit");
        assertThat(signed.messages()).isNotEmpty();
    }

    /** The path of the newest link to this page in the dev outbox's mail to this address. */
    private static String outboxLink(String recipient, String path) {
        String body = Http.get(site.uri("/dev/outbox.xhtml")).body();
        Matcher mail = Pattern.compile("<article class=\"mail\".*?</article>", Pattern.DOTALL).matcher(body);
        while (mail.find()) {
            String article = mail.group();
            if (article.contains(">" + recipient + "<")) {
                Matcher link = Pattern.compile("href=\"https?://[^/\"]+(" + Pattern.quote(path) + "[^\"]*)\"").matcher(article);
                if (link.find()) {
                    return link.group(1).replace("&amp;", "&");
                }
            }
        }
        throw new AssertionError("no mail to " + recipient + " with a link to " + path + " in the dev outbox");
    }

    private static List<Long> commentIds(Page page) {
        List<Long> ids = new ArrayList<>();
        Matcher m = Pattern.compile("<li class=\"comment (?:hidden-comment)?\\s*\" id=\"comment-(\\d+)\"").matcher(page.body());
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    /** The id of the comment whose text this is (the last comment that starts before the text). */
    private static long commentId(Page page, String text) {
        int at = page.body().indexOf(text);
        assertThat(at).as("'" + text + "' on the page").isNotNegative();
        Matcher m = Pattern.compile("id=\"comment-(\\d+)\"").matcher(page.body());
        long id = -1;
        while (m.find() && m.start() < at) {
            id = Long.parseLong(m.group(1));
        }
        return id;
    }

    private static int rowOf(Page page, long commentId) {
        int index = commentIds(page).indexOf(commentId);
        if (index < 0) {
            throw new AssertionError("comment " + commentId + " is not on the page: " + commentIds(page));
        }
        return index;
    }

    private static long scalar(String sql) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dataDir.toAbsolutePath() + "/consultation",
                "consultation", "consultation");
             Statement statement = db.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
