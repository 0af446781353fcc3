package org.duhbalkana.web.campaign;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;
import org.duhbalkana.campaign.Campaign;
import org.duhbalkana.campaign.CampaignReader;
import org.duhbalkana.campaign.Campaigns;
import org.duhbalkana.web.account.CurrentUserBacking;
import org.duhbalkana.web.platform.LanguageBacking;

/** {@code campaigns/index.xhtml}: the public campaigns, newest first; for organizers also their own. */
@Named("campaigns")
@RequestScoped
public class CampaignsBacking {

    private final java.util.Map<Long, org.duhbalkana.web.platform.Translated> shown = new java.util.HashMap<>();

    @Inject
    CampaignReader reader;

    @Inject
    Campaigns campaigns;

    @Inject
    CurrentUserBacking me;

    @Inject
    LanguageBacking language;

    private List<Campaign> list;
    private List<Campaign> mine;

    public List<Campaign> getList() {
        if (list == null) {
            list = reader.list(Optional.empty(), 0, 50);
        }
        return list;
    }

    public List<Campaign> getMine() {
        if (mine == null) {
            mine = me.isOrganizer() ? campaigns.mine() : List.of();
        }
        return mine;
    }

    public String title(Campaign c) {
        return shown(c).title();
    }

    public String ask(Campaign c) {
        return shown(c).summary();
    }

    /** The {@code lang} of the campaign's title and ask as shown. */
    public String lang(Campaign c) {
        return shown(c).lang();
    }

    /** What each campaign shows, worked out once per request. */
    private org.duhbalkana.web.platform.Translated shown(Campaign c) {
        return shown.computeIfAbsent(c.id(), id -> CampaignText.shown(c, language.getCurrent(), false));
    }

    public String target(Campaign c) {
        return CampaignText.target(c, language.getCurrent());
    }

    public String deadline(Campaign c) {
        return CampaignText.deadline(c, language.getCurrent());
    }

    public String number(long n) {
        return CampaignText.number(n, language.getCurrent());
    }
}
