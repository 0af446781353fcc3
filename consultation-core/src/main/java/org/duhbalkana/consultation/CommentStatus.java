package org.duhbalkana.consultation;

/** Whether a comment is shown. */
public enum CommentStatus {
    VISIBLE,
    /** Hidden automatically after three flags, until a moderator decides. */
    PENDING,
    /** Hidden by a moderator, with a public reason. */
    HIDDEN
}
