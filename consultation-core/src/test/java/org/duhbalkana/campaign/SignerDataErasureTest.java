package org.duhbalkana.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.duhbalkana.account.Account;
import org.duhbalkana.account.AccountRepository;
import org.duhbalkana.account.EmailAddress;
import org.duhbalkana.account.Municipality;
import org.duhbalkana.account.MunicipalityRepository;
import org.duhbalkana.notification.Mail;
import org.duhbalkana.notification.MailOutbox;
import org.duhbalkana.platform.config.DefaultConfiguration;
import org.duhbalkana.platform.config.Settings;
import org.duhbalkana.platform.database.SchemaMigration;
import org.duhbalkana.testing.Jpa;
import org.duhbalkana.testing.TestDatabase;
import org.duhbalkana.text.Language;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Nothing of a signer outlives the campaign's retention time, on H2 and MariaDB: signers sign
 * through the service's own writer (their confirmation mails written to the outbox), one is held
 * (and so mailed nothing), an update is mailed to those who asked for it, an old mail without a
 * topic lies in the outbox; once the campaign is anonymised, a search of every text column of
 * every table of the schema finds no signer's address, nor its local part. The organizer's own
 * mail (an account's) stays.
 */
class SignerDataErasureTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /** Local parts that nothing else in the schema could contain by chance. */
    private static final List<String> SIGNERS = List.of("qzsigner1@erasure.example", "QzSigner2+tag@Gmail.com",
            "qzsigner3@erasure.example", "qzsigner4@erasure.example");

    static Stream<Arguments> databases() {
        return Stream.of(
                Arguments.of("H2", (Supplier<TestDatabase>) TestDatabase::h2),
                Arguments.of("MariaDB", (Supplier<TestDatabase>) TestDatabase::mariaDb));
    }

    private static Settings settings() {
        return Settings.read(new DefaultConfiguration(Map.of("BASE_URL", "https://duhbalkana.example"), new Properties()));
    }

    private static SignatureWriter writer(EntityManager em) {
        SignatureWriter writer = new SignatureWriter();
        writer.campaigns = new CampaignRepository(em);
        writer.municipalities = new MunicipalityRepository(em);
        writer.mail = MailOutbox.writingTo(em, CLOCK);
        writer.settings = settings();
        writer.clock = CLOCK;
        return writer;
    }

    private static long petition(Jpa jpa) {
        return jpa.inTransaction(em -> {
            Municipality zajecar = new MunicipalityRepository(em).byCode("zajecar").orElseThrow();
            Account organizer = new Account(EmailAddress.parse("organizer.keeps@example.org").orElseThrow(), "Stefan Nikolić", "hash",
                    Optional.of(zajecar), null, Language.SR_LATN, NOW);
            organizer.verifyEmail(NOW);
            new AccountRepository(em).add(organizer);
            Campaign c = new Campaign("brisanje", organizer, Language.SR_LATN, NOW);
            c.describe("Brisanje", "Tražimo stazu.", "Opis.", Optional.of(zajecar), null, Optional.empty(),
                    NOW.plus(Duration.ofDays(30)), 6, NOW);
            c.petition(1_000_000, 1_000_000);
            c.submit(organizer, NOW);
            c.approve(NOW);
            new CampaignRepository(em).add(c);
            return c.id();
        });
    }

    /** Text columns of every table of the schema, as (table, column). */
    private static List<String[]> textColumns(Jpa jpa, boolean mariaDb) {
        String sql = "SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS WHERE "
                + (mariaDb ? "TABLE_SCHEMA = DATABASE()" : "TABLE_SCHEMA = 'PUBLIC'");
        return jpa.inTransaction(em -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(sql).getResultList();
            List<String[]> columns = new ArrayList<>();
            for (Object[] row : rows) {
                String type = row[2].toString().toLowerCase(java.util.Locale.ROOT);
                if (type.contains("char") || type.contains("text") || type.contains("clob")) {
                    columns.add(new String[] {row[0].toString(), row[1].toString()});
                }
            }
            return columns;
        });
    }

    /** Every "table.column" of the schema whose text holds the fragment (case-insensitive). */
    private static List<String> holding(Jpa jpa, boolean mariaDb, String fragment) {
        List<String> found = new ArrayList<>();
        String q = mariaDb ? "`" : "\"";
        for (String[] column : textColumns(jpa, mariaDb)) {
            String sql = "SELECT COUNT(*) FROM " + q + column[0] + q + " WHERE LOWER(" + q + column[1] + q + ") LIKE ?";
            long n = jpa.inTransaction(em -> ((Number) em.createNativeQuery(sql)
                    .setParameter(1, "%" + fragment.toLowerCase(java.util.Locale.ROOT) + "%").getSingleResult()).longValue());
            if (n > 0) {
                found.add(column[0].toLowerCase(java.util.Locale.ROOT) + "." + column[1].toLowerCase(java.util.Locale.ROOT));
            }
        }
        return found;
    }

    private static long scalar(Jpa jpa, String sql, Object... parameters) {
        return jpa.inTransaction(em -> {
            jakarta.persistence.Query query = em.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    private static String localPart(String address) {
        return address.substring(0, address.indexOf('@'));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anonymisingACampaignLeavesNoSignerAddressInAnyColumnOfTheSchema(String name, Supplier<TestDatabase> database) {
        boolean mariaDb = name.equals("MariaDB");
        try (TestDatabase db = database.get()) {
            SchemaMigration.migrate(db.dataSource());
            try (Jpa jpa = new Jpa(db.dataSource())) {
                long campaign = petition(jpa);
                long vidin = jpa.inTransaction(em -> new MunicipalityRepository(em).byCode("vidin").orElseThrow().id());
                for (int i = 0; i < SIGNERS.size(); i++) {
                    boolean held = i == 3;
                    SignatureRequest request = new SignatureRequest("Ana Ilić", SIGNERS.get(i), vidin, null, true, true, true, "en", null);
                    jpa.run(em -> writer(em).sign("brisanje", request, held, "192.0.2.7"));
                }
                // The held signature was mailed nothing; the others their link, each under the campaign's topic.
                assertThat(scalar(jpa, "SELECT COUNT(*) FROM mail_message WHERE topic = ?", "campaign:" + campaign)).isEqualTo(3);
                assertThat(holding(jpa, mariaDb, localPart(SIGNERS.get(3)))).doesNotContain("mail_message.recipient");
                jpa.run(em -> em.createQuery("UPDATE Signature s SET s.confirmedAt = :now WHERE s.held = FALSE")
                        .setParameter("now", NOW).executeUpdate());
                // An update to those who asked for it, and a mail written before mail had topics.
                jpa.run(em -> new CampaignRepository(em).add(new CampaignMailing(em.find(Campaign.class, campaign),
                        Mail.CAMPAIGN_UPDATE, "Sastanak je 15. decembra.", NOW)));
                int mailed = jpa.inTransaction(em -> {
                    CampaignMailings mailings = new CampaignMailings();
                    mailings.campaigns = new CampaignRepository(em);
                    mailings.clock = CLOCK;
                    mailings.mail = MailOutbox.writingTo(em, CLOCK);
                    mailings.settings = settings();
                    return mailings.mailBatch();
                });
                assertThat(mailed).isEqualTo(3);
                jpa.run(em -> MailOutbox.writingTo(em, CLOCK).send(SIGNERS.get(0), Language.EN, Mail.SIGNATURE_AGAIN, "Ana",
                        "Brisanje", "https://duhbalkana.example/x"));
                jpa.run(em -> MailOutbox.writingTo(em, CLOCK).send("organizer.keeps@example.org", Language.EN, Mail.PASSWORD_CHANGED));

                // The search can find them: every signer's address is there before.
                for (String signer : SIGNERS) {
                    assertThat(holding(jpa, mariaDb, localPart(signer))).as(signer).contains("signature.email");
                }
                assertThat(holding(jpa, mariaDb, localPart(SIGNERS.get(0)))).contains("mail_message.recipient");

                CampaignLifecycle lifecycle = new CampaignLifecycle();
                Instant deadline = NOW.plus(Duration.ofDays(30));
                for (Instant at : List.of(deadline, deadline.plus(Duration.ofDays(185)))) {
                    jpa.run(em -> {
                        lifecycle.campaigns = new CampaignRepository(em);
                        lifecycle.clock = Clock.fixed(at, ZoneOffset.UTC);
                        lifecycle.advanceDue();
                    });
                }

                for (String signer : SIGNERS) {
                    assertThat(holding(jpa, mariaDb, localPart(signer))).as(signer).isEmpty();
                    assertThat(holding(jpa, mariaDb, SignerAddress.key(EmailAddress.parse(signer).orElseThrow()))).as(signer).isEmpty();
                }
                // The organizer's own mail is the account's, not the campaign's: it stays; so do the totals.
                assertThat(holding(jpa, mariaDb, "organizer.keeps")).contains("mail_message.recipient", "account.email");
                assertThat(scalar(jpa, "SELECT COUNT(*) FROM signature WHERE anonymized = TRUE")).isEqualTo(4);
            }
        }
    }
}
