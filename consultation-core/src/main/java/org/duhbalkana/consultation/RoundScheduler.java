package org.duhbalkana.consultation;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

/**
 * Every minute, moves rounds on: scheduled rounds open, open rounds close. The rounds due are
 * locked in the database, so two instances running this at once change each round once; a round
 * that should have moved while the site was down moves at the first run after it starts.
 */
@Singleton
public class RoundScheduler {

    @Inject
    RoundLifecycle lifecycle;

    @Schedule(minute = "*", hour = "*", persistent = false)
    void tick() {
        lifecycle.advanceDue();
    }
}
