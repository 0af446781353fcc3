package org.duhbalkana.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.duhbalkana.account.Account;
import org.duhbalkana.account.AccountRepository;
import org.duhbalkana.account.EmailAddress;
import org.duhbalkana.account.Municipality;
import org.duhbalkana.account.MunicipalityRepository;
import org.duhbalkana.platform.database.SchemaMigration;
import org.duhbalkana.testing.Jpa;
import org.duhbalkana.testing.TestDatabase;
import org.duhbalkana.text.Language;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Signatures and their counting in the database, on H2 and MariaDB: one signature per address,
 * batches that count each confirmed signature exactly once while people keep confirming, totals
 * that follow invalidation, and personal data let go on time while the totals stay.
 */
class CampaignPersistenceTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    static Stream<Arguments> databases() {
        return Stream.of(
                Arguments.of("H2", (Supplier<TestDatabase>) TestDatabase::h2),
                Arguments.of("MariaDB", (Supplier<TestDatabase>) TestDatabase::mariaDb));
    }

    private static Jpa migrated(TestDatabase db) {
        SchemaMigration.migrate(db.dataSource());
        return new Jpa(db.dataSource());
    }

    /** A published petition of Zaječar, its response threshold out of reach. */
    private static long petition(Jpa jpa) {
        return jpa.inTransaction(em -> {
            Municipality zajecar = new MunicipalityRepository(em).byCode("zajecar").orElseThrow();
            Account organizer = new Account(EmailAddress.parse("organizer@example.org").orElseThrow(), "Stefan Nikolić", "hash",
                    Optional.of(zajecar), null, Language.SR_LATN, NOW);
            organizer.verifyEmail(NOW);
            new AccountRepository(em).add(organizer);
            Campaign c = new Campaign("staza", organizer, Language.SR_LATN, NOW);
            c.describe("Staza", "Tražimo stazu.", "Opis.", Optional.of(zajecar), null, Optional.empty(),
                    NOW.plus(Duration.ofDays(30)), 6, NOW);
            c.petition(1_000_000, 1_000_000);
            c.submit(organizer, NOW);
            c.approve(NOW);
            new CampaignRepository(em).add(c);
            return c.id();
        });
    }

    private static long sign(Jpa jpa, long campaignId, String email, String municipality) {
        return jpa.inTransaction(em -> {
            Optional<Municipality> home = Optional.ofNullable(municipality).flatMap(code -> new MunicipalityRepository(em).byCode(code));
            Signature s = new Signature(em.find(Campaign.class, campaignId), "Ana Ilić", EmailAddress.parse(email).orElseThrow(), home,
                    home.isPresent() ? null : "DE", false, false, "hash-" + email.hashCode() + "-" + email.length(), "192.0.2.1",
                    false, NOW);
            new CampaignRepository(em).add(s);
            return s.id();
        });
    }

    private static SignatureCounting counting(EntityManager em) {
        SignatureCounting counting = new SignatureCounting();
        counting.campaigns = new CampaignRepository(em);
        counting.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return counting;
    }

    private static int countAll(Jpa jpa) {
        int total = 0;
        int batch;
        do {
            batch = jpa.inTransaction(em -> counting(em).countBatch());
            total += batch;
        } while (batch > 0);
        return total;
    }

    private static long scalar(Jpa jpa, String sql) {
        return jpa.inTransaction(em -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void oneSignaturePerAddressEvenWrittenDifferently(String name, Supplier<TestDatabase> database) {
        try (TestDatabase db = database.get(); Jpa jpa = migrated(db)) {
            long campaign = petition(jpa);
            sign(jpa, campaign, "ana.ilic+a@gmail.com", "zajecar");
            assertThatThrownBy(() -> sign(jpa, campaign, "AnaIlic@googlemail.com", "vidin")).isInstanceOf(RuntimeException.class);
            assertThat(scalar(jpa, "SELECT COUNT(*) FROM signature")).isEqualTo(1);
            boolean found = jpa.inTransaction(em -> new CampaignRepository(em)
                    .signature(em.find(Campaign.class, campaign), "anailic@gmail.com").isPresent());
            assertThat(found).isTrue();
        }
    }

    private static String tokenOf(String email) {
        return "hash-" + email.hashCode() + "-" + email.length();
    }

    private static boolean confirmByToken(Jpa jpa, String tokenHash, Instant now) {
        return jpa.inTransaction(em -> new CampaignRepository(em).confirmByToken(tokenHash, now));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aLinkConfirmsInOneStatementOnceAndOnlyWhileItCanBeUsed(String name, Supplier<TestDatabase> database) {
        try (TestDatabase db = database.get(); Jpa jpa = migrated(db)) {
            long campaign = petition(jpa);
            PetitionWindow window = jpa.inTransaction(em -> new CampaignRepository(em).petitionWindow("staza").orElseThrow());
            assertThat(window.id()).isEqualTo(campaign);
            assertThat(window.takesSignatures(NOW)).isTrue();
            assertThat(window.takesSignatures(NOW.plus(Duration.ofDays(31)))).isFalse();

            sign(jpa, campaign, "ana@example.org", null);
            assertThat(confirmByToken(jpa, tokenOf("ana@example.org"), NOW.plusSeconds(5))).isTrue();
            assertThat(confirmByToken(jpa, tokenOf("ana@example.org"), NOW.plusSeconds(6))).as("a link works once").isFalse();
            assertThat(confirmByToken(jpa, "no-such-link", NOW.plusSeconds(6))).isFalse();

            sign(jpa, campaign, "late@example.org", null);
            assertThat(confirmByToken(jpa, tokenOf("late@example.org"), NOW.plus(Signature.LINK_LIFETIME).plusSeconds(1)))
                    .as("expired").isFalse();
            assertThat(confirmByToken(jpa, tokenOf("late@example.org"), NOW.plus(Signature.LINK_LIFETIME))).as("the last moment").isTrue();

            // A fresh link was mailed: the one before it still works, once.
            long renewed = sign(jpa, campaign, "again@example.org", null);
            jpa.run(em -> em.find(Signature.class, renewed).newLink("fresh-link", NOW.plusSeconds(60)));
            assertThat(confirmByToken(jpa, tokenOf("again@example.org"), NOW.plusSeconds(61))).isTrue();
            assertThat(confirmByToken(jpa, "fresh-link", NOW.plusSeconds(62))).isFalse();

            // A closed petition takes no confirmation.
            sign(jpa, campaign, "closed@example.org", null);
            jpa.run(em -> em.find(Campaign.class, campaign).close(NOW.plusSeconds(100)));
            assertThat(confirmByToken(jpa, tokenOf("closed@example.org"), NOW.plusSeconds(101))).isFalse();

            assertThat(scalar(jpa, "SELECT COUNT(*) FROM signature WHERE confirmed_at IS NOT NULL")).isEqualTo(3);
            assertThat(scalar(jpa, "SELECT COUNT(*) FROM signature WHERE confirmed_at IS NULL AND email = 'closed@example.org'"))
                    .isEqualTo(1);
        }
    }

    /** A signature whose mailed link is {@code secret}, written at {@code at}. */
    private static void signWithLink(Jpa jpa, long campaignId, String email, String secret, Instant at) {
        jpa.run(em -> em.persist(new Signature(em.find(Campaign.class, campaignId), "Ana Ilić", EmailAddress.parse(email).orElseThrow(),
                Optional.empty(), "DE", false, false, org.duhbalkana.platform.Secrets.hash(secret), "192.0.2.1", false, at)));
    }

    private static SignatureOutcome follow(Jpa jpa, String secret, Instant now) {
        return jpa.inTransaction(em -> {
            SignatureWriter writer = new SignatureWriter();
            writer.campaigns = new CampaignRepository(em);
            writer.clock = Clock.fixed(now, ZoneOffset.UTC);
            return writer.confirm(secret);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void followingALinkTellsWhatHappened(String name, Supplier<TestDatabase> database) {
        try (TestDatabase db = database.get(); Jpa jpa = migrated(db)) {
            long campaign = petition(jpa);
            signWithLink(jpa, campaign, "ana@example.org", "secret-ana", NOW);
            signWithLink(jpa, campaign, "late@example.org", "secret-late", NOW.minus(Signature.LINK_LIFETIME).minusSeconds(1));
            signWithLink(jpa, campaign, "closed@example.org", "secret-closed", NOW);

            assertThat(follow(jpa, "secret-ana", NOW.plusSeconds(1))).isEqualTo(SignatureOutcome.CONFIRMED);
            assertThat(follow(jpa, "secret-ana", NOW.plusSeconds(2))).isEqualTo(SignatureOutcome.ALREADY_CONFIRMED);
            assertThat(follow(jpa, "secret-late", NOW)).isEqualTo(SignatureOutcome.EXPIRED);
            assertThat(follow(jpa, "no-such-secret", NOW)).isEqualTo(SignatureOutcome.UNKNOWN);
            jpa.run(em -> em.find(Campaign.class, campaign).close(NOW.plusSeconds(3)));
            assertThat(follow(jpa, "secret-closed", NOW.plusSeconds(4))).isEqualTo(SignatureOutcome.CLOSED);
            assertThat(scalar(jpa, "SELECT COUNT(*) FROM signature WHERE confirmed_at IS NOT NULL")).isEqualTo(1);
        }
    }

    private static CampaignMailings mailings(EntityManager em) {
        CampaignMailings mailings = new CampaignMailings();
        mailings.campaigns = new CampaignRepository(em);
        mailings.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        mailings.mail = org.duhbalkana.notification.MailOutbox.writingTo(em, mailings.clock);
        mailings.settings = org.duhbalkana.platform.config.Settings.read(new org.duhbalkana.platform.config.DefaultConfiguration(
                java.util.Map.of("BASE_URL", "https://duhbalkana.example"), new java.util.Properties()));
        return mailings;
    }

    private static int mailBatch(Jpa jpa) {
        return jpa.inTransaction(em -> mailings(em).mailBatch());
    }

    /** Posts a mailing as the service does: the consenting signers counted, the mailing queued. */
    private static int post(Jpa jpa, long campaign, String text) {
        return jpa.inTransaction(em -> {
            CampaignRepository repository = new CampaignRepository(em);
            Campaign c = em.find(Campaign.class, campaign);
            int recipients = repository.updateRecipientCount(c);
            repository.add(new CampaignMailing(c, org.duhbalkana.notification.Mail.CAMPAIGN_UPDATE, text, NOW));
            return recipients;
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anUpdateReachesEveryConsentingSignerOnceInBatchesEvenWithTwoJobsAtOnce(String name, Supplier<TestDatabase> database)
            throws Exception {
        try (TestDatabase db = database.get(); Jpa jpa = migrated(db)) {
            long campaign = petition(jpa);
            int consenting = 2 * CampaignMailings.BATCH + 234;
            jpa.run(em -> {
                Campaign c = em.find(Campaign.class, campaign);
                for (int i = 0; i < consenting + 30; i++) {
                    // the last 30: ten never confirmed, ten without consent, ten invalidated
                    Signature s = new Signature(c, "Potpisnik " + i, EmailAddress.parse("signer" + i + "@example.org").orElseThrow(),
                            Optional.empty(), "RS", i < consenting + 10 || i >= consenting + 20, false, "link-" + i, "192.0.2.1", false, NOW);
                    if (i < consenting || i >= consenting + 10) {
                        s.confirm(NOW);
                    }
                    if (i >= consenting + 20) {
                        s.invalidate("one source", NOW);
                    }
                    em.persist(s);
                }
            });
            assertThat(post(jpa, campaign, "Staza je ušla u plan za 2027.")).isEqualTo(consenting);

            assertThat(mailBatch(jpa)).isEqualTo(CampaignMailings.BATCH);
            assertThat(scalar(jpa, "SELECT mailed FROM campaign_mailing")).isEqualTo(CampaignMailings.BATCH);
            assertThat(scalar(jpa, "SELECT COUNT(*) FROM campaign_mailing WHERE finished_at IS NULL")).isEqualTo(1);
            assertThat(mailBatch(jpa)).isEqualTo(CampaignMailings.BATCH);
            assertThat(mailBatch(jpa)).isEqualTo(234);
            assertThat(scalar(jpa, "SELECT COUNT(*) FROM campaign_mailing WHERE finished_at IS NULL")).isZero();
            assertThat(mailBatch(jpa)).as("nothing is mailed twice").isZero();
            assertThat(scalar(jpa, "SELECT COUNT(*) FROM mail_message")).isEqualTo(consenting);
            assertThat(scalar(jpa, "SELECT COUNT(DISTINCT recipient) FROM mail_message")).isEqualTo(consenting);
            assertThat(scalar(jpa, "SELECT COUNT(*) FROM mail_message WHERE body LIKE '%Staza je ušla u plan za 2027.%'"))
                    .isEqualTo(consenting);
            assertThat(scalar(jpa, "SELECT COUNT(*) FROM mail_message WHERE recipient IN ('signer" + (consenting + 5)
                    + "@example.org', 'signer" + (consenting + 15) + "@example.org', 'signer" + (consenting + 25) + "@example.org')"))
                    .as("the unconfirmed, those who did not consent and the invalidated get nothing").isZero();

            // Two instances' jobs at once: the job's lock lets one batch through at a time; each mail is written once.
            post(jpa, campaign, "Druga vest.");
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> jobs = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    jobs.add(pool.submit(() -> {
                        int written = 0;
                        int batch;
                        while ((batch = mailBatch(jpa)) > 0) {
                            written += batch;
                        }
                        return written;
                    }));
                }
                int written = 0;
                for (Future<Integer> job : jobs) {
                    written += job.get();
                }
                written += mailBatch(jpa); // a full last batch leaves the close to a later run
                assertThat(written).isEqualTo(consenting);
            } finally {
                pool.shutdownNow();
            }
            assertThat(scalar(jpa, "SELECT COUNT(*) FROM mail_message WHERE body LIKE '%Druga vest.%'")).isEqualTo(consenting);
            assertThat(scalar(jpa, "SELECT COUNT(DISTINCT recipient) FROM mail_message WHERE body LIKE '%Druga vest.%'"))
                    .isEqualTo(consenting);
            assertThat(scalar(jpa, "SELECT COUNT(*) FROM campaign_mailing WHERE finished_at IS NULL")).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aMailingWhoseBatchesKeepFailingIsSetAsideAndTheNextGoesAhead(String name, Supplier<TestDatabase> database) {
        try (TestDatabase db = database.get(); Jpa jpa = migrated(db)) {
            long campaign = petition(jpa);
            jpa.run(em -> {
                Signature s = new Signature(em.find(Campaign.class, campaign), "Ana Ilić", EmailAddress.parse("ana@example.org").orElseThrow(),
                        Optional.empty(), "RS", true, false, "link-ana", "192.0.2.1", false, NOW);
                s.confirm(NOW);
                em.persist(s);
            });
            post(jpa, campaign, "Prva vest.");
            post(jpa, campaign, "Druga vest.");
            for (int failure = 1; failure < CampaignMailing.MAX_FAILURES; failure++) {
                jpa.run(em -> mailings(em).batchFailed());
            }
            assertThat(scalar(jpa, "SELECT failures FROM campaign_mailing WHERE body = 'Prva vest.'")).isEqualTo(CampaignMailing.MAX_FAILURES - 1);
            assertThat(scalar(jpa, "SELECT COUNT(*) FROM mail_message")).isZero();

            jpa.run(em -> mailings(em).batchFailed()); // the fifth: set aside
            assertThat(mailBatch(jpa)).isEqualTo(1);
            assertThat(scalar(jpa, "SELECT COUNT(*) FROM mail_message WHERE body LIKE '%Druga vest.%'")).isEqualTo(1);
            assertThat(scalar(jpa, "SELECT COUNT(*) FROM mail_message WHERE body LIKE '%Prva vest.%'")).isZero();
            assertThat(scalar(jpa, "SELECT COUNT(*) FROM campaign_mailing WHERE body = 'Prva vest.' AND finished_at IS NULL"))
                    .as("set aside, not finished: someone can look at it").isEqualTo(1);
            assertThat(mailBatch(jpa)).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void batchesCountEveryConfirmedSignatureOnceWhilePeopleKeepConfirming(String name, Supplier<TestDatabase> database)
            throws Exception {
        try (TestDatabase db = database.get(); Jpa jpa = migrated(db)) {
            long campaign = petition(jpa);
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                ids.add(sign(jpa, campaign, "signer" + i + "@example.org", i % 3 == 0 ? null : i % 3 == 1 ? "zajecar" : "vidin"));
            }
            AtomicBoolean confirming = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(5);
            try {
                List<Future<?>> confirmers = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int thread = t;
                    confirmers.add(pool.submit(() -> {
                        for (int i = thread; i < ids.size(); i += 4) {
                            if (i % 10 != 7) { // every tenth never confirms
                                long id = ids.get(i);
                                jpa.run(em -> new CampaignRepository(em).confirm(id, NOW.plusSeconds(1)));
                            }
                        }
                    }));
                }
                Future<Integer> counter = pool.submit(() -> {
                    int counted = 0;
                    while (confirming.get()) {
                        counted += jpa.inTransaction(em -> counting(em).countBatch());
                    }
                    return counted;
                });
                for (Future<?> f : confirmers) {
                    f.get();
                }
                confirming.set(false);
                counter.get();
            } finally {
                pool.shutdownNow();
            }
            countAll(jpa);

            assertThat(scalar(jpa, "SELECT COUNT(*) FROM signature WHERE confirmed_at IS NOT NULL")).isEqualTo(270);
            assertThat(scalar(jpa, "SELECT COUNT(*) FROM signature WHERE counted = TRUE")).isEqualTo(270);
            assertThat(scalar(jpa, "SELECT signature_count FROM campaign")).isEqualTo(270);
            assertThat(scalar(jpa, "SELECT SUM(signatures) FROM signature_tally")).isEqualTo(270);
            assertThat(scalar(jpa, "SELECT SUM(signatures) FROM signature_tally WHERE municipality_key = 0 AND country = 'DE'"))
                    .isEqualTo(90);
            // Counting again changes nothing.
            assertThat(countAll(jpa)).isZero();

            // A moderator invalidates ten: the next batch takes them out of the totals.
            jpa.run(em -> em.createQuery("SELECT s FROM Signature s WHERE s.country = 'DE' AND s.confirmedAt IS NOT NULL ORDER BY s.id",
                    Signature.class).setMaxResults(10).getResultList().forEach(s -> s.invalidate("one source", NOW)));
            assertThat(countAll(jpa)).isEqualTo(10);
            assertThat(scalar(jpa, "SELECT signature_count FROM campaign")).isEqualTo(260);
            assertThat(scalar(jpa, "SELECT SUM(signatures) FROM signature_tally")).isEqualTo(260);

            // The nightly recount finds the same.
            jpa.run(em -> counting(em).recountAll());
            assertThat(scalar(jpa, "SELECT signature_count FROM campaign")).isEqualTo(260);
            assertThat(scalar(jpa, "SELECT SUM(signatures) FROM signature_tally")).isEqualTo(260);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void personalDataIsLetGoTheSetTimeAfterClosingAndTheTotalsStay(String name, Supplier<TestDatabase> database) {
        try (TestDatabase db = database.get(); Jpa jpa = migrated(db)) {
            long campaign = petition(jpa);
            for (int i = 0; i < 20; i++) {
                long id = sign(jpa, campaign, "person" + i + "@example.org", "zajecar");
                jpa.run(em -> new CampaignRepository(em).confirm(id, NOW));
            }
            countAll(jpa);
            Instant deadline = NOW.plus(Duration.ofDays(30));
            CampaignLifecycle lifecycle = new CampaignLifecycle();

            // At the deadline the campaign closes; the data stays for six months.
            int[] atDeadline = jpa.inTransaction(em -> {
                lifecycle.campaigns = new CampaignRepository(em);
                lifecycle.clock = Clock.fixed(deadline, ZoneOffset.UTC);
                return lifecycle.advanceDue();
            });
            assertThat(atDeadline).containsExactly(1, 0);
            assertThat(scalar(jpa, "SELECT COUNT(*) FROM signature WHERE email IS NOT NULL")).isEqualTo(20);

            int[] fiveMonthsOn = jpa.inTransaction(em -> {
                lifecycle.campaigns = new CampaignRepository(em);
                lifecycle.clock = Clock.fixed(deadline.plus(Duration.ofDays(150)), ZoneOffset.UTC);
                return lifecycle.advanceDue();
            });
            assertThat(fiveMonthsOn).containsExactly(0, 0);

            int[] sixMonthsOn = jpa.inTransaction(em -> {
                lifecycle.campaigns = new CampaignRepository(em);
                lifecycle.clock = Clock.fixed(deadline.plus(Duration.ofDays(185)), ZoneOffset.UTC);
                return lifecycle.advanceDue();
            });
            assertThat(sixMonthsOn).containsExactly(0, 1);
            assertThat(scalar(jpa, "SELECT COUNT(*) FROM signature WHERE name IS NOT NULL OR email IS NOT NULL "
                    + "OR email_key IS NOT NULL OR client_address IS NOT NULL OR token_hash IS NOT NULL OR earlier_token IS NOT NULL")).isZero();
            assertThat(scalar(jpa, "SELECT COUNT(*) FROM signature WHERE anonymized = TRUE")).isEqualTo(20);
            assertThat(scalar(jpa, "SELECT signature_count FROM campaign")).isEqualTo(20);
            assertThat(scalar(jpa, "SELECT SUM(signatures) FROM signature_tally")).isEqualTo(20);
            // Running it again changes nothing.
            int[] again = jpa.inTransaction(em -> {
                lifecycle.campaigns = new CampaignRepository(em);
                return lifecycle.advanceDue();
            });
            assertThat(again).containsExactly(0, 0);
        }
    }
}
