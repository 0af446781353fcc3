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
import org.duhbalkana.platform.InputRejected;

/**
 * Administrators grant and revoke roles, reviewer grants per municipality, block and unblock
 * accounts; each change is audited. Every method asks the database whether the caller is an
 * administrator now: one demoted or blocked a moment ago does nothing more.
 */
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
        administrator();
        return accounts.search(text == null ? "" : text, Math.max(0, page) * PAGE_SIZE, PAGE_SIZE);
    }

    public void grant(long accountId, @NotNull Role role) {
        administrator();
        Account account = target(accountId);
        if (account.grant(role)) {
            record(AuditAction.ROLE_GRANTED, account, role.name());
        }
    }

    public void revoke(long accountId, @NotNull Role role) {
        administrator();
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
        administrator();
        Account account = target(accountId);
        Municipality municipality = municipality(municipalityCode);
        if (account.grantReviewer(municipality)) {
            record(AuditAction.REVIEWER_GRANTED, account, municipality.code());
        }
    }

    public void revokeReviewer(long accountId, @NotNull String municipalityCode) {
        administrator();
        Account account = target(accountId);
        Municipality municipality = municipality(municipalityCode);
        if (account.revokeReviewer(municipality)) {
            record(AuditAction.REVIEWER_REVOKED, account, municipality.code());
        }
    }

    /** Blocks the account from signing in; its sessions end. Not the administrator's own. */
    public void block(long accountId) {
        Account admin = administrator();
        Account account = target(accountId);
        if (account.status() == AccountStatus.ACTIVE) {
            account.blockBy(admin);
            record(AuditAction.ACCOUNT_BLOCKED, account, null);
        }
    }

    /** Lets a blocked account sign in again. */
    public void unblock(long accountId) {
        administrator();
        Account account = target(accountId);
        if (account.status() == AccountStatus.BLOCKED) {
            account.unblock();
            record(AuditAction.ACCOUNT_UNBLOCKED, account, null);
        }
    }

    private Account administrator() {
        return Caller.withRole(session, accounts, Role.ADMINISTRATOR);
    }

    private Account target(long accountId) {
        return accounts.byId(accountId).filter(a -> !a.isDeleted())
                .orElseThrow(() -> new InputRejected("account", "admin.error.noAccount"));
    }

    private Municipality municipality(String code) {
        return municipalities.byCode(code).orElseThrow(() -> new InputRejected("municipality", "validation.municipality"));
    }

    private void record(AuditAction action, Account account, String what) {
        Account admin = administrator();
        audit.record(admin.id(), admin.displayName(), action, "account " + account.id(), what);
    }
}
