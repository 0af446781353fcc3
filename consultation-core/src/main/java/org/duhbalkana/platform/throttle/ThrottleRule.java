package org.duhbalkana.platform.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How many attempts a subject gets in a window, and what happens after: either a growing delay
 * between attempts (sign-in: after 5 failures, 2, 4, 8 … seconds, at most 15 minutes) or a hard
 * cap until the window passes (sign-up: 5 an hour from one address).
 */
public record ThrottleRule(String scope, int free, Duration window, boolean growingDelay, Duration maxDelay) {

    public static final ThrottleRule SIGN_IN_ACCOUNT =
            new ThrottleRule("SIGNIN_ACCOUNT", 5, Duration.ofHours(1), true, Duration.ofMinutes(15));
    public static final ThrottleRule SIGN_IN_ADDRESS =
            new ThrottleRule("SIGNIN_ADDRESS", 20, Duration.ofHours(1), true, Duration.ofMinutes(15));
    public static final ThrottleRule SIGN_UP_ADDRESS =
            new ThrottleRule("SIGNUP_ADDRESS", 5, Duration.ofHours(1), false, Duration.ofHours(1));
    public static final ThrottleRule MAIL_LINK_ADDRESS =
            new ThrottleRule("MAILLINK_ADDRESS", 10, Duration.ofHours(1), false, Duration.ofHours(1));

    /**
     * How long the subject must still wait, given the attempts counted so far and the time of
     * the last one; empty when it may try now.
     */
    public Optional<Duration> wait(int attempts, Instant windowStart, Instant lastAttempt, Instant now) {
        if (attempts < free || windowStart.plus(window).isBefore(now)) {
            return Optional.empty();
        }
        Instant allowedAt;
        if (growingDelay) {
            int over = attempts - free;
            long seconds = over >= 20 ? maxDelay.toSeconds() : Math.min(maxDelay.toSeconds(), 1L << (over + 1));
            allowedAt = lastAttempt.plusSeconds(seconds);
        } else {
            allowedAt = windowStart.plus(window);
        }
        return allowedAt.isAfter(now) ? Optional.of(Duration.between(now, allowedAt)) : Optional.empty();
    }
}
