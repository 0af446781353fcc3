package org.duhbalkana.campaign;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.duhbalkana.account.Account;
import org.duhbalkana.account.AccountRepository;
import org.duhbalkana.account.Caller;
import org.duhbalkana.account.Groups;
import org.duhbalkana.platform.AccessDenied;

/**
 * The organizer's view of a petition: signatures over time, and the supporters who agreed to be
 * known. Only the campaign's organizer and administrators see it.
 */
@Stateless
@RolesAllowed({Groups.ORGANIZER, Groups.ADMINISTRATOR})
public class CampaignInsights {

    @Inject
    CampaignRepository campaigns;

    @Inject
    AccountRepository accounts;

    @Resource
    SessionContext session;

    /**
     * A supporter in the export: only those who agreed to share their name. Never an e-mail address:
     * the form promises that the address is never shown (updates reach signers through the site's mail).
     */
    public record Supporter(String name, Optional<Long> municipalityId, String country, Instant confirmedAt) {
    }

    /** Confirmed, valid signatures per day (in the campaign's zone), oldest first. */
    public Map<LocalDate, Long> perDay(@NotNull String slug) {
        Campaign campaign = managed(slug);
        ZoneId zone = campaign.zone();
        Map<LocalDate, Long> days = new TreeMap<>();
        List<Instant> times = campaigns.em().createQuery("SELECT s.confirmedAt FROM Signature s WHERE s.campaign = :c "
                        + "AND s.confirmedAt IS NOT NULL AND s.invalidatedAt IS NULL AND s.held = FALSE", Instant.class)
                .setParameter("c", campaign).getResultList();
        times.forEach(t -> days.merge(t.atZone(zone).toLocalDate(), 1L, Long::sum));
        return days;
    }

    /** The supporters who agreed to share their name, confirmed and valid, in the order they signed. */
    public List<Supporter> supporters(@NotNull String slug) {
        Campaign campaign = managed(slug);
        return campaigns.em().createQuery("SELECT s FROM Signature s WHERE s.campaign = :c AND s.shareName = TRUE "
                        + "AND s.confirmedAt IS NOT NULL AND s.invalidatedAt IS NULL AND s.name IS NOT NULL ORDER BY s.id", Signature.class)
                .setParameter("c", campaign).getResultList().stream()
                .map(s -> new Supporter(s.name().orElse(""), s.municipality().map(m -> m.id()), s.country(),
                        s.confirmedAt().orElseThrow()))
                .toList();
    }

    private Campaign managed(String slug) {
        Campaign campaign = campaigns.bySlug(slug).orElseThrow(() -> new CampaignRuleBroken("campaign.error.noCampaign"));
        Account me = Caller.account(session, accounts);
        if (!campaign.isManagedBy(me)) {
            throw new AccessDenied();
        }
        return campaign;
    }
}
