package org.duhbalkana.web.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.duhbalkana.web.platform.SecurityHeadersFilter;

/**
 * Jakarta Security's form sign-in on our own Faces page: a protected page sends the visitor to
 * {@code account/sign-in.xhtml?next=…} and, once signed in, back; the sign-in page hands the address
 * and password over ({@code SecurityContext.authenticate}) to be checked by
 * {@link AccountIdentityStore}; the signed-in state is kept in the session. It runs before any
 * filter, so it sets the security headers itself.
 */
@ApplicationScoped
@AutoApplySession
public class SignInMechanism implements HttpAuthenticationMechanism {

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        SecurityHeadersFilter.apply(request, response);
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            return context.notifyContainerAboutLogin(identityStores.validate(credential));
        }
        if (context.isProtected()) {
            String query = request.getQueryString();
            String next = request.getRequestURI() + (query == null ? "" : "?" + query);
            return context.redirect(request.getContextPath() + "/account/sign-in.xhtml?next="
                    + URLEncoder.encode(next, StandardCharsets.UTF_8));
        }
        return context.doNothing();
    }

    /**
     * The page to return to after signing in, if it is a path of this site (never another
     * site: {@code //evil.example} or {@code https://…} are ignored).
     */
    static java.util.Optional<String> safeNext(String next, String contextPath) {
        if (next == null || !next.startsWith(contextPath + "/") || next.startsWith("//") || next.contains("\\")
                || next.contains("\r") || next.contains("\n") || next.length() > 500) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(next);
    }
}
