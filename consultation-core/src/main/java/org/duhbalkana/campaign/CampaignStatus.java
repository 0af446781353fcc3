package org.duhbalkana.campaign;

/** Where a campaign is in its life: written, waiting for a moderator, public, over. */
public enum CampaignStatus {
    DRAFT,
    PENDING_REVIEW,
    PUBLISHED,
    CLOSED;

    /** Whether everyone may see the campaign. */
    public boolean isPublic() {
        return this == PUBLISHED || this == CLOSED;
    }
}
