package org.duhbalkana.account;

import jakarta.ejb.SessionContext;
import java.security.Principal;
import java.util.Optional;

/** Who is calling a service: the signed-in account's id is the principal's name. */
public final class Caller {

    private Caller() {
    }

    public static Optional<Long> accountId(SessionContext context) {
        Principal principal = context.getCallerPrincipal();
        if (principal == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(principal.getName()));
        } catch (NumberFormatException anonymous) {
            return Optional.empty();
        }
    }

    /** The calling account, if it may act (signed in, not blocked or deleted); refused otherwise. */
    public static Account account(SessionContext context, AccountRepository accounts) {
        return accountId(context).flatMap(accounts::byId).filter(Account::canSignIn)
                .orElseThrow(org.duhbalkana.platform.AccessDenied::new);
    }

    /**
     * The calling account, if the database says now that it may act and holds the role (the
     * groups of the request may be older than a change made by an administrator a moment ago);
     * refused otherwise.
     */
    public static Account withRole(SessionContext context, AccountRepository accounts, Role role) {
        Account caller = account(context, accounts);
        if (!caller.isVerified() || !caller.has(role)) {
            throw new org.duhbalkana.platform.AccessDenied();
        }
        return caller;
    }
}
