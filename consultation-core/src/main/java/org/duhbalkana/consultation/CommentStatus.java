package org.duhbalkana.consultation;

/** Whether a comment is shown. */
public enum CommentStatus {
    VISIBLE,
    /**
     * Flagged: still shown, marked as under review, until a moderator hides or restores it. A
     * round's report waits until no comment is pending.
     */
    PENDING,
    /** Hidden by a moderator, with a public reason (shown in its place and in the report). */
    HIDDEN
}
