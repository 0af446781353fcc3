package org.duhbalkana.platform.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.duhbalkana.platform.Secrets;
import org.duhbalkana.platform.database.SchemaMigration;
import org.duhbalkana.testing.Jpa;
import org.duhbalkana.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The throttle's counters on H2 and MariaDB: concurrent attempts on one subject are checked and
 * counted one after another (no more get through than the rule allows, also when they all race to
 * create the subject's counter), an attempt against an address and an account counts on both or
 * neither, and counters go once their window has ended.
 */
class ThrottlePersistenceTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final byte[] KEY = "a key of the test, 32 bytes long".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    static Stream<Arguments> databases() {
        return Stream.of(
                Arguments.of("H2", (Supplier<TestDatabase>) TestDatabase::h2),
                Arguments.of("MariaDB", (Supplier<TestDatabase>) TestDatabase::mariaDb));
    }

    private static ThrottleCounters.Counter counter(ThrottleRule rule, String subject) {
        return new ThrottleCounters.Counter(rule, Secrets.keyedHash(KEY, subject));
    }

    private static Optional<Duration> attempt(Jpa jpa, Instant now, ThrottleCounters.Counter... counters) {
        return ThrottleCounters.retried(() -> jpa.inTransaction(em -> new ThrottleCounters(em).attempt(List.of(counters), now)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void thirtyConcurrentGuessesOnANewCounterLetFiveThrough(String name, Supplier<TestDatabase> database) throws Exception {
        try (TestDatabase db = database.get(); Jpa jpa = migrated(db)) {
            ThrottleCounters.Counter account = counter(ThrottleRule.SIGN_IN_ACCOUNT, "milica@example.org");
            ThrottleCounters.Counter address = counter(ThrottleRule.SIGN_IN_ADDRESS, "203.0.113.7");
            int guesses = 30;
            CountDownLatch start = new CountDownLatch(1);
            Callable<Boolean> guess = () -> {
                start.await();
                return attempt(jpa, NOW, address, account).isEmpty();
            };
            ExecutorService pool = Executors.newFixedThreadPool(guesses);
            List<Future<Boolean>> results = new ArrayList<>();
            try {
                for (int i = 0; i < guesses; i++) {
                    results.add(pool.submit(guess));
                }
                start.countDown();
                int through = 0;
                for (Future<Boolean> result : results) {
                    through += result.get() ? 1 : 0;
                }
                assertThat(through).isEqualTo(ThrottleRule.SIGN_IN_ACCOUNT.free());
            } finally {
                pool.shutdownNow();
            }
            // Counted on both counters, the refused guesses on neither.
            assertThat(attempts(jpa, account)).isEqualTo(5);
            assertThat(attempts(jpa, address)).isEqualTo(5);
            assertThat(rows(jpa)).isEqualTo(2);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anAttemptRefusedByOneCounterIsCountedOnNeither(String name, Supplier<TestDatabase> database) {
        try (TestDatabase db = database.get(); Jpa jpa = migrated(db)) {
            ThrottleCounters.Counter signUp = counter(ThrottleRule.SIGN_UP_ADDRESS, "203.0.113.8");
            ThrottleCounters.Counter mail = counter(ThrottleRule.MAIL_LINK_ADDRESS, "203.0.113.8");
            for (int i = 0; i < 5; i++) {
                assertThat(attempt(jpa, NOW.plusSeconds(i), signUp)).isEmpty();
            }
            assertThat(attempt(jpa, NOW.plusSeconds(10), signUp, mail)).hasValueSatisfying(wait ->
                    assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofHours(1)));
            assertThat(attempts(jpa, signUp)).isEqualTo(5);
            assertThat(attempts(jpa, mail)).isZero();

            // A success takes its attempt back; clearing forgets the counter.
            jpa.run(em -> new ThrottleCounters(em).refund(signUp));
            assertThat(attempts(jpa, signUp)).isEqualTo(4);
            assertThat(attempt(jpa, NOW.plusSeconds(11), signUp)).isEmpty();
            jpa.run(em -> new ThrottleCounters(em).clear(signUp));
            assertThat(attempts(jpa, signUp)).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void countersGoOnceTheirWindowHasEnded(String name, Supplier<TestDatabase> database) {
        try (TestDatabase db = database.get(); Jpa jpa = migrated(db)) {
            ThrottleCounters.Counter old = counter(ThrottleRule.SIGN_IN_ACCOUNT, "old@example.org");
            ThrottleCounters.Counter recent = counter(ThrottleRule.SIGN_IN_ACCOUNT, "recent@example.org");
            attempt(jpa, NOW, old);
            attempt(jpa, NOW.plus(Duration.ofMinutes(30)), recent);
            assertThat(rows(jpa)).isEqualTo(2);

            Instant later = NOW.plus(ThrottleRule.SIGN_IN_ACCOUNT.window()).plusSeconds(1);
            // Two instances purging at once: the second finds nothing left to do.
            int first = jpa.inTransaction(em -> new ThrottleCounters(em).purge(later));
            int second = jpa.inTransaction(em -> new ThrottleCounters(em).purge(later));

            assertThat(first).isEqualTo(1);
            assertThat(second).isZero();
            assertThat(attempts(jpa, old)).isZero();
            assertThat(attempts(jpa, recent)).isEqualTo(1);
            // No counter holds the plain SHA-256 of its subject.
            long plain = jpa.inTransaction(em -> ((Number) em.createNativeQuery(
                    "SELECT COUNT(*) FROM throttle WHERE subject = ?").setParameter(1, Secrets.hash("recent@example.org"))
                    .getSingleResult()).longValue());
            assertThat(plain).isZero();
        }
    }

    private static int attempts(Jpa jpa, ThrottleCounters.Counter counter) {
        return jpa.inTransaction(em -> {
            ThrottleEntry entry = em.find(ThrottleEntry.class, new ThrottleEntry.Key(counter.rule().scope(), counter.hashedSubject()));
            return entry == null ? 0 : entry.attempts();
        });
    }

    private static long rows(Jpa jpa) {
        return jpa.inTransaction(em -> em.createQuery("SELECT COUNT(e) FROM ThrottleEntry e", Long.class).getSingleResult());
    }

    private static Jpa migrated(TestDatabase db) {
        SchemaMigration.migrate(db.dataSource());
        return new Jpa(db.dataSource());
    }
}
