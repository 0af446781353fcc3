package org.duhbalkana.account;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Everything the platform holds about one person, for the download of their own data. */
public record PersonalData(
        long accountId,
        String name,
        String email,
        String municipality,
        String country,
        String language,
        Instant createdAt,
        Instant emailVerifiedAt,
        Set<Role> roles,
        List<String> reviewerOf,
        List<Action> privilegedActions) {

    /** An entry of the audit log made by this person. */
    public record Action(Instant at, String action, String subject, String address) {
    }
}
