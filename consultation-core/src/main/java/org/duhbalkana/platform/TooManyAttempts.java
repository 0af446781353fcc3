package org.duhbalkana.platform;

import java.time.Duration;

/** Refused for now, to slow down guessing and flooding; try again after the given time. */
public class TooManyAttempts extends BusinessException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public TooManyAttempts(Duration retryAfter) {
        super("error.tooManyAttempts", Math.max(1, (retryAfter.toSeconds() + 59) / 60));
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
