package org.duhbalkana.campaign;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.duhbalkana.notification.MailOutbox;
import org.duhbalkana.platform.config.Settings;

/**
 * Writes queued mailings to signers ({@link CampaignMailing}) into the mail outbox, one batch per
 * transaction, so that an update to tens of thousands of signers is never one long transaction
 * and the organizer's page answers at once. The job's row lock keeps two instances from writing
 * the same batch; the mailing's cursor, moved in the batch's own transaction, keeps a restart from
 * losing or repeating a mail.
 */
@Stateless
public class CampaignMailings {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(CampaignMailings.class.getName());

    /** Mails written in one transaction. */
    static final int BATCH = 500;

    @Inject
    CampaignRepository campaigns;

    @Inject
    MailOutbox mail;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    /**
     * Counts a failed batch against the mailing it was for (the oldest waiting: the failed batch
     * wrote nothing). At the fifth failure the mailing is set aside and the next one goes ahead.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void batchFailed() {
        campaigns.lockJob("campaign-mailing", clock.instant());
        campaigns.nextMailing().ifPresent(mailing -> {
            mailing.batchFailed();
            if (mailing.failures() >= CampaignMailing.MAX_FAILURES) {
                LOG.severe(() -> "Mailing " + mailing.id() + " failed " + mailing.failures() + " times and is set aside");
            }
        });
    }

    /** One batch of the oldest unfinished mailing. @return mails written (0 when nothing is waiting) */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int mailBatch() {
        Instant now = clock.instant();
        campaigns.lockJob("campaign-mailing", now);
        return campaigns.nextMailing().map(mailing -> {
            Campaign campaign = mailing.campaign();
            List<Signature> batch = campaigns.updateRecipients(campaign, mailing.lastSignature(), BATCH);
            String link = settings.link("/campaigns/view.xhtml?slug=" + campaign.slug()).toString();
            for (Signature s : batch) {
                mail.sendAbout(campaign.mailTopic(), s.email().orElseThrow(), s.language(), mailing.kind(),
                        SignerName.forMail(s.name().orElse("")), campaign.title(),
                        mailing.body(), link);
            }
            long last = batch.isEmpty() ? mailing.lastSignature() : batch.get(batch.size() - 1).id();
            mailing.batchWritten(last, batch.size(), batch.size() < BATCH, now);
            // A full batch that happened to be the last one leaves an empty batch for a later run, which finishes it.
            return batch.size();
        }).orElse(0);
    }
}
