package org.duhbalkana.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.duhbalkana.account.Account;
import org.duhbalkana.account.AccountRepository;
import org.duhbalkana.account.EmailAddress;
import org.duhbalkana.account.MunicipalityRepository;
import org.duhbalkana.platform.database.SchemaMigration;
import org.duhbalkana.testing.Jpa;
import org.duhbalkana.testing.TestDatabase;
import org.duhbalkana.text.Language;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Rounds and comments in the database, with real concurrency: reviewers racing, many commenters at once. */
class ConsultationPersistenceTest {

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

    private static long person(Jpa jpa, String email) {
        return jpa.inTransaction(em -> {
            Account a = new Account(EmailAddress.parse(email).orElseThrow(), "Ana Ilić", "hash",
                    new MunicipalityRepository(em).byCode("zajecar"), null, Language.SR_LATN, NOW);
            a.verifyEmail(NOW);
            new AccountRepository(em).add(a);
            return a.id();
        });
    }

    /** An open round "turizam" of Zaječar and Vidin with two sections. */
    private static void openRound(Jpa jpa, long authorId) {
        jpa.run(em -> {
            MunicipalityRepository municipalities = new MunicipalityRepository(em);
            ConsultationRound round = new ConsultationRound("turizam", "Strategija turizma", "Nacrt.", Language.SR_LATN,
                    Set.of(municipalities.byCode("zajecar").orElseThrow(), municipalities.byCode("vidin").orElseThrow()),
                    em.find(Account.class, authorId), NOW);
            round.describe("Strategija turizma", "Nacrt.", Set.of("turizam", "prekogranična saradnja"));
            round.addSection("Član 1", "Predmet.");
            round.addSection("Član 2", "Ciljevi.");
            round.schedule(NOW, NOW.plus(Duration.ofDays(30)), null, NOW);
            new ConsultationRepository(em).add(round);
        });
        jpa.run(em -> new ConsultationRepository(em).dueToAdvance(NOW.plusSeconds(1)).forEach(r -> r.advance(NOW.plusSeconds(1))));
    }

    private static long comment(Jpa jpa, long authorId, String text) {
        return jpa.inTransaction(em -> {
            ConsultationRepository rounds = new ConsultationRepository(em);
            ConsultationRound round = rounds.bySlug("turizam").orElseThrow();
            Comment c = round.comment(em.find(Account.class, authorId), round.section(2), Stance.SUPPORTS, text,
                    NOW.plusSeconds(60));
            rounds.add(c);
            return c.id();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRoundIsStoredWithItsOrganizersTagsAndNumberedSections(String name, Supplier<TestDatabase> database) {
        try (TestDatabase db = database.get(); Jpa jpa = migrated(db)) {
            openRound(jpa, person(jpa, "author@example.org"));

            jpa.run(em -> {
                ConsultationRound round = new ConsultationRepository(em).bySlug("turizam").orElseThrow();
                assertThat(round.status()).isEqualTo(RoundStatus.OPEN);
                assertThat(round.organizers()).extracting(m -> m.code()).containsExactlyInAnyOrder("zajecar", "vidin");
                assertThat(round.tags()).containsExactlyInAnyOrder("turizam", "prekogranična saradnja");
                assertThat(round.sections()).extracting(Section::heading).containsExactly("Član 1", "Član 2");
                assertThat(round.closesAt()).contains(NOW.plus(Duration.ofDays(30)));
                assertThat(new ConsultationRepository(em).publicRounds(Optional.of(RoundStatus.OPEN),
                        Optional.of(round.organizers().iterator().next().id()), 0, 10)).containsExactly(round);
            });
            // Running the scheduler again changes nothing.
            int changed = jpa.inTransaction(em -> new ConsultationRepository(em).dueToAdvance(NOW.plusSeconds(5)).size());
            assertThat(changed).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void translationsAreStoredOnePerLanguageAndReplacedAndTheScriptChoiceIsKept(String name, Supplier<TestDatabase> database) {
        try (TestDatabase db = database.get(); Jpa jpa = migrated(db)) {
            long author = person(jpa, "author@example.org");
            openRound(jpa, author);
            jpa.run(em -> {
                ConsultationRound round = new ConsultationRepository(em).bySlug("turizam").orElseThrow();
                round.translate(Language.EN, "Tourism strategy", "Draft.");
                round.translate(Language.BG, "Стратегия за туризма", "Проект.");
                round.showAsWritten(true);
            });
            jpa.run(em -> new ConsultationRepository(em).bySlug("turizam").orElseThrow()
                    .translate(Language.EN, "Strategy for tourism", "The draft."));
            long commentId = jpa.inTransaction(em -> {
                ConsultationRepository rounds = new ConsultationRepository(em);
                ConsultationRound round = rounds.bySlug("turizam").orElseThrow();
                Account citizen = em.find(Account.class, author);
                Comment c = round.comment(citizen, Optional.empty(), Stance.NEUTRAL, "Pišem latinicom.", NOW.plusSeconds(60));
                c.showAsWritten(citizen, true);
                rounds.add(c);
                return c.id();
            });

            jpa.run(em -> {
                ConsultationRound round = new ConsultationRepository(em).bySlug("turizam").orElseThrow();
                assertThat(round.translations()).extracting(t -> t.language().tag() + ": " + t.title() + " / " + t.summary())
                        .containsExactlyInAnyOrder("en: Strategy for tourism / The draft.", "bg: Стратегия за туризма / Проект.");
                assertThat(round.asWritten()).isTrue();
                assertThat(em.find(Comment.class, commentId).asWritten()).isTrue();
                List<?> rows = em.createNativeQuery("SELECT language FROM round_translation ORDER BY language").getResultList();
                assertThat(rows).extracting(Object::toString).containsExactly("bg", "en");
            });
            jpa.run(em -> new ConsultationRepository(em).bySlug("turizam").orElseThrow().removeTranslation(Language.BG));
            jpa.run(em -> assertThat(new ConsultationRepository(em).bySlug("turizam").orElseThrow().translations())
                    .extracting(t -> t.language()).containsExactly(Language.EN));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void twoReviewersAnsweringTheSameCommentAtOnceOneWinsTheOtherIsTold(String name, Supplier<TestDatabase> database)
            throws Exception {
        try (TestDatabase db = database.get(); Jpa jpa = migrated(db)) {
            long author = person(jpa, "author@example.org");
            openRound(jpa, author);
            long citizen = person(jpa, "citizen@example.org");
            long commentId = comment(jpa, citizen, "Predlažem biciklističke staze.");
            long first = person(jpa, "first@example.org");
            long second = person(jpa, "second@example.org");
            int before = jpa.inTransaction(em -> em.find(Comment.class, commentId).version());

            CyclicBarrier bothRead = new CyclicBarrier(2);
            List<Callable<String>> reviewers = new ArrayList<>();
            for (Object[] reviewer : new Object[][] {{first, Disposition.ACCEPTED, null}, {second, Disposition.NOT_ACCEPTED, "Nema sredstava."}}) {
                reviewers.add(() -> {
                    try {
                        jpa.run(em -> {
                            Comment c = em.find(Comment.class, commentId);
                            await(bothRead);
                            c.answer((Disposition) reviewer[1], (String) reviewer[2], em.find(Account.class, (Long) reviewer[0]),
                                    NOW.plusSeconds(120));
                        });
                        return "won";
                    } catch (RuntimeException lost) {
                        return "told: " + lost.getClass().getSimpleName();
                    }
                });
            }
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<String> outcomes = new ArrayList<>();
                for (Future<String> f : pool.invokeAll(reviewers)) {
                    outcomes.add(f.get());
                }
                assertThat(outcomes).containsOnlyOnce("won");
                assertThat(outcomes).filteredOn(o -> o.startsWith("told")).hasSize(1);
            } finally {
                pool.shutdownNow();
            }
            jpa.run(em -> {
                Comment c = em.find(Comment.class, commentId);
                assertThat(c.isAnswered()).isTrue();
                assertThat(c.version()).as("one answer written, not two").isEqualTo(before + 1);
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void fiftyPeopleCommentingAtOnceLoseNothing(String name, Supplier<TestDatabase> database) throws Exception {
        try (TestDatabase db = database.get(); Jpa jpa = migrated(db)) {
            openRound(jpa, person(jpa, "author@example.org"));
            List<Long> people = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                people.add(person(jpa, "p" + i + "@example.org"));
            }
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                List<Future<Long>> done = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    long person = people.get(i);
                    String text = "Komentar broj " + i;
                    done.add(pool.submit(() -> {
                        start.await();
                        return comment(jpa, person, text);
                    }));
                }
                start.countDown();
                Set<Long> ids = new HashSet<>();
                for (Future<Long> f : done) {
                    ids.add(f.get());
                }
                assertThat(ids).hasSize(50);
            } finally {
                pool.shutdownNow();
            }
            jpa.run(em -> {
                ConsultationRepository rounds = new ConsultationRepository(em);
                ConsultationRound round = rounds.bySlug("turizam").orElseThrow();
                assertThat(rounds.commentCount(round)).isEqualTo(50);
                assertThat(rounds.unanswered(round)).isEqualTo(50);
                List<String> bodies = rounds.allForReport(round).stream().map(Comment::body).toList();
                for (int i = 0; i < 50; i++) {
                    assertThat(bodies).contains("Komentar broj " + i);
                }
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void commentsArePagedByKeysetWithTheirReplies(String name, Supplier<TestDatabase> database) {
        try (TestDatabase db = database.get(); Jpa jpa = migrated(db)) {
            long author = person(jpa, "author@example.org");
            openRound(jpa, author);
            long citizen = person(jpa, "citizen@example.org");
            jpa.run(em -> {
                ConsultationRepository rounds = new ConsultationRepository(em);
                ConsultationRound round = rounds.bySlug("turizam").orElseThrow();
                Account a = em.find(Account.class, citizen);
                for (int i = 0; i < 230; i++) {
                    Comment c = round.comment(a, round.section(1 + i % 2), Stance.NEUTRAL, "K" + i, NOW.plusSeconds(60));
                    rounds.add(c);
                    if (i % 10 == 0) {
                        rounds.add(round.reply(em.find(Account.class, author), c, "Odgovor na K" + i, NOW.plusSeconds(61)));
                    }
                }
            });
            jpa.run(em -> {
                ConsultationRepository rounds = new ConsultationRepository(em);
                ConsultationRound round = rounds.bySlug("turizam").orElseThrow();
                List<Comment> seen = new ArrayList<>();
                long after = 0;
                List<Integer> sizes = new ArrayList<>();
                while (true) {
                    List<Comment> page = rounds.topLevel(round, Optional.empty(), after, 100);
                    if (page.isEmpty()) {
                        break;
                    }
                    sizes.add(page.size());
                    seen.addAll(page);
                    after = page.get(page.size() - 1).id();
                }
                assertThat(sizes).containsExactly(100, 100, 30);
                assertThat(seen).extracting(Comment::body).doesNotHaveDuplicates().hasSize(230);
                List<Comment> section2 = rounds.topLevel(round, round.section(2), 0, 500);
                assertThat(section2).hasSize(115).allMatch(c -> c.section().orElseThrow().number() == 2);
                List<Comment> replies = rounds.replies(seen.subList(0, 100).stream().map(Comment::id).toList());
                assertThat(replies).hasSize(10).allMatch(r -> r.body().startsWith("Odgovor na K"));
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void flagsAndCommentsAreCountedPerAccountAndTheQueueAndConsentsAreKept(String name, Supplier<TestDatabase> database) {
        try (TestDatabase db = database.get(); Jpa jpa = migrated(db)) {
            long author = person(jpa, "author@example.org");
            openRound(jpa, author);
            long citizen = person(jpa, "citizen@example.org");
            long first = comment(jpa, citizen, "Prvi.");
            long second = comment(jpa, citizen, "Drugi.");
            long flagger = person(jpa, "flagger@example.org");
            jpa.run(em -> {
                ConsultationRepository rounds = new ConsultationRepository(em);
                for (long id : List.of(first, second)) {
                    Comment c = em.find(Comment.class, id);
                    assertThat(rounds.flag(c, flagger, "Razlog " + id, NOW.plusSeconds(120))).isTrue();
                    c.flagged();
                }
                assertThat(rounds.flag(em.find(Comment.class, first), flagger, "Opet.", NOW.plusSeconds(121))).isFalse();
            });
            jpa.run(em -> {
                ConsultationRepository rounds = new ConsultationRepository(em);
                ConsultationRound round = rounds.bySlugLocked("turizam").orElseThrow();
                rounds.lockAccount(flagger);
                ConsultationRepository.Counted flags = rounds.flagsSince(flagger, NOW);
                assertThat(flags.count()).isEqualTo(2);
                assertThat(flags.oldest()).isEqualTo(NOW.plusSeconds(120));
                assertThat(rounds.flagsSince(flagger, NOW.plusSeconds(120)).count()).isZero();
                assertThat(rounds.flagsOnRound(flagger, round)).isEqualTo(2);
                ConsultationRepository.Counted comments = rounds.commentsSince(citizen, NOW);
                assertThat(comments.count()).isEqualTo(2);
                assertThat(comments.oldest()).isEqualTo(NOW.plusSeconds(60));
                assertThat(rounds.pendingModeration(round)).isEqualTo(2);
                assertThat(rounds.moderationQueue(0, 1)).extracting(Comment::id).containsExactly(first);
                assertThat(rounds.moderationQueue(first, 10)).extracting(Comment::id).containsExactly(second);
                assertThat(rounds.moderationQueueSize()).isEqualTo(2);
                assertThat(rounds.flagsOn(List.of(first, second))).extracting(FlagView::commentId, FlagView::accountId,
                        FlagView::flaggedBy, FlagView::reason).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(first, flagger, "Ana Ilić", "Razlog " + first),
                        org.assertj.core.groups.Tuple.tuple(second, flagger, "Ana Ilić", "Razlog " + second));
                em.find(Comment.class, first).hide("Uvreda.");
            });
            jpa.run(em -> {
                ConsultationRepository rounds = new ConsultationRepository(em);
                ConsultationRound round = rounds.bySlug("turizam").orElseThrow();
                // the hidden comment still counts: it is answered, and appears in the report
                assertThat(rounds.toAnswer(round)).isEqualTo(2);
                assertThat(rounds.unanswered(round)).isEqualTo(2);
                assertThat(rounds.pendingModeration(round)).isEqualTo(1);
            });

            // A reviewer of Zaječar names Vidin: the invitation is kept, found by Vidin's reviewers, and answered.
            long zajecarReviewer = jpa.inTransaction(em -> {
                Account a = em.find(Account.class, person(jpa, "z@example.org"));
                a.grantReviewer(new MunicipalityRepository(em).byCode("zajecar").orElseThrow());
                return a.id();
            });
            long vidinId = jpa.inTransaction(em -> new MunicipalityRepository(em).byCode("vidin").orElseThrow().id());
            jpa.run(em -> {
                MunicipalityRepository municipalities = new MunicipalityRepository(em);
                ConsultationRound round = new ConsultationRound("sajam", "Sajam", "Nacrt.", Language.SR_LATN,
                        Set.of(municipalities.byCode("zajecar").orElseThrow(), municipalities.byCode("vidin").orElseThrow()),
                        em.find(Account.class, zajecarReviewer), NOW);
                assertThat(round.namedBy(em.find(Account.class, zajecarReviewer), NOW)).extracting(m -> m.code()).containsExactly("vidin");
                new ConsultationRepository(em).add(round);
            });
            jpa.run(em -> {
                ConsultationRepository rounds = new ConsultationRepository(em);
                assertThat(rounds.openInvitations(Set.of(vidinId))).extracting(c -> c.round().slug()).containsExactly("sajam");
                ConsultationRound round = rounds.bySlug("sajam").orElseThrow();
                assertThat(round.awaitingConsent()).extracting(m -> m.code()).containsExactly("vidin");
                Account vidinReviewer = em.find(Account.class, person(jpa, "v@example.org"));
                vidinReviewer.grantReviewer(new MunicipalityRepository(em).byCode("vidin").orElseThrow());
                round.accept(new MunicipalityRepository(em).byCode("vidin").orElseThrow(), vidinReviewer, NOW);
            });
            jpa.run(em -> {
                ConsultationRepository rounds = new ConsultationRepository(em);
                assertThat(rounds.openInvitations(Set.of(vidinId))).isEmpty();
                assertThat(rounds.bySlug("sajam").orElseThrow().awaitingConsent()).isEmpty();
            });
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
