package org.duhbalkana.moderation;

/** The privileged actions the audit log records. */
public enum AuditAction {
    ROLE_GRANTED,
    ROLE_REVOKED,
    REVIEWER_GRANTED,
    REVIEWER_REVOKED,
    ACCOUNT_BLOCKED,
    ACCOUNT_UNBLOCKED,
    ACCOUNT_DELETED,
    DATA_EXPORTED,
    MUNICIPALITY_SETTINGS_CHANGED,
    DISPOSITION_GIVEN,
    REPORT_PUBLISHED,
    COMMENT_HIDDEN,
    COMMENT_RESTORED
}
