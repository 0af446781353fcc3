package org.duhbalkana.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.duhbalkana.platform.database.SchemaMigration;
import org.duhbalkana.testing.Jpa;
import org.duhbalkana.testing.TestDatabase;
import org.duhbalkana.text.Language;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Accounts in the database: one account per address even under concurrent sign-ups, tokens by hash. */
class AccountRepositoryTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    static Stream<Arguments> databases() {
        return Stream.of(
                Arguments.of("H2", (Supplier<TestDatabase>) TestDatabase::h2),
                Arguments.of("MariaDB", (Supplier<TestDatabase>) TestDatabase::mariaDb));
    }

    private static Account account(String email, Municipality home) {
        return new Account(EmailAddress.parse(email).orElseThrow(), "Milica Jovanović", "hash", Optional.of(home), null,
                Language.SR_LATN, NOW);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anAccountIsStoredWithItsRolesAndGrantsAndFoundByAddress(String name, Supplier<TestDatabase> database) {
        try (TestDatabase db = database.get(); Jpa jpa = migrated(db)) {
            long id = jpa.inTransaction(em -> {
                Municipality vidin = new MunicipalityRepository(em).byCode("vidin").orElseThrow();
                Account account = account("milica@example.org", vidin);
                account.verifyEmail(NOW);
                account.grant(Role.ORGANIZER);
                account.grantReviewer(vidin);
                new AccountRepository(em).add(account);
                return account.id();
            });

            Account found = jpa.inTransaction(em ->
                    new AccountRepository(em).byEmail(EmailAddress.parse("MILICA@example.org").orElseThrow()).orElseThrow());
            assertThat(found.id()).isEqualTo(id);
            assertThat(found.roles()).containsExactly(Role.ORGANIZER);
            assertThat(found.groups()).contains(Groups.CITIZEN, Groups.ORGANIZER, Groups.REVIEWER);
            assertThat(found.country()).isEqualTo("BG");
            assertThat(found.emailVerifiedAt()).contains(NOW);
            assertThat(found.municipality().map(Municipality::code)).contains("vidin");

            List<Account> search = jpa.inTransaction(em -> new AccountRepository(em).search("jovan", 0, 10));
            assertThat(search).extracting(Account::id).containsExactly(id);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void twoConcurrentSignUpsWithOneAddressLeaveOneAccount(String name, Supplier<TestDatabase> database) throws Exception {
        try (TestDatabase db = database.get(); Jpa jpa = migrated(db)) {
            CountDownLatch start = new CountDownLatch(1);
            Callable<Boolean> signUp = () -> {
                start.await();
                try {
                    jpa.run(em -> new AccountRepository(em).add(
                            account("same@example.org", new MunicipalityRepository(em).byCode("bor").orElseThrow())));
                    return true;
                } catch (RuntimeException duplicate) {
                    return false;
                }
            };
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<Boolean>> results = List.of(pool.submit(signUp), pool.submit(signUp), pool.submit(signUp),
                        pool.submit(signUp));
                start.countDown();
                long created = 0;
                for (Future<Boolean> result : results) {
                    created += result.get() ? 1 : 0;
                }
                assertThat(created).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
            long stored = jpa.inTransaction(em -> em.createQuery(
                    "SELECT COUNT(a) FROM Account a WHERE a.email = 'same@example.org'", Long.class).getSingleResult());
            assertThat(stored).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void tokensAreFoundByTheirSecretOnlyAndRetiredTogether(String name, Supplier<TestDatabase> database) {
        try (TestDatabase db = database.get(); Jpa jpa = migrated(db)) {
            String[] secrets = jpa.inTransaction(em -> {
                Account account = account("reset@example.org", new MunicipalityRepository(em).byCode("kula").orElseThrow());
                AccountRepository repository = new AccountRepository(em);
                repository.add(account);
                AccountToken.Issued first = AccountToken.issue(account, TokenPurpose.RESET_PASSWORD, Optional.empty(), NOW);
                AccountToken.Issued second = AccountToken.issue(account, TokenPurpose.RESET_PASSWORD, Optional.empty(), NOW);
                repository.add(first.token());
                repository.add(second.token());
                return new String[] {first.secret(), second.secret()};
            });

            Optional<AccountToken> bySecret = jpa.inTransaction(em -> new AccountRepository(em).token(secrets[0]));
            Optional<AccountToken> byHash = jpa.inTransaction(em -> new AccountRepository(em).token(AccountToken.hash(secrets[0])));
            assertThat(bySecret).isPresent();
            assertThat(byHash).isEmpty();

            jpa.run(em -> {
                AccountRepository repository = new AccountRepository(em);
                Account account = repository.byEmail(EmailAddress.parse("reset@example.org").orElseThrow()).orElseThrow();
                repository.retireTokens(account, TokenPurpose.RESET_PASSWORD, NOW.plusSeconds(5));
            });
            for (String secret : secrets) {
                AccountToken token = jpa.inTransaction(em -> new AccountRepository(em).token(secret)).orElseThrow();
                assertThat(token.problem(TokenPurpose.RESET_PASSWORD, NOW.plusSeconds(10))).contains(InvalidToken.Reason.USED);
            }
        }
    }

    private static Jpa migrated(TestDatabase db) {
        SchemaMigration.migrate(db.dataSource());
        return new Jpa(db.dataSource());
    }
}
