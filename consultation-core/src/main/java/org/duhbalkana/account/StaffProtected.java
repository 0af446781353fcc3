package org.duhbalkana.account;

import org.duhbalkana.platform.BusinessException;

/** A moderator tried to block a moderator or an administrator, or someone their own account. */
public class StaffProtected extends BusinessException {

    private static final long serialVersionUID = 1L;

    public StaffProtected() {
        super("account.error.staffProtected");
    }
}
