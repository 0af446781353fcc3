package org.duhbalkana.campaign;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Counts signatures every few seconds, closes and anonymizes campaigns every minute, and
 * recounts every total at night. Each job locks its own row in the database, so two instances
 * of the site can both run them.
 */
@Singleton
public class CampaignScheduler {

    private static final Logger LOG = Logger.getLogger(CampaignScheduler.class.getName());

    @Inject
    SignatureCounting counting;

    @Inject
    CampaignLifecycle lifecycle;

    @Schedule(second = "*/3", minute = "*", hour = "*", persistent = false)
    void count() {
        try {
            while (counting.countBatch() >= SignatureCounting.BATCH) {
                // a surge: keep counting until the backlog is gone
            }
        } catch (RuntimeException e) {
            if (org.duhbalkana.platform.database.DatabaseAway.isCause(e)) {
                LOG.fine("Counting signatures waits for the database");
                return;
            }
            LOG.log(Level.WARNING, "Counting signatures failed; the next run tries again", e);
        }
    }

    @Schedule(minute = "*", hour = "*", persistent = false)
    void advance() {
        lifecycle.advanceDue();
    }

    @Schedule(minute = "17", hour = "3", persistent = false)
    void recount() {
        counting.recountAll();
    }
}
