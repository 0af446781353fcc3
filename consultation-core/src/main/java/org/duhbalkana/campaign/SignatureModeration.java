package org.duhbalkana.campaign;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.Query;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.List;
import org.duhbalkana.account.Account;
import org.duhbalkana.account.AccountRepository;
import org.duhbalkana.account.Caller;
import org.duhbalkana.account.Groups;
import org.duhbalkana.moderation.AuditAction;
import org.duhbalkana.moderation.AuditLog;
import org.duhbalkana.platform.AccessDenied;

/**
 * Moderators deal with abuse of a petition: they release signatures held over a mail limit (which
 * mails their confirmation links), and invalidate signatures by a condition, after a dry run that says how many would go.
 * Invalidated signatures leave the totals at the next counting batch; the public page says how
 * many went, and why. Every action is audited.
 */
@Stateless
@RolesAllowed({Groups.MODERATOR, Groups.ADMINISTRATOR})
public class SignatureModeration {

    public static final int MAX_REASON = 300;

    @Inject
    CampaignRepository campaigns;

    @Inject
    AccountRepository accounts;

    @Inject
    org.duhbalkana.notification.MailOutbox mail;

    @Inject
    org.duhbalkana.platform.config.Settings settings;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Resource
    SessionContext session;

    public long held(@NotNull String slug) {
        return campaigns.heldCount(campaign(slug));
    }

    /**
     * Releases the held signatures: they count once confirmed, and those not confirmed get their
     * confirmation link now (nothing was mailed while they were held).
     */
    public int clearHeld(@NotNull String slug) {
        Campaign campaign = campaign(slug);
        List<Signature> held = campaigns.held(campaign);
        held.forEach(this::release);
        int cleared = held.size();
        Account me = me();
        audit.record(me.id(), me.displayName(), AuditAction.SIGNATURES_CLEARED, "campaign " + campaign.slug(), cleared + " cleared");
        return cleared;
    }

    /** One held signature released: it may count once confirmed; not confirmed yet, it gets its first link now. */
    private void release(Signature signature) {
        signature.clear();
        if (signature.isConfirmed() || signature.email().isEmpty()) {
            return;
        }
        String secret = org.duhbalkana.platform.Secrets.newSecret();
        signature.newLink(org.duhbalkana.platform.Secrets.hash(secret), clock.instant());
        Campaign campaign = signature.campaign();
        // no name in the mail: whoever typed it has not yet shown the address is theirs
        mail.sendAbout(campaign.mailTopic(), signature.email().get(), signature.language(),
                org.duhbalkana.notification.Mail.SIGNATURE_CONFIRM, "", campaign.title(),
                settings.link("/campaigns/confirm.xhtml?token=" + secret));
    }

    /** How many valid signatures the condition would invalidate; changes nothing. */
    public long dryRun(@NotNull String slug, @NotNull InvalidationCondition condition) {
        return ((Number) query("SELECT COUNT(s) FROM Signature s", campaign(slug), condition).getSingleResult()).longValue();
    }

    /** Invalidates the signatures the condition matches, with a reason the public page shows. */
    public int invalidate(@NotNull String slug, @NotNull InvalidationCondition condition, String reason) {
        Campaign campaign = campaign(slug);
        String why = Texts.required(reason, MAX_REASON, "signatures.error.reason");
        Query update = query("UPDATE Signature s SET s.invalidatedAt = :now, s.invalidReason = :why", campaign, condition)
                .setParameter("now", clock.instant())
                .setParameter("why", why);
        int invalidated = update.executeUpdate();
        campaign.counted(0, invalidated, clock.instant());
        Account me = me();
        audit.record(me.id(), me.displayName(), AuditAction.SIGNATURES_INVALIDATED, "campaign " + campaign.slug(),
                invalidated + " invalidated: " + why);
        return invalidated;
    }

    /** Why signatures were invalidated, and how many each time (public). */
    @jakarta.annotation.security.PermitAll
    public List<Object[]> reasons(@NotNull String slug) {
        return campaigns.em().createQuery("SELECT s.invalidReason, COUNT(s) FROM Signature s WHERE s.campaign.slug = :slug "
                        + "AND s.invalidatedAt IS NOT NULL GROUP BY s.invalidReason ORDER BY COUNT(s) DESC", Object[].class)
                .setParameter("slug", slug).getResultList();
    }

    private Query query(String head, Campaign campaign, InvalidationCondition c) {
        StringBuilder jpql = new StringBuilder(head).append(" WHERE s.campaign = :campaign AND s.invalidatedAt IS NULL");
        c.emailDomain().ifPresent(d -> jpql.append(" AND s.email LIKE :domain"));
        c.addressPrefix().ifPresent(p -> jpql.append(" AND s.clientAddress LIKE :prefix"));
        c.from().ifPresent(f -> jpql.append(" AND s.createdAt >= :from"));
        c.until().ifPresent(u -> jpql.append(" AND s.createdAt < :until"));
        Query query = campaigns.em().createQuery(jpql.toString()).setParameter("campaign", campaign);
        c.emailDomain().ifPresent(d -> query.setParameter("domain", "%@" + escape(d)));
        c.addressPrefix().ifPresent(p -> query.setParameter("prefix", escape(p) + "%"));
        c.from().ifPresent(f -> query.setParameter("from", f));
        c.until().ifPresent(u -> query.setParameter("until", u));
        return query;
    }

    /** The condition's characters are checked to letters, digits, dots, colons and hyphens: no LIKE wildcards get through. */
    private static String escape(String text) {
        return text.replace("%", "").replace("_", "");
    }

    private Campaign campaign(String slug) {
        return campaigns.bySlug(slug).filter(c -> c.hasPetition())
                .orElseThrow(() -> new CampaignRuleBroken("campaign.error.noPetition"));
    }

    private Account me() {
        return Caller.account(session, accounts);
    }
}
