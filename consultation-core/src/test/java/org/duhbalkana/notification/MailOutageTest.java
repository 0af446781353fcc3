package org.duhbalkana.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.stream.Stream;
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
 * The SMTP server away for ten minutes, on H2 and MariaDB, with a real SMTP server (GreenMail)
 * that is simply not there until it is started: the outbox, the delivery and the retry job are
 * the application's own, each outbox call in a transaction of its own as in the server. No mail is
 * given up during the outage, every one goes out once the server is back, and none twice.
 */
class MailOutageTest {

    private static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");
    private static final int MAILS = 40;

    static Stream<Arguments> databases() {
        return Stream.of(
                Arguments.of("H2", (Supplier<TestDatabase>) TestDatabase::h2),
                Arguments.of("MariaDB", (Supplier<TestDatabase>) TestDatabase::mariaDb));
    }

    /** A clock the test moves, as the scheduler's minutes pass. */
    static final class MovingClock extends Clock {
        private volatile Instant now = T0;

        void at(Duration sinceStart) {
            now = T0.plus(sinceStart);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** The outbox as the container runs it: each call in a transaction of its own. */
    private static MailOutbox transactional(Jpa jpa, Clock time) {
        // (the parameter is not called clock: inside the subclass that name is MailOutbox's own field)
        return new MailOutbox() {
            @Override
            public Optional<MailMessage> claim(long id) {
                return jpa.inTransaction(em -> MailOutbox.writingTo(em, time).claim(id));
            }

            @Override
            public void delivered(long id) {
                jpa.run(em -> MailOutbox.writingTo(em, time).delivered(id));
            }

            @Override
            public List<Long> due(Instant now, int max) {
                return jpa.inTransaction(em -> MailOutbox.writingTo(em, time).due(now, max));
            }
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void tenMinutesWithoutTheSmtpServerThenEveryMailGoesOutExactlyOnce(String name, Supplier<TestDatabase> database) throws Exception {
        int smtpPort = freePort();
        MovingClock clock = new MovingClock();
        try (TestDatabase db = database.get()) {
            SchemaMigration.migrate(db.dataSource());
            try (Jpa jpa = new Jpa(db.dataSource())) {
                Settings settings = Settings.read(new DefaultConfiguration(Map.of(
                        "BASE_URL", "https://duhbalkana.example", "MAIL_HOST", "127.0.0.1",
                        "MAIL_PORT", Integer.toString(smtpPort)), new Properties()));
                MailOutbox outbox = transactional(jpa, clock);
                MailDelivery delivery = new MailDelivery();
                delivery.settings = settings;
                delivery.outbox = outbox;
                MailRetry retry = new MailRetry();
                retry.outbox = outbox;
                retry.delivery = delivery;
                retry.clock = clock;

                List<Long> ids = jpa.inTransaction(em -> {
                    MailOutbox writer = MailOutbox.writingTo(em, clock);
                    for (int i = 0; i < MAILS; i++) {
                        writer.send("person" + i + "@example.org", Language.SR_LATN, Mail.VERIFY_EMAIL, "Osoba " + i, "https://duhbalkana.example/account/verify.xhtml?token=t" + i);
                    }
                    return em.createQuery("SELECT m.id FROM MailMessage m ORDER BY m.id", Long.class).getResultList();
                });
                // the first attempt of each, right after its commit: the server is away
                for (long id : ids) {
                    assertThat(delivery.deliver(id)).isEqualTo(MailDelivery.Attempt.SERVER_AWAY);
                }
                // ten minutes of outage, the retry job running every minute
                for (int minute = 1; minute <= 10; minute++) {
                    clock.at(Duration.ofMinutes(minute));
                    retry.retry();
                }
                assertThat(count(jpa, "SELECT COUNT(m) FROM MailMessage m WHERE m.sentAt IS NULL AND m.body IS NOT NULL"))
                        .as("nothing given up or lost during the outage").isEqualTo(MAILS);
                Integer most = jpa.inTransaction(em -> em.createQuery("SELECT MAX(m.attempts) FROM MailMessage m", Integer.class)
                        .getSingleResult());
                assertThat(most).as("while the server is away a run tries one mail, not all").isLessThanOrEqualTo(4);

                GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
                smtp.start();
                try {
                    for (int minute = 11; minute <= 20; minute++) {
                        clock.at(Duration.ofMinutes(minute));
                        retry.retry();
                    }
                    MimeMessage[] received = smtp.getReceivedMessages();
                    List<String> recipients = new ArrayList<>();
                    for (MimeMessage message : received) {
                        recipients.add(Arrays.stream(message.getRecipients(Message.RecipientType.TO)).findFirst().orElseThrow().toString());
                    }
                    assertThat(recipients).as("every mail once, none twice").hasSize(MAILS).doesNotHaveDuplicates();
                    assertThat(count(jpa, "SELECT COUNT(m) FROM MailMessage m WHERE m.sentAt IS NOT NULL AND m.body IS NULL"))
                            .as("delivered, and the link no longer kept").isEqualTo(MAILS);

                    // later runs send nothing again
                    clock.at(Duration.ofHours(3));
                    retry.retry();
                    assertThat(smtp.getReceivedMessages()).hasSize(MAILS);
                } finally {
                    smtp.stop();
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aMailIsGivenUpAfterTwoDaysAndItsLinkBlanked(String name, Supplier<TestDatabase> database) {
        MovingClock clock = new MovingClock();
        try (TestDatabase db = database.get()) {
            SchemaMigration.migrate(db.dataSource());
            try (Jpa jpa = new Jpa(db.dataSource())) {
                jpa.run(em -> MailOutbox.writingTo(em, clock).send("late@example.org", Language.EN, Mail.VERIFY_EMAIL, "Late", "https://x.example/t"));
                clock.at(Duration.ofDays(2).minusMinutes(1));
                List<Long> dueBefore = jpa.inTransaction(em -> MailOutbox.writingTo(em, clock).due(clock.instant(), 10));
                assertThat(dueBefore).hasSize(1);
                clock.at(Duration.ofDays(2).plusMinutes(1));
                List<Long> dueAfter = jpa.inTransaction(em -> MailOutbox.writingTo(em, clock).due(clock.instant(), 10));
                assertThat(dueAfter).isEmpty();
                Optional<MailMessage> claimed = jpa.inTransaction(em -> MailOutbox.writingTo(em, clock).claim(dueBefore.get(0)));
                assertThat(claimed).isEmpty();
                Integer blanked = jpa.inTransaction(em -> MailOutbox.writingTo(em, clock).blankStaleBodies(clock.instant().minus(Duration.ofDays(8))));
                assertThat(blanked).isEqualTo(1);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void theWaitGrowsToFiveMinutes() {
        assertThat(List.of(1, 2, 3, 4, 5, 50).stream().map(MailOutbox::waitAfter).map(Duration::toMinutes).toList())
                .containsExactly(1L, 2L, 4L, 5L, 5L, 5L);
    }

    private static long count(Jpa jpa, String jpql) {
        Long count = jpa.inTransaction(em -> em.createQuery(jpql, Long.class).getSingleResult());
        return count;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
