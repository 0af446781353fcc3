package org.duhbalkana.consultation;

/** Where a consultation round is in its life; it only ever moves forward. */
public enum RoundStatus {
    /** Being written by the organizing municipality's reviewers; not public. */
    DRAFT,
    /** Checked against the jurisdiction rules and waiting for its opening time. */
    SCHEDULED,
    /** Open for comments. */
    OPEN,
    /** Closed for comments; the municipality answers them. */
    CLOSED,
    /** Every comment answered and the consultation report published. */
    REPORT_PUBLISHED;

    public boolean isPublic() {
        return this != DRAFT;
    }
}
