package org.duhbalkana.web.campaign;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Collection;
import java.util.List;
import org.duhbalkana.campaign.Campaign;
import org.duhbalkana.campaign.CampaignReader;
import org.duhbalkana.campaign.Campaigns;
import org.duhbalkana.consultation.ConsultationReader;
import org.duhbalkana.platform.ListPage;
import org.duhbalkana.web.account.CurrentUserBacking;
import org.duhbalkana.web.platform.ListBacking;

/**
 * {@code campaigns/index.xhtml}: the public campaigns, newest first, a page at a time, narrowed by
 * status, target municipality, its country and the topic tags of the campaign's round (all in the
 * link); for organizers also their own.
 */
@Named("campaigns")
@RequestScoped
public class CampaignsBacking extends ListBacking<Campaign> {

    private final java.util.Map<Long, org.duhbalkana.web.platform.Translated> shown = new java.util.HashMap<>();

    @Inject
    CampaignReader reader;

    @Inject
    ConsultationReader rounds;

    @Inject
    Campaigns campaigns;

    @Inject
    CurrentUserBacking me;

    private List<Campaign> mine;
    private List<String> tags;

    @Override
    protected ListPage<Campaign> load(String status, String municipality, String country, String tag, String page) {
        return reader.page(status, municipality, country, tag, page);
    }

    @Override
    public Collection<String> getStatuses() {
        return CampaignReader.LISTED.stream().map(Enum::name).toList();
    }

    @Override
    public String getStatusPrefix() {
        return "campaign.status.";
    }

    @Override
    protected String path() {
        return "/campaigns/index.xhtml";
    }

    @Override
    public List<String> getTags() {
        if (tags == null) {
            tags = rounds.tags();
        }
        return tags;
    }

    public List<Campaign> getList() {
        return getItems();
    }

    public List<Campaign> getMine() {
        if (mine == null) {
            mine = me.isOrganizer() ? campaigns.mine() : List.of();
        }
        return mine;
    }

    /** The topic tags of the campaign's round, in alphabetical order. */
    public List<String> tags(Campaign c) {
        return c.round().map(r -> r.tags().stream().sorted().toList()).orElse(List.of());
    }

    /** The {@code lang} of the tags: the language the campaign's round was written in. */
    public String tagLang(Campaign c) {
        return c.round().map(r -> r.language().tag()).orElse(c.language().tag());
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
