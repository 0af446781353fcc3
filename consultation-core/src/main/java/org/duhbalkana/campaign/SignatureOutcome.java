package org.duhbalkana.campaign;

/** What following a confirmation link did. */
public enum SignatureOutcome {
    /** The signature now counts (after the next counting batch, a few seconds). */
    CONFIRMED,
    /** The link was used before: the signature already counts. */
    ALREADY_CONFIRMED,
    /** The link is older than seven days. */
    EXPIRED,
    /** No such link (mistyped, or the data was let go). */
    UNKNOWN,
    /** The petition closed before the link was followed. */
    CLOSED
}
