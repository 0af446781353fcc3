package org.duhbalkana.web.moderation;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duhbalkana.campaign.Campaign;
import org.duhbalkana.campaign.Campaigns;
import org.duhbalkana.web.platform.Messages;

/** {@code moderation/campaigns.xhtml}: moderators approve campaigns waiting for review, or send them back with a public reason. */
@Named("campaignReview")
@ViewScoped
public class CampaignReviewBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Campaigns campaigns;

    private transient List<Campaign> pending;
    private final Map<String, String> reasons = new HashMap<>();

    public void load() {
        pending = campaigns.pendingReview();
    }

    public List<Campaign> getPending() {
        if (pending == null) {
            load();
        }
        return pending;
    }

    public Map<String, String> getReasons() {
        return reasons;
    }

    public void approve(String slug) {
        act(() -> campaigns.approve(slug), "campaignReview.approved");
    }

    public void reject(String slug) {
        act(() -> campaigns.reject(slug, reasons.getOrDefault(slug, "")), "campaignReview.rejected");
    }

    private void act(Runnable action, String doneKey) {
        try {
            action.run();
            Messages.info(doneKey);
            pending = null;
        } catch (RuntimeException e) {
            Messages.show("review", e);
        }
    }
}
