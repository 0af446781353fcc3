package org.duhbalkana.notification;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Once a minute, sends the mail whose turn has come again after a failed attempt (the SMTP server
 * away or refusing): each mail waits 1, 2, 4, then 5 minutes between attempts and is given up
 * after two days ({@link MailOutbox#GIVE_UP_AFTER}). While the server cannot be reached, one mail a
 * run is tried; once it answers, the run sends everything due, in batches, for up to 40 seconds.
 */
@Singleton
public class MailRetry {

    private static final int BATCH = 200;
    private static final long RUN_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(40);

    @Inject
    MailOutbox outbox;

    @Inject
    MailDelivery delivery;

    @Inject
    Clock clock;

    @Schedule(minute = "*", hour = "*", persistent = false)
    void retry() {
        long started = System.nanoTime();
        while (System.nanoTime() - started < RUN_NANOS) {
            java.util.List<Long> due = outbox.due(clock.instant(), BATCH);
            int sent = 0;
            for (long id : due) {
                MailDelivery.Attempt attempt = delivery.deliver(id);
                if (attempt == MailDelivery.Attempt.SERVER_AWAY) {
                    return; // the rest keep their turn for the next run
                }
                sent += attempt == MailDelivery.Attempt.SENT ? 1 : 0;
            }
            if (due.size() < BATCH || sent == 0) {
                return;
            }
        }
    }

    /** Once an hour, bodies whose links can no longer be used (8 days: links live 7) are blanked. */
    @Schedule(minute = "41", hour = "*", persistent = false)
    void blankStale() {
        outbox.blankStaleBodies(clock.instant().minus(java.time.Duration.ofDays(8)));
    }
}
