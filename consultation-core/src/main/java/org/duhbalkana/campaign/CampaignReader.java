package org.duhbalkana.campaign;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.duhbalkana.account.Account;
import org.duhbalkana.account.AccountRepository;
import org.duhbalkana.account.Caller;
import org.duhbalkana.account.Municipality;
import org.duhbalkana.account.MunicipalityRepository;
import org.duhbalkana.account.Role;

/**
 * What anyone may read of campaigns: the public ones, their totals per municipality and
 * country, their updates. A draft or a campaign waiting for review is seen only by its organizer,
 * moderators and administrators.
 */
@Stateless
@PermitAll
public class CampaignReader {

    @Inject
    CampaignRepository campaigns;

    @Inject
    MunicipalityRepository municipalities;

    @Inject
    AccountRepository accounts;

    @Inject
    java.time.Clock clock;

    @Resource
    SessionContext session;

    /** Whether the campaign's petition takes signatures now. */
    public boolean takesSignatures(Campaign campaign) {
        return campaign.takesSignatures(clock.instant());
    }

    /** Signatures from one place: a municipality of our list (by name), or a country. */
    public record Place(Optional<Municipality> municipality, String country, int signatures) {
    }

    public List<Campaign> list(Optional<CampaignStatus> status, int page, int size) {
        List<Campaign> found = campaigns.publicCampaigns(status, page, size);
        found.forEach(c -> c.translations().size());
        return found;
    }

    /** The statuses a public list of campaigns may be narrowed to. */
    public static final java.util.Set<CampaignStatus> LISTED = java.util.EnumSet.of(CampaignStatus.PUBLISHED,
            CampaignStatus.CLOSED);

    /**
     * A page of public campaigns, newest first, narrowed as a link asks (target municipality,
     * its country, status, a topic tag of the campaign's round): every value is checked here.
     *
     * @throws org.duhbalkana.platform.InputRejected naming the bad parameter
     */
    public org.duhbalkana.platform.ListPage<Campaign> page(String status, String municipality, String country, String tag,
            String page) {
        org.duhbalkana.platform.ListFilter<CampaignStatus> filter = org.duhbalkana.platform.ListFilter.parse(
                CampaignStatus.class, LISTED, status, municipality, country, tag, page);
        if (filter.municipality().isPresent() && municipalities.byCode(filter.municipality().get()).isEmpty()) {
            throw new org.duhbalkana.platform.InputRejected("municipality", "list.error.municipality");
        }
        List<Campaign> found = campaigns.publicCampaigns(filter);
        found.forEach(c -> {
            c.translations().size();
            c.round().ifPresent(r -> r.tags().size());
        });
        return new org.duhbalkana.platform.ListPage<>(found, campaigns.countPublicCampaigns(filter), filter.page(),
                org.duhbalkana.platform.ListFilter.PAGE_SIZE);
    }

    /** The campaign, if the caller may see it. */
    public Optional<Campaign> campaign(String slug) {
        Optional<Campaign> found = campaigns.bySlug(slug).filter(c -> c.status().isPublic() || mayPreview(c));
        found.ifPresent(c -> c.translations().size());
        return found;
    }

    /** A public campaign only: what the open-data API shows. */
    public Optional<Campaign> publicCampaign(String slug) {
        Optional<Campaign> found = campaigns.bySlug(slug).filter(c -> c.status().isPublic());
        found.ifPresent(c -> c.translations().size());
        return found;
    }

    /** Counted signatures per municipality (and "other" per country), most first. */
    public List<Place> places(Campaign campaign) {
        Map<Long, Municipality> byId = municipalities.all().stream().collect(Collectors.toMap(Municipality::id, Function.identity()));
        return campaigns.tallies(campaign).stream()
                .map(t -> new Place(Optional.ofNullable(byId.get(t.municipalityKey())), t.country(), t.signatures()))
                .toList();
    }

    /** Counted signatures per country, most first. */
    public Map<String, Integer> countries(Campaign campaign) {
        return countries(places(campaign));
    }

    /** The places' signatures summed per country, most first. */
    public static Map<String, Integer> countries(List<Place> places) {
        Map<String, Integer> totals = new LinkedHashMap<>();
        places.forEach(p -> totals.merge(p.country(), p.signatures(), Integer::sum));
        return totals.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    public List<CampaignUpdate> updates(Campaign campaign) {
        return campaigns.updates(campaign);
    }

    private boolean mayPreview(Campaign c) {
        Optional<Account> me = Caller.accountId(session).flatMap(accounts::byId);
        return me.isPresent() && (c.isManagedBy(me.get()) || me.get().has(Role.MODERATOR));
    }
}
