package org.duhbalkana.account;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
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
 * "Download my data" on H2 and MariaDB: a person who commented, replied, agreed, flagged,
 * followed, signed and was mailed finds each of these, and nothing of the other person who did
 * the same things on the same round and petition; an account that never confirmed its address
 * gets nothing that was signed with or sent to that address.
 */
class PersonalDataExportTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    static Stream<Arguments> databases() {
        return Stream.of(
                Arguments.of("H2", (Supplier<TestDatabase>) TestDatabase::h2),
                Arguments.of("MariaDB", (Supplier<TestDatabase>) TestDatabase::mariaDb));
    }

    private static long account(Jpa jpa, String email, String name, boolean verified) {
        return jpa.inTransaction(em -> {
            Account a = new Account(EmailAddress.parse(email).orElseThrow(), name, "hash",
                    new MunicipalityRepository(em).byCode("zajecar"), null, Language.SR_LATN, NOW);
            if (verified) {
                a.verifyEmail(NOW);
            }
            new AccountRepository(em).add(a);
            return a.id();
        });
    }

    private static void sql(EntityManager em, String statement) {
        em.createNativeQuery(statement).executeUpdate();
    }

    private static long campaign(Jpa jpa, String slug, long organizerId) {
        return jpa.inTransaction(em -> {
            Municipality zajecar = new MunicipalityRepository(em).byCode("zajecar").orElseThrow();
            Campaign c = new Campaign(slug, em.find(Account.class, organizerId), Language.SR_LATN, NOW);
            c.describe("Staza " + slug, "Tražimo stazu.", "Opis.", Optional.of(zajecar), null, Optional.empty(),
                    NOW.plus(Duration.ofDays(30)), 6, NOW);
            c.petition(1000, 1000);
            c.submit(em.find(Account.class, organizerId), NOW);
            c.approve(NOW);
            new CampaignRepository(em).add(c);
            return c.id();
        });
    }

    private static void signature(EntityManager em, long campaign, String name, String email, String key, boolean confirmed) {
        sql(em, "INSERT INTO signature (campaign_id, name, email, email_key, country, consent_updates, language, share_name, "
                + "created_at, confirmed_at, held, counted, anonymized) VALUES (" + campaign + ", '" + name + "', '" + email
                + "', '" + key + "', 'RS', TRUE, 'sr-Latn', FALSE, '2026-12-01 09:05:00', "
                + (confirmed ? "'2026-12-01 09:06:00'" : "NULL") + ", FALSE, FALSE, FALSE)");
    }

    private static void mail(EntityManager em, String to, String subject) {
        sql(em, "INSERT INTO mail_message (recipient, subject, body, created_at, attempts) VALUES ('" + to + "', '" + subject
                + "', 'Open https://example.org/account/verify.xhtml?token=SECRET-TOKEN-" + subject.length() + "', "
                + "'2026-12-01 09:10:00', 0)");
    }

    private static void audit(EntityManager em, Long actor, String actorName, String action, String subject, String details,
            String address) {
        sql(em, "INSERT INTO audit_event (occurred_at, actor_id, actor_name, action, subject, details, address) VALUES "
                + "('2026-12-01 09:20:00', " + actor + ", '" + actorName + "', '" + action + "', '" + subject + "', "
                + (details == null ? "NULL" : "'" + details + "'") + ", '" + address + "')");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theDownloadHoldsEverythingOfThePersonAndNothingOfAnother(String name, Supplier<TestDatabase> database) {
        try (TestDatabase db = database.get()) {
            SchemaMigration.migrate(db.dataSource());
            try (Jpa jpa = new Jpa(db.dataSource())) {
                long ana = account(jpa, "ana.ilic@gmail.com", "Ana Ilić", true);
                long boris = account(jpa, "boris@example.org", "Boris Borisov", true);
                long staff = account(jpa, "staff@example.org", "Mira Moderatorka", true);
                long[] comments = jpa.inTransaction(em -> {
                    MunicipalityRepository municipalities = new MunicipalityRepository(em);
                    ConsultationRound round = new ConsultationRound("turizam", "Strategija turizma", "Nacrt.", Language.SR_LATN,
                            Set.of(municipalities.byCode("zajecar").orElseThrow()), em.find(Account.class, staff), NOW);
                    round.addSection("Član 1", "Predmet.");
                    round.addSection("Član 2", "Ciljevi.");
                    round.schedule(NOW, NOW.plus(Duration.ofDays(30)), null, NOW);
                    round.advance(NOW);
                    ConsultationRepository rounds = new ConsultationRepository(em);
                    rounds.add(round);
                    Account a = em.find(Account.class, ana);
                    Account b = em.find(Account.class, boris);
                    Comment byAna = round.comment(a, round.section(2), Stance.SUPPORTS, "Anin predlog o stazi.", NOW.plusSeconds(60));
                    rounds.add(byAna);
                    Comment byBoris = round.comment(b, Optional.empty(), Stance.OPPOSES, "Borisov tajni komentar.", NOW.plusSeconds(70));
                    rounds.add(byBoris);
                    Comment reply = round.reply(a, byBoris, "Anin odgovor Borisu.", NOW.plusSeconds(80));
                    rounds.add(reply);
                    rounds.endorse(byBoris, ana, NOW.plusSeconds(90));
                    rounds.flag(byBoris, ana, "Anin razlog prijave", NOW.plusSeconds(91));
                    rounds.follow(round, ana, NOW.plusSeconds(92));
                    rounds.endorse(byAna, boris, NOW.plusSeconds(93));
                    rounds.flag(byAna, boris, "Borisov razlog prijave", NOW.plusSeconds(94));
                    rounds.follow(round, boris, NOW.plusSeconds(95));
                    return new long[] {byAna.id(), byBoris.id(), reply.id()};
                });
                long petition = campaign(jpa, "staza", staff);
                long other = campaign(jpa, "dunav", staff);
                jpa.run(em -> {
                    // Ana signed with a tagged Gmail address: the same mailbox as her account's.
                    signature(em, petition, "Ana Ilić", "ana.ilic+peticija@gmail.com", "anailic@gmail.com", true);
                    // Someone typed Ana's address on another petition and the link was never opened.
                    signature(em, other, "Neko Drugi", "ana.ilic@gmail.com", "anailic@gmail.com", false);
                    signature(em, petition, "Boris Borisov", "boris@example.org", "boris@example.org", true);
                    signature(em, petition, "Vera Žrtva", "victim@example.org", "victim@example.org", true);
                    mail(em, "ana.ilic@gmail.com", "Potvrdite adresu");
                    mail(em, "ana.ilic+peticija@gmail.com", "Potvrdite potpis");
                    mail(em, "boris@example.org", "Borisova posta");
                    mail(em, "victim@example.org", "Posta za Veru");
                    audit(em, ana, "Ana Ilić", "DATA_EXPORTED", "account " + ana, "own data", "198.51.100.7");
                    audit(em, staff, "Mira Moderatorka", "COMMENT_HIDDEN", "comment " + comments[0], "Javni razlog", "203.0.113.9");
                    audit(em, staff, "Mira Moderatorka", "ACCOUNT_BLOCKED", "account " + ana, null, "203.0.113.9");
                    audit(em, staff, "Mira Moderatorka", "ACCOUNT_BLOCKED", "account " + boris, "Borisov detalj", "203.0.113.9");
                    audit(em, staff, "Mira Moderatorka", "COMMENT_HIDDEN", "comment " + comments[1], "Borisov razlog skrivanja", "203.0.113.9");
                });

                PersonalData data = jpa.inTransaction(em -> new PersonalDataExport(em).of(em.find(Account.class, ana)));

                assertThat(data.accountId()).isEqualTo(ana);
                assertThat(data.email()).isEqualTo("ana.ilic@gmail.com");
                assertThat(data.comments()).extracting(PersonalData.Comment::text)
                        .containsExactly("Anin predlog o stazi.", "Anin odgovor Borisu.");
                assertThat(data.comments().get(0)).satisfies(c -> {
                    assertThat(c.round()).isEqualTo("turizam");
                    assertThat(c.section()).isEqualTo(2);
                    assertThat(c.stance()).isEqualTo("SUPPORTS");
                    assertThat(c.status()).isEqualTo("VISIBLE");
                    assertThat(c.createdAt()).isEqualTo(NOW.plusSeconds(60));
                });
                assertThat(data.comments().get(1).replyTo()).isEqualTo(comments[1]);
                assertThat(data.endorsements()).containsExactly(new PersonalData.Endorsement(comments[1], "turizam", NOW.plusSeconds(90)));
                assertThat(data.flags()).containsExactly(
                        new PersonalData.Flag(comments[1], "turizam", "Anin razlog prijave", NOW.plusSeconds(91)));
                assertThat(data.follows()).containsExactly(new PersonalData.Follow("turizam", NOW.plusSeconds(92)));
                assertThat(data.signatures()).singleElement().satisfies(s -> {
                    assertThat(s.campaign()).isEqualTo("staza");
                    assertThat(s.email()).isEqualTo("ana.ilic+peticija@gmail.com");
                    assertThat(s.name()).isEqualTo("Ana Ilić");
                    assertThat(s.state()).isEqualTo("CONFIRMED");
                });
                assertThat(data.mails()).extracting(PersonalData.Mail::subject)
                        .containsExactlyInAnyOrder("Potvrdite adresu", "Potvrdite potpis");
                assertThat(data.audit()).extracting(a -> a.action() + " " + a.subject() + " " + a.byYou() + " " + a.address())
                        .containsExactlyInAnyOrder("DATA_EXPORTED account " + ana + " true 198.51.100.7",
                                "COMMENT_HIDDEN comment " + comments[0] + " false null",
                                "ACCOUNT_BLOCKED account " + ana + " false null");

                String everything = data.toString();
                assertThat(everything).doesNotContain("Borisov", "boris@example.org", "Boris Borisov", "Vera", "victim@",
                        "Neko Drugi", "Mira", "203.0.113.9", "SECRET-TOKEN", "dunav", "hash");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anAccountThatNeverConfirmedItsAddressGetsNothingSignedWithOrSentToIt(String name, Supplier<TestDatabase> database) {
        try (TestDatabase db = database.get()) {
            SchemaMigration.migrate(db.dataSource());
            try (Jpa jpa = new Jpa(db.dataSource())) {
                long organizer = account(jpa, "organizer@example.org", "Stefan Nikolić", true);
                long petition = campaign(jpa, "staza", organizer);
                jpa.run(em -> {
                    signature(em, petition, "Vera Žrtva", "victim@example.org", "victim@example.org", true);
                    mail(em, "victim@example.org", "Potvrdite potpis za stazu");
                });
                // Someone else opens an account with Vera's address and never confirms it.
                long intruder = account(jpa, "victim@example.org", "Uljez", false);

                PersonalData data = jpa.inTransaction(em -> new PersonalDataExport(em).of(em.find(Account.class, intruder)));

                assertThat(data.email()).isEqualTo("victim@example.org");
                assertThat(data.signatures()).isEmpty();
                assertThat(data.mails()).isEmpty();
                assertThat(data.toString()).doesNotContain("Vera", "Potvrdite potpis");
            }
        }
    }
}
