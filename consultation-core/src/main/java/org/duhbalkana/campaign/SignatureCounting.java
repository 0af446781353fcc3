package org.duhbalkana.campaign;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duhbalkana.account.Account;
import org.duhbalkana.account.AccountRepository;
import org.duhbalkana.notification.Mail;
import org.duhbalkana.notification.MailOutbox;
import org.duhbalkana.platform.config.Settings;

/**
 * Counts confirmed signatures into the public totals in batches, so that confirming a signature
 * writes only its own row and never waits on a shared counter. The job holds a row lock while it
 * counts, so two instances never count the same batch; each signature carries a "counted" mark,
 * so a batch is counted exactly once. A full recount rebuilds the totals from the marks.
 */
@Stateless
public class SignatureCounting {

    /** Signatures counted in one transaction. */
    static final int BATCH = 5000;

    @Inject
    CampaignRepository campaigns;

    @Inject
    AccountRepository accounts;

    @Inject
    MailOutbox mail;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    /** One batch: new confirmed signatures added, invalidated or held ones taken out. @return signatures changed */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int countBatch() {
        Instant now = clock.instant();
        campaigns.lockJob("signature-counting", now);
        Map<Long, Integer> perCampaign = new HashMap<>();
        int changed = 0;
        for (boolean removing : new boolean[] {false, true}) {
            Map<CampaignRepository.Delta, Integer> deltas = campaigns.takeBatch(removing, BATCH);
            for (Map.Entry<CampaignRepository.Delta, Integer> d : deltas.entrySet()) {
                int change = removing ? -d.getValue() : d.getValue();
                campaigns.addToTally(d.getKey().campaignId(), d.getKey().municipalityKey(), d.getKey().country(), change);
                perCampaign.merge(d.getKey().campaignId(), change, Integer::sum);
                changed += d.getValue();
            }
        }
        for (Map.Entry<Long, Integer> c : perCampaign.entrySet()) {
            Campaign campaign = campaigns.em().find(Campaign.class, c.getKey());
            boolean wasDue = campaign.responseDueAt().isPresent();
            campaign.counted(c.getValue(), 0, now);
            if (!wasDue && campaign.responseDueAt().isPresent()) {
                tellTheTarget(campaign);
            }
        }
        return changed;
    }

    /** Rebuilds every campaign's totals from the signatures marked counted (nightly). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recountAll() {
        Instant now = clock.instant();
        campaigns.lockJob("signature-counting", now);
        for (Campaign campaign : campaigns.em().createQuery("SELECT c FROM Campaign c WHERE c.petition = TRUE", Campaign.class)
                .getResultList()) {
            int total = campaigns.recount(campaign.id());
            if (total != campaign.signatureCount()) {
                campaign.recounted(total, campaign.invalidatedCount(), now);
            }
        }
    }

    private void tellTheTarget(Campaign campaign) {
        String link = settings.link("/campaigns/view.xhtml?slug=" + campaign.slug()).toString();
        List<Account> recipients = campaign.targetMunicipality()
                .map(m -> campaigns.em().createQuery("SELECT a FROM Account a WHERE :m MEMBER OF a.reviewerOf AND a.email IS NOT NULL",
                        Account.class).setParameter("m", m.id()).getResultList())
                .orElseGet(() -> List.of(campaign.organizer()));
        for (Account a : recipients) {
            a.email().ifPresent(address -> mail.send(address, a.language(), Mail.RESPONSE_DUE, a.displayName(), campaign.title(),
                    campaign.signatureCount(), link));
        }
    }
}
