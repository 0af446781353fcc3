package org.duhbalkana.web.campaign;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.duhbalkana.campaign.SignatureOutcome;
import org.duhbalkana.campaign.Signing;
import org.duhbalkana.web.platform.Messages;

/**
 * {@code campaigns/confirm.xhtml?token=…}, the page the confirmation mail links to. Opening it
 * only shows a button (a mail scanner that follows links confirms nothing); pressing it confirms.
 */
@Named("signatureConfirm")
@ViewScoped
public class SignatureConfirmBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Signing signing;

    private String token;
    private boolean valid;

    public void check() {
        SignatureOutcome state = signing.check(token);
        valid = state == SignatureOutcome.CONFIRMED;
        if (!valid) {
            Messages.error(null, "signature.outcome." + state.name());
        }
    }

    public void confirm() {
        SignatureOutcome outcome = signing.confirm(token);
        valid = false;
        if (outcome == SignatureOutcome.CONFIRMED) {
            Messages.info("signature.outcome.done");
        } else {
            Messages.error(null, "signature.outcome." + outcome.name());
        }
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public boolean isValid() {
        return valid;
    }
}
