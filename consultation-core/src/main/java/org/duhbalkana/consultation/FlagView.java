package org.duhbalkana.consultation;

import java.io.Serializable;
import java.time.Instant;

/**
 * One flag as moderators see it: on which comment, who flagged it (account and display name, for
 * moderators only, never public), why and when.
 */
public record FlagView(long commentId, long accountId, String flaggedBy, String reason, Instant flaggedAt)
        implements Serializable {
}
