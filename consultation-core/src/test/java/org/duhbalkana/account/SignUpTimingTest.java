package org.duhbalkana.account;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.duhbalkana.platform.RequestOrigin;
import org.duhbalkana.platform.database.SchemaMigration;
import org.duhbalkana.platform.throttle.Throttle;
import org.duhbalkana.platform.throttle.ThrottleRule;
import org.duhbalkana.testing.Jpa;
import org.duhbalkana.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Signing up with an address that has an account does the same expensive work as with a new one:
 * the password is hashed on both paths (the hash is nearly all of the time a sign-up takes, so a
 * known address answers no sooner). Shown by counting the hashes, not by timing, which would be
 * at the mercy of the machine's load.
 */
class SignUpTimingTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    /** Counts the passwords hashed; the hash itself is a cheap stand-in. */
    static final class CountingHash implements Pbkdf2PasswordHash {
        final AtomicInteger generated = new AtomicInteger();

        @Override
        public void initialize(Map<String, String> parameters) {
        }

        @Override
        public String generate(char[] password) {
            generated.incrementAndGet();
            return "hash:" + new String(password);
        }

        @Override
        public boolean verify(char[] password, String hashedPassword) {
            return hashedPassword.equals("hash:" + new String(password));
        }
    }

    /** Lets every sign-up through (the throttle has tests of its own). */
    static final class OpenThrottle extends Throttle {
        @Override
        public void take(ThrottleRule rule, String subject) {
        }
    }

    private static AccountService service(EntityManager em, CountingHash hash) {
        AccountService service = new AccountService();
        service.accounts = new AccountRepository(em);
        service.municipalities = new MunicipalityRepository(em);
        service.passwordHash = hash;
        service.throttle = new OpenThrottle();
        service.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        service.mail = org.duhbalkana.notification.MailOutbox.writingTo(em, service.clock);
        service.origin = new RequestOrigin();
        service.settings = org.duhbalkana.platform.config.Settings.read(new org.duhbalkana.platform.config.DefaultConfiguration(
                Map.of("BASE_URL", "https://duhbalkana.example"), new java.util.Properties()));
        return service;
    }

    private static SignUp signUp(String email) {
        return new SignUp("Marko Marković", email, "a good password 1", null, "RS", "sr-Latn", null);
    }

    @Test
    void aKnownAddressCostsTheSameHashAsANewOne() {
        try (TestDatabase db = TestDatabase.h2()) {
            SchemaMigration.migrate(db.dataSource());
            try (Jpa jpa = new Jpa(db.dataSource())) {
                CountingHash fresh = new CountingHash();
                jpa.run(em -> service(em, fresh).signUp(signUp("marko@example.org")));

                CountingHash known = new CountingHash();
                jpa.run(em -> service(em, known).signUp(signUp("MARKO@example.org")));

                assertThat(fresh.generated).hasValue(1);
                assertThat(known.generated).as("the known address's path hashes too").hasValue(1);
                long accounts = jpa.inTransaction(em -> em.createQuery(
                        "SELECT COUNT(a) FROM Account a WHERE a.email = 'marko@example.org'", Long.class).getSingleResult());
                assertThat(accounts).isEqualTo(1);
                long mails = jpa.inTransaction(em -> em.createQuery(
                        "SELECT COUNT(m) FROM MailMessage m WHERE m.recipient = 'marko@example.org'", Long.class)
                        .getSingleResult());
                assertThat(mails).as("a verification link, then a note to the owner").isEqualTo(2);
            }
        }
    }
}
