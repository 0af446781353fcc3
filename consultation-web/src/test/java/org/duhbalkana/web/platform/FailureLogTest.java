package org.duhbalkana.web.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLNonTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A burst of the same failure is logged once with its stack trace, then summed up in one line. */
class FailureLogTest {

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-12-02T10:00:00Z");

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

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    private final List<LogRecord> records = new ArrayList<>();
    private final Logger logger = Logger.getLogger("FailureLogTest." + System.nanoTime());
    private final MovableClock clock = new MovableClock();
    private FailureLog log;

    @BeforeEach
    void capture() {
        logger.setUseParentHandlers(false);
        logger.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        log = new FailureLog(clock, logger, Duration.ofMinutes(1));
    }

    @AfterEach
    void release() {
        for (Handler h : logger.getHandlers()) {
            logger.removeHandler(h);
        }
    }

    private static IllegalStateException bug() {
        return new IllegalStateException("the same bug"); // thrown from the same line every time
    }

    @Test
    void twelveHundredOfTheSameFailureAreOneStackTraceAndOneSummaryNamingTheFirstIncident() {
        String first = log.unexpected("API", bug());
        for (int i = 1; i < 1200; i++) {
            clock.advance(Duration.ofMillis(40));
            assertThat(log.unexpected("API", bug())).isEqualTo(first);
        }
        assertThat(records).hasSize(1);
        assertThat(records.get(0).getThrown()).isNotNull();
        assertThat(records.get(0).getMessage()).contains(first);

        clock.advance(Duration.ofSeconds(20)); // the minute is over
        log.flush();
        assertThat(records).hasSize(2);
        String summary = records.get(1).getMessage();
        assertThat(summary).contains("1,200 times in the last minute").contains("incident " + first);
        assertThat(records.get(1).getThrown()).isNull();

        // the next one opens a new window: a new incident, logged in full
        String next = log.unexpected("API", bug());
        assertThat(next).isNotEqualTo(first);
        assertThat(records).hasSize(3);
        assertThat(records.get(2).getThrown()).isNotNull();
    }

    @Test
    void differentFailuresAndChannelsAreLoggedEachInFull() {
        String a = log.unexpected("API", bug());
        String b = log.unexpected("API", new IllegalArgumentException("another"));
        String c = log.unexpected("pages", bug());
        assertThat(List.of(a, b, c)).doesNotHaveDuplicates();
        assertThat(records).hasSize(3).allSatisfy(r -> assertThat(r.getThrown()).isNotNull());
    }

    @Test
    void aSingleFailureHasNoSummary() {
        log.unexpected("API", bug());
        clock.advance(Duration.ofMinutes(5));
        log.flush();
        assertThat(records).hasSize(1);
    }

    @Test
    void theDatabaseAwayIsOneLineWithoutStackTraceThenACount() {
        SQLNonTransientConnectionException refused = new SQLNonTransientConnectionException("Connection refused", "08000");
        for (int i = 0; i < 500; i++) {
            log.databaseAway("API", new RuntimeException(refused));
            clock.advance(Duration.ofMillis(10));
        }
        assertThat(records).hasSize(1);
        assertThat(records.get(0).getLevel()).isEqualTo(Level.WARNING);
        assertThat(records.get(0).getThrown()).isNull();
        assertThat(records.get(0).getMessage()).contains("The database is away").contains("Connection refused");
        clock.advance(Duration.ofMinutes(1));
        // the summary comes with the next failure of any kind, or a flush
        log.unexpected("pages", bug());
        assertThat(records).hasSize(3);
        assertThat(records.get(1).getMessage()).contains("500 times in the last minute").contains("database is away");
    }
}
