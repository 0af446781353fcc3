package org.duhbalkana.web.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.duhbalkana.account.AccountService;
import org.duhbalkana.web.platform.LocalRedirect;
import org.duhbalkana.web.platform.SecurityHeadersFilter;

/**
 * Jakarta Security's form sign-in on our own Faces page: a protected page sends the visitor to
 * {@code account/sign-in.xhtml?next=…} and, once signed in, back; the sign-in page hands the address
 * and password over ({@code SecurityContext.authenticate}) to be checked by {@link AccountService}.
 * It runs before any filter, so it sets the security headers itself.
 *
 * <p>The session keeps only which account signed in, and under which credentials version. Every
 * request asks the database again: the caller's groups are the account's roles now, and a session
 * whose account was blocked or deleted, whose password changed or was reset, or which lost a role,
 * is ended (the person is signed out) at its next request.
 */
@ApplicationScoped
public class SignInMechanism implements HttpAuthenticationMechanism {

    /** The session attribute that keeps who signed in. */
    static final String SIGNED_IN = SignInMechanism.class.getName() + ".signedIn";

    /** Set while this session changes its own password (between the commit and {@link #continueUnder}). */
    static final String CHANGING = SignInMechanism.class.getName() + ".changing";

    /** What a signed-in session keeps: no name, no groups, only what the database is asked with. */
    record Kept(long accountId, int credentialsVersion) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    @Inject
    AccountService accounts;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        SecurityHeadersFilter.apply(request, response);
        try {
            return check(request, context);
        } catch (RuntimeException failure) {
            if (!org.duhbalkana.platform.database.DatabaseAway.isCause(failure)) {
                throw failure;
            }
            // The database is away: this runs before any filter, and left alone the container would
            // answer 500 with a stack trace in its log for every request of a signed-in session.
            try {
                org.duhbalkana.web.platform.FailurePagesFilter.answerAway(request, response, failure);
                // committed now: otherwise the container may still turn the answer's status into 500
                response.flushBuffer();
            } catch (java.io.IOException unwritable) {
                // the client went away
            }
            return AuthenticationStatus.SEND_CONTINUE;
        }
    }

    private AuthenticationStatus check(HttpServletRequest request, HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            if (credential instanceof UsernamePasswordCredential login) {
                Optional<AccountService.SignedIn> signedIn = accounts.authenticate(login.getCaller(),
                        login.getPasswordAsString());
                if (signedIn.isPresent()) {
                    keep(request, signedIn.get().accountId(), signedIn.get().credentialsVersion());
                    return notify(context, signedIn.get());
                }
            }
            // no error page: the sign-in page says it in the reader's language
            return AuthenticationStatus.SEND_FAILURE;
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SIGNED_IN) instanceof Kept kept) {
            Optional<AccountService.SignedIn> now = accounts.stillSignedIn(kept.accountId(), kept.credentialsVersion());
            if (now.isEmpty() && Boolean.TRUE.equals(session.getAttribute(CHANGING))) {
                // this very session is changing its own password: the version it is raising to is its own
                now = accounts.stillSignedIn(kept.accountId(), kept.credentialsVersion() + 1);
            }
            if (now.isPresent()) {
                return notify(context, now.get());
            }
            // Blocked, deleted, a new password, a role taken away: this session ends here.
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyEnded) {
                // ended by a request running at the same time
            }
        }
        if (context.isProtected()) {
            String query = request.getQueryString();
            String next = request.getRequestURI() + (query == null ? "" : "?" + query);
            return context.redirect(request.getContextPath() + "/account/sign-in.xhtml?next="
                    + URLEncoder.encode(next, StandardCharsets.UTF_8));
        }
        return context.doNothing();
    }

    private static AuthenticationStatus notify(HttpMessageContext context, AccountService.SignedIn signedIn) {
        return context.notifyContainerAboutLogin(new CallerPrincipal(String.valueOf(signedIn.accountId())),
                signedIn.groups());
    }

    /** Remembers in the session who signed in (the session id was changed before). */
    private static void keep(HttpServletRequest request, long accountId, int credentialsVersion) {
        request.getSession(true).setAttribute(SIGNED_IN, new Kept(accountId, credentialsVersion));
    }

    /**
     * After the person changed their own password in this session: the session goes on under the
     * new credentials version, while the account's other sessions end.
     */
    public static void continueUnder(HttpServletRequest request, int credentialsVersion) {
        HttpSession session = request.getSession(false);
        try {
            if (session != null && session.getAttribute(SIGNED_IN) instanceof Kept kept) {
                session.setAttribute(SIGNED_IN, new Kept(kept.accountId(), credentialsVersion));
            }
        } catch (IllegalStateException ended) {
            // the session ended meanwhile (signed out in another tab): the password is changed all the same
        } finally {
            endChange(session);
        }
    }

    /**
     * Before this session changes its own password: a request of the same session that arrives
     * between the change's commit and {@link #continueUnder} (another tab) is not taken for one of
     * the account's other sessions, which the change ends.
     */
    public static void beginChange(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.setAttribute(CHANGING, Boolean.TRUE);
        }
    }

    /** The change is over (done, or refused). */
    public static void endChange(HttpSession session) {
        if (session != null) {
            try {
                session.removeAttribute(CHANGING);
            } catch (IllegalStateException ended) {
                // nothing to clean in an ended session
            }
        }
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SIGNED_IN);
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }

    /**
     * The page to return to after signing in, if it is a path of this site (never another
     * site: {@code //evil.example}, {@code /\evil.example} or {@code https://…} are ignored).
     */
    static Optional<String> safeNext(String next, String contextPath) {
        if (next == null || !next.startsWith(contextPath + "/")) {
            return Optional.empty();
        }
        return LocalRedirect.path(next);
    }
}
