package org.duhbalkana.campaign;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/**
 * Closes campaigns at their deadline and lets go of their signers' personal data when the stated
 * time after closing has passed; idempotent, and safe with two instances (a row lock).
 */
@Stateless
public class CampaignLifecycle {

    @Inject
    CampaignRepository campaigns;

    @Inject
    Clock clock;

    /** @return campaigns closed and campaigns anonymized in this run */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int[] advanceDue() {
        Instant now = clock.instant();
        campaigns.lockJob("campaign-lifecycle", now);
        int closed = 0;
        for (Campaign c : campaigns.pastDeadline(now)) {
            c.close(c.deadline());
            closed++;
        }
        int anonymized = 0;
        for (Campaign c : campaigns.closedNotAnonymized()) {
            if (c.isDueForAnonymizing(now)) {
                campaigns.anonymize(c);
                c.anonymized(now);
                anonymized++;
            }
        }
        return new int[] {closed, anonymized};
    }
}
