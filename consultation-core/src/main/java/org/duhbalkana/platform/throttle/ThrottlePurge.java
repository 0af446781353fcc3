package org.duhbalkana.platform.throttle;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

/**
 * Every minute, deletes the throttle's counters whose window has ended: they hold nobody back any
 * more, and nothing about an address is kept longer than it is needed. Two instances running it
 * at once run the same {@code DELETE}; the second finds nothing left.
 */
@Singleton
public class ThrottlePurge {

    @Inject
    Throttle throttle;

    @Schedule(minute = "*", hour = "*", persistent = false)
    void purge() {
        throttle.purgeExpired();
    }
}
