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
