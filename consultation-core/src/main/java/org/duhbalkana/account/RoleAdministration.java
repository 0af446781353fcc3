package org.duhbalkana.account;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.duhbalkana.moderation.AuditAction;
import org.duhbalkana.moderation.AuditLog;
import org.duhbalkana.platform.AccessDenied;
import org.duhbalkana.platform.InputRejected;

/** Administrators grant and revoke roles, reviewer grants per municipality; each change is audited. */
@Stateless
@RolesAllowed(Groups.ADMINISTRATOR)
public class RoleAdministration {

    public static final int PAGE_SIZE = 25;

    @Inject
    AccountRepository accounts;

    @Inject
    MunicipalityRepository municipalities;

    @Inject
    AuditLog audit;

    @Resource
    SessionContext session;

    public List<Account> find(String text, int page) {
        return accounts.search(text == null ? "" : text, Math.max(0, page) * PAGE_SIZE, PAGE_SIZE);
    }

    public void grant(long accountId, @NotNull Role role) {
        Account account = target(accountId);
        if (account.grant(role)) {
            record(AuditAction.ROLE_GRANTED, account, role.name());
        }
    }

    public void revoke(long accountId, @NotNull Role role) {
        Account account = target(accountId);
        if (role == Role.ADMINISTRATOR && Caller.accountId(session).orElse(-1L) == accountId) {
            // An administrator cannot lock the platform out of its last administration by accident.
            throw new InputRejected("role", "admin.error.selfRevoke");
        }
        if (account.revoke(role)) {
            record(AuditAction.ROLE_REVOKED, account, role.name());
        }
    }

    public void grantReviewer(long accountId, @NotNull String municipalityCode) {
        Account account = target(accountId);
        Municipality municipality = municipality(municipalityCode);
        if (account.grantReviewer(municipality)) {
            record(AuditAction.REVIEWER_GRANTED, account, municipality.code());
        }
    }

    public void revokeReviewer(long accountId, @NotNull String municipalityCode) {
        Account account = target(accountId);
        Municipality municipality = municipality(municipalityCode);
        if (account.revokeReviewer(municipality)) {
            record(AuditAction.REVIEWER_REVOKED, account, municipality.code());
        }
    }

    private Account target(long accountId) {
        return accounts.byId(accountId).filter(a -> !a.isDeleted())
                .orElseThrow(() -> new InputRejected("account", "admin.error.noAccount"));
    }

    private Municipality municipality(String code) {
        return municipalities.byCode(code).orElseThrow(() -> new InputRejected("municipality", "validation.municipality"));
    }

    private void record(AuditAction action, Account account, String what) {
        Account admin = Caller.accountId(session).flatMap(accounts::byId).orElseThrow(AccessDenied::new);
        audit.record(admin.id(), admin.displayName(), action, "account " + account.id(), what);
    }
}
