package org.duhbalkana.web.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.duhbalkana.account.AccountService;
import org.duhbalkana.web.platform.Messages;

/** {@code account/forgot.xhtml}: the same answer whether or not the address has an account. */
@Named("forgot")
@RequestScoped
public class ForgotBacking {

    @Inject
    AccountService accounts;

    private String email;
    private boolean sent;

    public void send() {
        try {
            accounts.requestPasswordReset(email);
            sent = true;
        } catch (RuntimeException e) {
            Messages.show("forgot", e);
        }
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public boolean isSent() {
        return sent;
    }
}
