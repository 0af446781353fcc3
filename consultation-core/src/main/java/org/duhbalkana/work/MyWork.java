package org.duhbalkana.work;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.duhbalkana.account.Account;
import org.duhbalkana.account.AccountRepository;
import org.duhbalkana.account.Caller;
import org.duhbalkana.account.Groups;
import org.duhbalkana.campaign.Campaign;
import org.duhbalkana.campaign.CampaignRepository;
import org.duhbalkana.campaign.CampaignStatus;
import org.duhbalkana.consultation.Comment;
import org.duhbalkana.consultation.ConsultationRepository;
import org.duhbalkana.consultation.ConsultationRound;
import org.duhbalkana.text.Language;
import org.duhbalkana.text.Translation;

/**
 * The "my work" page's figures, for the caller only: each part is filled only for the roles the
 * caller holds (a citizen never learns the size of the moderators' queue, nor a reviewer of Vidin
 * Zaječar's drafts).
 */
@Stateless
@RolesAllowed({Groups.CITIZEN, Groups.UNVERIFIED})
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class MyWork {

    /** Comments listed as waiting for an answer, at most. */
    public static final int MAX_WAITING = 50;

    @Inject
    ConsultationRepository rounds;

    @Inject
    CampaignRepository campaigns;

    @Inject
    AccountRepository accounts;

    @Resource
    SessionContext session;

    /** A round, as the page lists it: its title (with translations), and how many comments wait for an answer. */
    public record RoundItem(String slug, String title, Language language, boolean asWritten, List<Translation> translations,
            long unanswered, long comments) {
    }

    /** One of the caller's comments waiting for an answer. */
    public record WaitingComment(long id, String roundSlug, String roundTitle, Language roundLanguage, boolean asWritten,
            List<Translation> translations, String body, boolean commentAsWritten, Instant createdAt) {
    }

    /** A campaign of the caller's. */
    public record CampaignItem(String slug, String title, Language language, boolean asWritten, List<Translation> translations,
            CampaignStatus status, int signatures) {
    }

    /**
     * Everything at once.
     *
     * @param reviewer           whether the reviewer's part applies
     * @param drafts             draft rounds the caller started or their municipalities organize
     * @param answering          rounds of their municipalities being answered, with counts
     * @param invitations        open invitations to organize a round
     * @param organizer          whether the organizer's part applies
     * @param campaigns          the caller's campaigns, newest first
     * @param moderator          whether the moderator's part applies
     * @param flaggedComments    comments waiting for a moderator
     * @param campaignsToReview  campaigns waiting for a moderator's approval
     * @param waiting            the caller's comments waiting for an answer
     */
    public record Summary(boolean reviewer, List<RoundItem> drafts, List<RoundItem> answering, int invitations,
            boolean organizer, List<CampaignItem> campaigns, boolean moderator, long flaggedComments,
            long campaignsToReview, List<WaitingComment> waiting) {
    }

    public Summary mine() {
        Account me = Caller.account(session, accounts);
        // the account's roles now, from the database, as every service checks them (not the session's groups)
        java.util.Set<String> groups = me.groups();
        boolean reviewer = groups.contains(Groups.REVIEWER);
        List<RoundItem> drafts = List.of();
        List<RoundItem> answering = List.of();
        int invitations = 0;
        if (reviewer) {
            drafts = rounds.draftsOf(me.id(), me.reviewerOf()).stream().map(r -> item(r, 0, 0)).toList();
            answering = rounds.answeringBy(me.reviewerOf()).stream()
                    .map(r -> item(r, rounds.unanswered(r), rounds.toAnswer(r))).toList();
            invitations = rounds.openInvitations(me.reviewerOf()).size();
        }
        boolean organizer = groups.contains(Groups.ORGANIZER);
        List<CampaignItem> mine = organizer ? campaigns.organizedBy(me.id()).stream().map(MyWork::item).toList() : List.of();
        boolean moderator = groups.contains(Groups.MODERATOR);
        long flagged = moderator ? rounds.moderationQueueSize() : 0;
        long toReview = moderator ? campaigns.pendingReview().size() : 0;
        List<WaitingComment> waiting = rounds.awaitingAnswer(me.id(), MAX_WAITING).stream().map(MyWork::waiting).toList();
        return new Summary(reviewer, drafts, answering, invitations, organizer, mine, moderator, flagged, toReview, waiting);
    }

    private static RoundItem item(ConsultationRound r, long unanswered, long comments) {
        return new RoundItem(r.slug(), r.title(), r.language(), r.asWritten(), List.copyOf(r.translations()), unanswered, comments);
    }

    private static CampaignItem item(Campaign c) {
        return new CampaignItem(c.slug(), c.title(), c.language(), c.asWritten(), List.copyOf(c.translations()), c.status(),
                c.signatureCount());
    }

    private static WaitingComment waiting(Comment c) {
        ConsultationRound r = c.round();
        return new WaitingComment(c.id(), r.slug(), r.title(), r.language(), r.asWritten(), List.copyOf(r.translations()),
                c.body(), c.asWritten(), c.createdAt());
    }
}
