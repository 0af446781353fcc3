package org.duhbalkana.account;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.duhbalkana.moderation.AuditAction;
import org.duhbalkana.moderation.AuditLog;
import org.duhbalkana.platform.AccessDenied;
import org.duhbalkana.platform.InputRejected;

/**
 * A municipality's own settings, changed by its reviewers or by an administrator, and nobody
 * else: a reviewer of Zaječar cannot change Vidin's.
 */
@Stateless
@RolesAllowed({Groups.REVIEWER, Groups.ADMINISTRATOR})
public class MunicipalityAdministration {

    @Inject
    AccountRepository accounts;

    @Inject
    MunicipalityRepository municipalities;

    @Inject
    AuditLog audit;

    @Resource
    SessionContext session;

    /** The municipality, if the caller may manage it; refuses with {@link AccessDenied} otherwise. */
    public Municipality manage(@NotNull String code) {
        Municipality municipality = municipalities.byCode(code)
                .orElseThrow(() -> new InputRejected("municipality", "validation.municipality"));
        Account caller = Caller.account(session, accounts);
        if (!caller.isVerified() || (!caller.has(Role.ADMINISTRATOR) && !caller.reviews(municipality))) {
            throw new AccessDenied();
        }
        return municipality;
    }

    /**
     * Sets how many days a consultation round of this municipality stays open at least. The law's
     * floor (15 days in Serbia, 30 in Bulgaria) cannot be lowered.
     */
    public void changeMinimumConsultationDays(@NotNull String code,
            @Min(value = 14, message = "{validation.days}") @Max(value = 120, message = "{validation.days}") int days) {
        Municipality municipality = manage(code);
        int before = municipality.minConsultationDays();
        municipality.changeMinConsultationDays(days);
        Account caller = Caller.account(session, accounts);
        audit.record(caller.id(), caller.displayName(), AuditAction.MUNICIPALITY_SETTINGS_CHANGED, municipality.code(),
                "min consultation days " + before + " -> " + days);
    }
}
