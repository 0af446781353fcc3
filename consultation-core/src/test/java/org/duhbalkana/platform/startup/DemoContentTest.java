package org.duhbalkana.platform.startup;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.duhbalkana.account.Account;
import org.duhbalkana.account.AccountRepository;
import org.duhbalkana.account.EmailAddress;
import org.duhbalkana.account.MunicipalityRepository;
import org.duhbalkana.campaign.Campaign;
import org.duhbalkana.campaign.CampaignRepository;
import org.duhbalkana.consultation.Comment;
import org.duhbalkana.consultation.ConsultationRepository;
import org.duhbalkana.consultation.ConsultationRound;
import org.duhbalkana.consultation.Stance;
import org.duhbalkana.platform.database.SchemaMigration;
import org.duhbalkana.testing.Jpa;
import org.duhbalkana.testing.TestDatabase;
import org.duhbalkana.text.Language;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Demo content found and deleted on H2 and MariaDB: every marked account, round and campaign
 * goes with what cannot exist without it, what real people wrote elsewhere stays, and references
 * from real rows to demo rows are emptied.
 */
class DemoContentTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    static Stream<Arguments> databases() {
        return Stream.of(
                Arguments.of("H2", (Supplier<TestDatabase>) TestDatabase::h2),
                Arguments.of("MariaDB", (Supplier<TestDatabase>) TestDatabase::mariaDb));
    }

    private static Account account(EntityManager em, String email, boolean demo) {
        Account a = new Account(EmailAddress.parse(email).orElseThrow(), email, "hash",
                new MunicipalityRepository(em).byCode("zajecar"), null, Language.SR_LATN, NOW);
        a.verifyEmail(NOW);
        if (demo) {
            a.markDemo();
            a.grant(org.duhbalkana.account.Role.MODERATOR);
        }
        new AccountRepository(em).add(a);
        return a;
    }

    private static ConsultationRound round(EntityManager em, String slug, Account creator, boolean demo) {
        ConsultationRound round = new ConsultationRound(slug, "Nacrt " + slug, "Nacrt.", Language.SR_LATN,
                Set.of(new MunicipalityRepository(em).byCode("zajecar").orElseThrow()), creator, NOW);
        round.addSection("Član 1", "Predmet.");
        round.schedule(NOW, NOW.plus(Duration.ofDays(30)), null, NOW);
        round.advance(NOW);
        if (demo) {
            round.markDemo();
        }
        new ConsultationRepository(em).add(round);
        return round;
    }

    private static Campaign campaign(EntityManager em, String slug, Account organizer, Optional<ConsultationRound> round,
            boolean demo) {
        Campaign c = new Campaign(slug, organizer, Language.SR_LATN, NOW);
        c.describe("Kampanja " + slug, "Tražimo.", "Opis.", new MunicipalityRepository(em).byCode("zajecar"), null, round,
                NOW.plus(Duration.ofDays(30)), 6, NOW);
        c.petition(1000, 1000);
        c.submit(organizer, NOW);
        c.approve(NOW);
        if (demo) {
            c.markDemo();
        }
        new CampaignRepository(em).add(c);
        return c;
    }

    private static Comment comment(EntityManager em, ConsultationRound round, Account author, String text) {
        Comment c = round.comment(author, Optional.empty(), Stance.NEUTRAL, text, NOW.plusSeconds(60));
        new ConsultationRepository(em).add(c);
        return c;
    }

    private static void sql(EntityManager em, String statement) {
        em.createNativeQuery(statement).executeUpdate();
    }

    private static String query(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void thePurgeDeletesDemoContentWithWhatHangsOffItAndKeepsWhatRealPeopleWrote(String name, Supplier<TestDatabase> database)
            throws SQLException {
        try (TestDatabase db = database.get()) {
            SchemaMigration.migrate(db.dataSource());
            assertThat(DemoContent.find(db.dataSource()).any()).isFalse();
            long[] ids;
            try (Jpa jpa = new Jpa(db.dataSource())) {
                ids = jpa.inTransaction(em -> {
                    Account demo = account(em, "citizen@demo.example", true);
                    Account real = account(em, "ana@example.org", false);
                    ConsultationRound demoRound = round(em, "demo-runda", demo, true);
                    ConsultationRound realRound = round(em, "prava-runda", real, false);
                    Comment demoOnDemo = comment(em, demoRound, demo, "Demo komentar.");
                    Comment realOnDemo = comment(em, demoRound, real, "Anin komentar na demo rundi.");
                    Comment demoOnReal = comment(em, realRound, demo, "Demo komentar na pravoj rundi.");
                    Comment realOnReal = comment(em, realRound, real, "Anin komentar na pravoj rundi.");
                    Comment realReply = realRound.reply(real, demoOnReal, "Anin odgovor demo nalogu.", NOW.plusSeconds(90));
                    new ConsultationRepository(em).add(realReply);
                    ConsultationRepository rounds = new ConsultationRepository(em);
                    rounds.endorse(demoOnReal, real.id(), NOW);
                    rounds.endorse(realOnReal, demo.id(), NOW);
                    rounds.flag(realOnReal, demo.id(), "Demo prijava", NOW);
                    rounds.follow(realRound, demo.id(), NOW);
                    rounds.follow(demoRound, real.id(), NOW);
                    sql(em, "UPDATE round_comment SET disposition = 'NOTED', answered_by = " + demo.id()
                            + ", answered_at = '2026-12-02 10:00:00' WHERE id = " + realOnReal.id());
                    Campaign demoCampaign = campaign(em, "demo-kampanja", demo, Optional.empty(), true);
                    Campaign realCampaign = campaign(em, "prava-kampanja", real, Optional.of(demoRound), false);
                    StringBuilder signatures = new StringBuilder("INSERT INTO signature (campaign_id, country, consent_updates, "
                            + "share_name, created_at, confirmed_at, held, counted, anonymized) VALUES ");
                    for (int i = 0; i < 1200; i++) {
                        signatures.append(i == 0 ? "" : ", ").append("(").append(demoCampaign.id())
                                .append(", 'RS', FALSE, FALSE, '2026-12-01 09:00:00', '2026-12-01 09:00:00', FALSE, FALSE, TRUE)");
                    }
                    sql(em, signatures.toString());
                    sql(em, "INSERT INTO signature (campaign_id, name, email, email_key, country, consent_updates, share_name, "
                            + "created_at, held, counted, anonymized) VALUES (" + realCampaign.id()
                            + ", 'Ana', 'ana@example.org', 'ana@example.org', 'RS', FALSE, FALSE, '2026-12-01 09:00:00', FALSE, FALSE, FALSE)");
                    sql(em, "INSERT INTO campaign_update (campaign_id, author_id, body, posted_at) VALUES (" + realCampaign.id()
                            + ", " + demo.id() + ", 'Demo vest', '2026-12-01 09:00:00')");
                    sql(em, "INSERT INTO mail_message (recipient, subject, body, created_at, attempts) VALUES "
                            + "('citizen@demo.example', 'Demo posta', 'x', '2026-12-01 09:00:00', 0)");
                    sql(em, "INSERT INTO mail_message (recipient, subject, body, created_at, attempts) VALUES "
                            + "('ana@example.org', 'Anina posta', 'x', '2026-12-01 09:00:00', 0)");
                    // a signer of the demo campaign, mailed under the campaign's topic
                    sql(em, "INSERT INTO mail_message (recipient, subject, body, created_at, attempts, topic) VALUES "
                            + "('potpisnik@example.net', 'Potvrdite potpis', 'https://x/confirm?token=t', '2026-12-01 09:00:00', 0, "
                            + "'campaign:" + demoCampaign.id() + "')");
                    sql(em, "INSERT INTO audit_event (occurred_at, actor_id, actor_name, action, subject) VALUES "
                            + "('2026-12-01 09:00:00', " + demo.id() + ", 'demo', 'DATA_EXPORTED', 'account " + demo.id() + "')");
                    return new long[] {real.id(), realRound.id(), realOnReal.id(), realReply.id(), realCampaign.id(),
                            realOnDemo.id(), demo.id()};
                });
            }

            DemoContent.Found found = DemoContent.find(db.dataSource());
            assertThat(found).isEqualTo(new DemoContent.Found(1, 1, 1));

            DemoContent.Purged purged = DemoContent.purge(db.dataSource());

            assertThat(purged.marked()).isEqualTo(found);
            assertThat(purged.rowsDeleted()).isGreaterThan(1200);
            assertThat(DemoContent.find(db.dataSource()).any()).isFalse();
            // Nothing of the demo is left…
            assertThat(query(db, "SELECT COUNT(*) FROM account WHERE email LIKE '%@demo.example' OR id = " + ids[6])).isEqualTo("0");
            assertThat(query(db, "SELECT COUNT(*) FROM consultation_round WHERE slug = 'demo-runda'")).isEqualTo("0");
            assertThat(query(db, "SELECT COUNT(*) FROM campaign WHERE slug = 'demo-kampanja'")).isEqualTo("0");
            assertThat(query(db, "SELECT COUNT(*) FROM signature")).isEqualTo("1");
            assertThat(query(db, "SELECT COUNT(*) FROM round_comment WHERE body LIKE 'Demo%' OR id = " + ids[5])).isEqualTo("0");
            assertThat(query(db, "SELECT COUNT(*) FROM comment_endorsement")).isEqualTo("0");
            assertThat(query(db, "SELECT COUNT(*) FROM comment_flag")).isEqualTo("0");
            assertThat(query(db, "SELECT COUNT(*) FROM round_follow")).isEqualTo("0");
            assertThat(query(db, "SELECT COUNT(*) FROM campaign_update")).isEqualTo("0");
            assertThat(query(db, "SELECT COUNT(*) FROM account_role WHERE account_id = " + ids[6])).isEqualTo("0");
            assertThat(query(db, "SELECT subject FROM mail_message")).isEqualTo("Anina posta");
            // …what real people wrote elsewhere stays, its references to the demo emptied.
            assertThat(query(db, "SELECT email FROM account WHERE id = " + ids[0])).isEqualTo("ana@example.org");
            assertThat(query(db, "SELECT slug FROM consultation_round WHERE id = " + ids[1])).isEqualTo("prava-runda");
            assertThat(query(db, "SELECT answered_by FROM round_comment WHERE id = " + ids[2])).isNull();
            assertThat(query(db, "SELECT body FROM round_comment WHERE id = " + ids[2])).isEqualTo("Anin komentar na pravoj rundi.");
            assertThat(query(db, "SELECT parent_id FROM round_comment WHERE id = " + ids[3])).isNull();
            assertThat(query(db, "SELECT body FROM round_comment WHERE id = " + ids[3])).isEqualTo("Anin odgovor demo nalogu.");
            assertThat(query(db, "SELECT round_id FROM campaign WHERE id = " + ids[4])).isNull();
            assertThat(query(db, "SELECT COUNT(*) FROM audit_event")).isEqualTo("1");

            // A second purge finds nothing and changes nothing.
            DemoContent.Purged again = DemoContent.purge(db.dataSource());
            assertThat(again.marked().any()).isFalse();
            assertThat(again.rowsDeleted()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void demoContentWrittenBeforeTheMarksExistedIsMarkedByTheMigration(String name, Supplier<TestDatabase> database)
            throws SQLException {
        try (TestDatabase db = database.get()) {
            boolean mariaDb = db.kind().equals("MariaDB");
            org.flywaydb.core.Flyway.configure(getClass().getClassLoader())
                    .dataSource(db.dataSource())
                    .locations("classpath:db/migration")
                    .placeholders(java.util.Map.of(
                            "table_options", mariaDb ? "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci" : "",
                            "search_type", mariaDb ? "TEXT" : "VARCHAR(10000)",
                            "search_index", mariaDb ? "CREATE FULLTEXT INDEX" : "-- no full-text index on H2:"))
                    .target("9")
                    .load()
                    .migrate();
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO account (email, display_name, country, language, status, created_at) VALUES "
                        + "('admin@demo.example', 'Ana Stojanović', 'RS', 'sr-Latn', 'ACTIVE', '2026-01-01 00:00:00'), "
                        + "('ana@example.org', 'Ana', 'RS', 'sr-Latn', 'ACTIVE', '2026-01-01 00:00:00')");
                s.executeUpdate("INSERT INTO consultation_round (slug, title, summary, language, status, created_by, created_at) "
                        + "SELECT 'kladovo-riverside-draft', 'Draft', 'Draft.', 'en', 'DRAFT', id, '2026-01-01 00:00:00' "
                        + "FROM account WHERE email = 'admin@demo.example'");
                s.executeUpdate("INSERT INTO consultation_round (slug, title, summary, language, status, created_by, created_at) "
                        + "SELECT 'dunavski-park-vidin', 'Park', 'Park.', 'bg', 'DRAFT', id, '2026-01-01 00:00:00' "
                        + "FROM account WHERE email = 'ana@example.org'");
                s.executeUpdate("INSERT INTO campaign (slug, title, ask, description, language, deadline, status, organizer_id, "
                        + "created_at) SELECT 'dunav-bez-plastike', 'Dunav', 'Tražimo.', 'Opis.', 'bg', '2027-01-01 00:00:00', "
                        + "'DRAFT', id, '2026-01-01 00:00:00' FROM account WHERE email = 'admin@demo.example'");
            }

            SchemaMigration.migrate(db.dataSource());

            assertThat(DemoContent.find(db.dataSource())).isEqualTo(new DemoContent.Found(1, 1, 1));
            assertThat(query(db, "SELECT email FROM account WHERE demo = TRUE")).isEqualTo("admin@demo.example");
            assertThat(query(db, "SELECT slug FROM consultation_round WHERE demo = TRUE")).isEqualTo("kladovo-riverside-draft");
            // A real round that happens to bear a demo slug is not the demo's.
            assertThat(query(db, "SELECT demo FROM consultation_round WHERE slug = 'dunavski-park-vidin'")).isIn("0", "FALSE", "false");
        }
    }

}
