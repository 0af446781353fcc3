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
}
