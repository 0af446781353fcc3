package org.duhbalkana.notification;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;

/** Once a minute, tries again to send mail that could not be sent at once (SMTP down). */
@Singleton
public class MailRetry {

    @Inject
    MailOutbox outbox;

    @Inject
    MailDelivery delivery;

    @Inject
    Clock clock;

    @Schedule(minute = "*", hour = "*", persistent = false)
    void retry() {
        outbox.undeliveredBefore(clock.instant().minusSeconds(60)).forEach(delivery::deliver);
    }

    /** Once an hour, bodies whose links can no longer be used (8 days: links live 7) are blanked. */
    @Schedule(minute = "41", hour = "*", persistent = false)
    void blankStale() {
        outbox.blankStaleBodies(clock.instant().minus(java.time.Duration.ofDays(8)));
    }
}
