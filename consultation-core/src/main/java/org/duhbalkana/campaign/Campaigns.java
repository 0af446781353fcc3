package org.duhbalkana.campaign;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.duhbalkana.account.Account;
import org.duhbalkana.account.AccountRepository;
import org.duhbalkana.account.Caller;
import org.duhbalkana.account.Groups;
import org.duhbalkana.account.Municipality;
import org.duhbalkana.account.MunicipalityRepository;
import org.duhbalkana.consultation.ConsultationRepository;
import org.duhbalkana.consultation.ConsultationRound;
import org.duhbalkana.moderation.AuditAction;
import org.duhbalkana.moderation.AuditLog;
import org.duhbalkana.notification.Mail;
import org.duhbalkana.platform.AccessDenied;
import org.duhbalkana.platform.InputRejected;
import org.duhbalkana.text.Language;

/**
 * Organizers write campaigns and send them for review; moderators approve or send them back;
 * organizers post updates and close them; the target answers a petition that crossed its
 * threshold. Who may do what is checked here, whatever page or API calls.
 */
@Stateless
public class Campaigns {

    @Inject
    CampaignRepository campaigns;

    @Inject
    AccountRepository accounts;

    @Inject
    MunicipalityRepository municipalities;

    @Inject
    ConsultationRepository rounds;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Resource
    SessionContext session;

    @RolesAllowed({Groups.ORGANIZER, Groups.ADMINISTRATOR})
    public Campaign create(@NotNull String slug, @NotNull @Valid CampaignDraft draft) {
        String clean = slug.strip();
        if (campaigns.slugTaken(clean)) {
            throw new InputRejected("slug", "campaign.error.slugTaken");
        }
        Campaign campaign = new Campaign(clean, me(), Language.ofTag(draft.language()).orElse(Language.SR_LATN), clock.instant());
        apply(campaign, draft);
        campaigns.add(campaign);
        return campaign;
    }

    @RolesAllowed({Groups.ORGANIZER, Groups.ADMINISTRATOR})
    public void edit(@NotNull String slug, @NotNull @Valid CampaignDraft draft) {
        Campaign campaign = managed(slug);
        apply(campaign, draft);
    }

    /** Gives the title and the ask in another language, while a draft (moderators read it before it is public). */
    @RolesAllowed({Groups.ORGANIZER, Groups.ADMINISTRATOR})
    public void translate(@NotNull String slug, @NotNull String languageTag, @NotNull String title, @NotNull String ask) {
        managed(slug).translate(language(languageTag), title, ask);
    }

    @RolesAllowed({Groups.ORGANIZER, Groups.ADMINISTRATOR})
    public void removeTranslation(@NotNull String slug, @NotNull String languageTag) {
        managed(slug).removeTranslation(language(languageTag));
    }

    /** Whether the campaign's text is shown as written, never transliterated into the reader's script. */
    @RolesAllowed({Groups.ORGANIZER, Groups.ADMINISTRATOR})
    public void showAsWritten(@NotNull String slug, boolean asWritten) {
        managed(slug).showAsWritten(asWritten);
    }

    private static Language language(String tag) {
        return Language.ofTag(tag).orElseThrow(() -> new InputRejected("language", "validation.language"));
    }

    @RolesAllowed({Groups.ORGANIZER, Groups.ADMINISTRATOR})
    public void submit(@NotNull String slug) {
        managed(slug).submit(me(), clock.instant());
    }

    @RolesAllowed({Groups.ORGANIZER, Groups.ADMINISTRATOR})
    public void close(@NotNull String slug) {
        Campaign campaign = managed(slug);
        campaign.close(clock.instant());
        Account me = me();
        audit.record(me.id(), me.displayName(), AuditAction.CAMPAIGN_CLOSED, "campaign " + campaign.slug(), null);
    }

    @RolesAllowed({Groups.MODERATOR, Groups.ADMINISTRATOR})
    public void approve(@NotNull String slug) {
        Campaign campaign = existing(slug);
        campaign.approve(clock.instant());
        Account me = me();
        audit.record(me.id(), me.displayName(), AuditAction.CAMPAIGN_APPROVED, "campaign " + campaign.slug(), null);
    }

    @RolesAllowed({Groups.MODERATOR, Groups.ADMINISTRATOR})
    public void reject(@NotNull String slug, String reason) {
        Campaign campaign = existing(slug);
        campaign.reject(reason);
        Account me = me();
        audit.record(me.id(), me.displayName(), AuditAction.CAMPAIGN_REJECTED, "campaign " + campaign.slug(),
                campaign.reviewReason().orElse(null));
    }

    @RolesAllowed({Groups.MODERATOR, Groups.ADMINISTRATOR})
    public List<Campaign> pendingReview() {
        return campaigns.pendingReview();
    }

    /** The caller's own campaigns, newest first. */
    @RolesAllowed({Groups.ORGANIZER, Groups.ADMINISTRATOR})
    public List<Campaign> mine() {
        return campaigns.organizedBy(me().id());
    }

    /** A campaign for its organizer's editor. */
    @RolesAllowed({Groups.ORGANIZER, Groups.ADMINISTRATOR})
    public Campaign forEditing(@NotNull String slug) {
        Campaign campaign = managed(slug);
        campaign.translations().size();
        return campaign;
    }

    /** News for the page, mailed to every confirmed signer who asked for updates. */
    @RolesAllowed({Groups.ORGANIZER, Groups.ADMINISTRATOR})
    public int postUpdate(@NotNull String slug, String text) {
        Campaign campaign = managed(slug);
        CampaignUpdate update = new CampaignUpdate(campaign, me(), text, clock.instant());
        campaigns.add(update);
        return mailSigners(campaign, Mail.CAMPAIGN_UPDATE, update.body());
    }

    /** The target's official answer to a petition that crossed its response threshold. */
    @RolesAllowed({Groups.REVIEWER, Groups.ORGANIZER, Groups.ADMINISTRATOR})
    public int respond(@NotNull String slug, String text) {
        Campaign campaign = existing(slug);
        campaign.respond(me(), text, clock.instant());
        return mailSigners(campaign, Mail.CAMPAIGN_RESPONSE, campaign.responseText().orElseThrow());
    }

    /** Whether the caller may post the official response (for the page to offer the form). */
    @PermitAll
    public boolean mayRespond(@NotNull String slug) {
        Optional<Account> caller = Caller.accountId(session).flatMap(accounts::byId);
        return caller.isPresent() && campaigns.bySlug(slug).filter(c -> c.mayRespond(caller.get())).isPresent();
    }

    /** Whether the caller manages the campaign (for the page to offer its tools). */
    @PermitAll
    public boolean manages(@NotNull String slug) {
        Optional<Account> caller = Caller.accountId(session).flatMap(accounts::byId);
        return caller.isPresent() && campaigns.bySlug(slug).filter(c -> c.isManagedBy(caller.get())).isPresent();
    }

    /**
     * Queues the mail to the consenting signers; {@link CampaignMailings} writes it to the outbox in
     * batches within seconds. @return the consenting signers now
     */
    private int mailSigners(Campaign campaign, Mail kind, String text) {
        int recipients = campaigns.updateRecipientCount(campaign);
        if (recipients > 0) {
            campaigns.add(new CampaignMailing(campaign, kind, text, clock.instant()));
        }
        return recipients;
    }

    private void apply(Campaign campaign, CampaignDraft draft) {
        Optional<Municipality> target = Optional.ofNullable(draft.targetMunicipalityId())
                .map(id -> municipalities.byId(id).orElseThrow(() -> new InputRejected("target", "validation.municipality")));
        Optional<ConsultationRound> round = Optional.ofNullable(draft.roundSlug()).filter(s -> !s.isBlank())
                .map(s -> rounds.bySlug(s.strip()).filter(r -> r.status().isPublic())
                        .orElseThrow(() -> new InputRejected("round", "campaign.error.round")));
        ZoneId zone = target.map(m -> m.country().zone()).orElseGet(() -> campaign.organizer().municipality()
                .map(m -> m.country().zone()).orElse(org.duhbalkana.account.Country.RS.zone()));
        Instant deadline = draft.deadline().plusDays(1).atStartOfDay(zone).toInstant();
        campaign.describe(draft.title(), draft.ask(), draft.description(), target, draft.targetInstitution(), round,
                deadline, draft.retentionMonths(), clock.instant());
        if (draft.petition()) {
            campaign.petition(draft.signatureGoal(), draft.responseThreshold());
        } else {
            campaign.noPetition();
        }
    }

    private Campaign existing(String slug) {
        return campaigns.bySlug(slug).orElseThrow(() -> new CampaignRuleBroken("campaign.error.noCampaign"));
    }

    private Campaign managed(String slug) {
        Campaign campaign = existing(slug);
        if (!campaign.isManagedBy(me())) {
            throw new AccessDenied();
        }
        return campaign;
    }

    private Account me() {
        return Caller.account(session, accounts);
    }
}
