package org.duhbalkana.web.account;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;
import org.duhbalkana.account.Groups;

/**
 * Jakarta Security: a form sign-in on our own Faces page ({@code account/sign-in.xhtml}) and
 * {@link AccountIdentityStore} over our own tables. Protected pages send the visitor to sign in
 * and back.
 */
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/account/sign-in.xhtml", errorPage = "", useForwardToLogin = false))
@DeclareRoles({Groups.CITIZEN, Groups.UNVERIFIED, Groups.ORGANIZER, Groups.REVIEWER, Groups.MODERATOR,
        Groups.ADMINISTRATOR})
@ApplicationScoped
public class SecurityConfiguration {
}
