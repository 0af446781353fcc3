package org.duhbalkana.account;

import org.duhbalkana.platform.BusinessException;

/** The current password given to confirm a change is not the account's. */
public class WrongPassword extends BusinessException {

    private static final long serialVersionUID = 1L;

    public WrongPassword() {
        super("account.error.wrongPassword");
    }
}
