package org.duhbalkana.account;

/** Whether an account can be used. */
public enum AccountStatus {
    ACTIVE,
    /** Blocked by a moderator: cannot sign in. */
    BLOCKED,
    /** Deleted by its owner: personal data erased, public contributions kept as "deleted account". */
    DELETED
}
