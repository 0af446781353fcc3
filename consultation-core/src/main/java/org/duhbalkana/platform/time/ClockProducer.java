package org.duhbalkana.platform.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The platform's clock: UTC system time. Domain tests pass fixed instants; tests of the running
 * site may turn on {@link AdjustableClock} to move time forward.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock() {
        return AdjustableClock.enabled() ? new AdjustableClock(java.time.ZoneOffset.UTC) : Clock.systemUTC();
    }
}
