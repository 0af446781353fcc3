package org.duhbalkana.web.account;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.duhbalkana.account.AccountService;
import org.duhbalkana.platform.TooManyAttempts;
import org.duhbalkana.web.platform.LanguageFilter;
import org.duhbalkana.web.platform.Messages;

/**
 * {@code account/sign-in.xhtml}. The same message for an unknown address and a wrong password;
 * after repeated failures, a wait that grows. The session id changes at sign-in.
 */
@Named("signIn")
@RequestScoped
public class SignInBacking {

    @Inject
    SecurityContext security;

    @Inject
    AccountService accounts;

    @Inject
    FacesContext faces;

    private String email;
    private String password;
    private String next;

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public void signIn() throws IOException {
        if (email == null || email.isBlank() || password == null || password.isEmpty() || email.length() > 254
                || password.length() > 1000) {
            Messages.error(null, "account.signIn.failed");
            return;
        }
        try {
            accounts.checkSignInAllowed(email);
        } catch (TooManyAttempts wait) {
            Messages.show("signIn", wait);
            return;
        }
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        // A new session id for the signed-in session: an id planted before sign-in is worthless after it.
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        AuthenticationStatus status = security.authenticate(request, response,
                withParams().credential(new UsernamePasswordCredential(email.strip(), new Password(password))));
        switch (status) {
            case SEND_CONTINUE -> faces.responseComplete();
            case SUCCESS -> {
                if (!response.isCommitted()) {
                    followProfileLanguage(request, response);
                    String context = external.getRequestContextPath();
                    external.redirect(SignInMechanism.safeNext(next, context).orElse(context + "/account/profile.xhtml"));
                }
                faces.responseComplete();
            }
            default -> Messages.error(null, "account.signIn.failed");
        }
    }

    /**
     * On a device where no language was chosen, the pages follow the language kept in the
     * account's profile from now on; a choice made on the device stays.
     */
    private void followProfileLanguage(HttpServletRequest request, HttpServletResponse response) {
        if (LanguageFilter.chosen(request)) {
            return;
        }
        try {
            response.addCookie(LanguageFilter.cookie(accounts.me().language(), request.isSecure()));
        } catch (RuntimeException noProfile) {
            // an account that cannot be read now keeps the language the browser asked for
        }
    }
}
