package org.duhbalkana.campaign;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes queued mail to signers ({@link CampaignMailings}) every two seconds. A singleton of its
 * own, so that a long mailing never holds up the counting and closing jobs of {@link
 * CampaignScheduler}; one run works for at most half a minute and the next takes up where it
 * stopped.
 */
@Singleton
@jakarta.ejb.ConcurrencyManagement(jakarta.ejb.ConcurrencyManagementType.BEAN)
public class CampaignMailScheduler {

    private static final Logger LOG = Logger.getLogger(CampaignMailScheduler.class.getName());
    private static final long RUN_NANOS = TimeUnit.SECONDS.toNanos(30);

    @Inject
    CampaignMailings mailings;

    /** A run still at work when the next one is due: the next one returns at once. */
    private final java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean();

    @Schedule(second = "*/2", minute = "*", hour = "*", persistent = false)
    void mail() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        long until = System.nanoTime() + RUN_NANOS;
        try {
            while (mailings.mailBatch() > 0 && System.nanoTime() < until) {
                // every batch waiting, each in its own transaction
            }
        } catch (RuntimeException e) {
            if (org.duhbalkana.platform.database.DatabaseAway.isCause(e)) {
                // not the mailing's fault: it must not be set aside for an outage (the health check says DOWN)
                LOG.fine("Mailing signers waits for the database");
                return;
            }
            LOG.log(Level.WARNING, "Mailing signers failed; the next run takes up where it stopped", e);
            try {
                mailings.batchFailed();
            } catch (RuntimeException again) {
                LOG.log(Level.WARNING, "Could not count the failed mailing batch", again);
            }
        } finally {
            running.set(false);
        }
    }
}
