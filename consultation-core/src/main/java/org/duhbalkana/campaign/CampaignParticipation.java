package org.duhbalkana.campaign;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.duhbalkana.account.Groups;
import org.duhbalkana.consultation.Comment;
import org.duhbalkana.consultation.ConsultationRound;
import org.duhbalkana.consultation.Participation;
import org.duhbalkana.consultation.Stance;

/**
 * Supporters of a campaign comment on the consultation round it invites them to: the comment is
 * an ordinary comment, marked as written through the campaign, so that reviewers see the
 * campaign's comments as one campaign rather than as many independent voices.
 */
@Stateless
public class CampaignParticipation {

    @Inject
    Participation participation;

    @Inject
    CampaignRepository campaigns;

    /**
     * @throws CampaignRuleBroken when the campaign is not public or does not invite comments on this round
     */
    @RolesAllowed(Groups.CITIZEN)
    public Comment comment(@NotNull String campaignSlug, @NotNull String roundSlug, int sectionNumber, @NotNull Stance stance,
            @NotNull String text) {
        Campaign campaign = inviting(campaignSlug, roundSlug);
        Comment comment = participation.comment(roundSlug, sectionNumber, stance, text);
        comment.writtenThrough(campaign.id());
        return comment;
    }

    /** The campaign, if it is public and invites comments on the round. */
    @jakarta.annotation.security.PermitAll
    public Campaign inviting(@NotNull String campaignSlug, @NotNull String roundSlug) {
        return campaigns.bySlug(campaignSlug)
                .filter(c -> c.status().isPublic() && c.round().map(ConsultationRound::slug).filter(roundSlug::equals).isPresent())
                .orElseThrow(() -> new CampaignRuleBroken("campaign.error.notInviting"));
    }

    /** The public campaigns that invite comments on the round, by id: their titles label the comments written through them. */
    @jakarta.annotation.security.PermitAll
    public Map<Long, Campaign> invitingOn(@NotNull String roundSlug) {
        List<Campaign> found = campaigns.em().createQuery("SELECT c FROM Campaign c WHERE c.round.slug = :slug AND c.status IN :statuses",
                        Campaign.class)
                .setParameter("slug", roundSlug)
                .setParameter("statuses", List.of(CampaignStatus.PUBLISHED, CampaignStatus.CLOSED))
                .getResultList();
        return found.stream().collect(Collectors.toMap(Campaign::id, c -> c));
    }
}
