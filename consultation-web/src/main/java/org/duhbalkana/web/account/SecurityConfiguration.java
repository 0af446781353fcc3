package org.duhbalkana.web.account;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import org.duhbalkana.account.Groups;

/** The security roles of the web module; the groups {@link SignInMechanism} reads from the account map onto them one to one. */
@DeclareRoles({Groups.CITIZEN, Groups.UNVERIFIED, Groups.ORGANIZER, Groups.REVIEWER, Groups.MODERATOR,
        Groups.ADMINISTRATOR})
@ApplicationScoped
public class SecurityConfiguration {
}
