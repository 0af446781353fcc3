package org.duhbalkana.web.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.util.Optional;
import org.duhbalkana.account.AccountService;
import org.duhbalkana.account.Groups;

/** The signed-in person, for the header and for what pages show or hide. */
@Named("me")
@RequestScoped
public class CurrentUserBacking {

    @Inject
    SecurityContext security;

    @Inject
    AccountService accounts;

    private Optional<AccountService.SignedIn> current;

    private Optional<AccountService.SignedIn> current() {
        if (current == null) {
            current = security.getCallerPrincipal() == null ? Optional.empty() : accounts.current();
        }
        return current;
    }

    public boolean isSignedIn() {
        return current().isPresent();
    }

    public String getDisplayName() {
        return current().map(AccountService.SignedIn::displayName).orElse("");
    }

    public boolean isVerified() {
        return current().map(s -> s.groups().contains(Groups.CITIZEN)).orElse(false);
    }

    /** A reviewer of some municipality, or an administrator: may write consultation rounds. */
    public boolean isReviewer() {
        return current().map(s -> s.groups().contains(Groups.REVIEWER) || s.groups().contains(Groups.ADMINISTRATOR)).orElse(false);
    }

    /** An organizer of campaigns, or an administrator: may launch campaigns. */
    public boolean isOrganizer() {
        return current().map(s -> s.groups().contains(Groups.ORGANIZER) || s.groups().contains(Groups.ADMINISTRATOR)).orElse(false);
    }

    public boolean isModerator() {
        return current().map(s -> s.groups().contains(Groups.MODERATOR)).orElse(false);
    }

    public boolean isAdministrator() {
        return current().map(s -> s.groups().contains(Groups.ADMINISTRATOR)).orElse(false);
    }
}
