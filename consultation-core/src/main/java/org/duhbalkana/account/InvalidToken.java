package org.duhbalkana.account;

import org.duhbalkana.platform.BusinessException;

/** A mailed link that cannot be used: unknown, used already, or expired. */
public class InvalidToken extends BusinessException {

    private static final long serialVersionUID = 1L;

    /** What is wrong with the link. */
    public enum Reason { UNKNOWN, USED, EXPIRED }

    private final Reason reason;

    public InvalidToken(Reason reason) {
        super("account.token." + reason.name().toLowerCase(java.util.Locale.ROOT));
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
