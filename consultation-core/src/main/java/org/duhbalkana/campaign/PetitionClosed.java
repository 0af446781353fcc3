package org.duhbalkana.campaign;

/** The petition takes no more signatures: its campaign closed, or its deadline passed. */
public class PetitionClosed extends CampaignRuleBroken {

    private static final long serialVersionUID = 1L;

    public PetitionClosed() {
        super("campaign.error.closed");
    }
}
