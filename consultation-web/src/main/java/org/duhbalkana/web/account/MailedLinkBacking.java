package org.duhbalkana.web.account;

import jakarta.faces.view.ViewScoped;
import java.io.Serializable;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.duhbalkana.account.AccountService;
import org.duhbalkana.account.InvalidToken;
import org.duhbalkana.account.TokenPurpose;
import org.duhbalkana.web.platform.Messages;

/**
 * The pages that mailed links open: {@code account/verify.xhtml},
 * {@code account/reset.xhtml} and {@code account/confirm-email.xhtml}. Opening the link (a GET)
 * only shows a button; the change happens when it is pressed (a POST), so that a mail scanner
 * that follows links uses nothing up.
 */
@Named("mailedLink")
@ViewScoped
public class MailedLinkBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AccountService accounts;

    private String token;
    private String newPassword;
    private boolean valid;
    private boolean done;

    /** Checks the link when the page opens: says plainly when it is unknown, used or expired. */
    public void check(String purpose) {
        try {
            accounts.check(token == null ? "" : token, TokenPurpose.valueOf(purpose));
            valid = true;
        } catch (InvalidToken invalid) {
            valid = false;
            Messages.show("link", invalid);
        }
    }

    public void verifyEmail() {
        run(() -> accounts.verifyEmail(token), "account.verify.done");
    }

    public void resetPassword() {
        run(() -> accounts.resetPassword(token, newPassword), "account.reset.done");
    }

    public void confirmEmailChange() {
        run(() -> accounts.confirmEmailChange(token), "account.confirmEmail.done");
    }

    private void run(Runnable action, String doneKey) {
        try {
            action.run();
            done = true;
            valid = false;
            Messages.info(doneKey);
        } catch (RuntimeException e) {
            Messages.show("link", e);
        }
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public boolean isValid() {
        return valid;
    }

    public boolean isDone() {
        return done;
    }
}
