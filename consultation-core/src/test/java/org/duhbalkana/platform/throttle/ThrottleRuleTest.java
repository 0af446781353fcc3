package org.duhbalkana.platform.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ThrottleRuleTest {

    private static final Instant START = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void signInFailuresAreFreeUpToFiveThenTheWaitGrows() {
        ThrottleRule rule = ThrottleRule.SIGN_IN_ACCOUNT;
        Instant last = START.plusSeconds(30);

        assertThat(rule.wait(4, START, last, last)).isEmpty();
        assertThat(rule.wait(5, START, last, last)).contains(Duration.ofSeconds(2));
        assertThat(rule.wait(6, START, last, last)).contains(Duration.ofSeconds(4));
        assertThat(rule.wait(8, START, last, last)).contains(Duration.ofSeconds(16));
        assertThat(rule.wait(30, START, last, last)).contains(Duration.ofMinutes(15));
        assertThat(rule.wait(6, START, last, last.plusSeconds(4))).isEmpty();
    }

    @Test
    void theWindowForgetsOldFailures() {
        ThrottleRule rule = ThrottleRule.SIGN_IN_ACCOUNT;
        Instant last = START.plusSeconds(30);

        assertThat(rule.wait(10, START, last, START.plus(Duration.ofHours(1)).plusSeconds(1))).isEmpty();
    }

    @Test
    void signUpIsCappedUntilTheHourIsOver() {
        ThrottleRule rule = ThrottleRule.SIGN_UP_ADDRESS;
        Instant last = START.plusSeconds(600);

        assertThat(rule.wait(4, START, last, last)).isEmpty();
        assertThat(rule.wait(5, START, last, last)).contains(Duration.ofMinutes(50));
        assertThat(rule.wait(5, START, last, START.plus(Duration.ofHours(1)).plusSeconds(1))).isEmpty();
    }
}
