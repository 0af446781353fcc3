package org.duhbalkana.consultation;

import java.util.Collection;
import org.duhbalkana.account.Country;
import org.duhbalkana.account.Municipality;

/**
 * How long a round must stay open. A Serbian round at least 15 days, or more where the
 * municipality has set more; a Bulgarian round at least 30 days, or 14 with a written reason that
 * is shown publicly. A round organized by both countries follows the stricter rule of each.
 */
public final class JurisdictionRules {

    /** The shortest a Bulgarian round may be, and only with a written reason. */
    public static final int BULGARIAN_SHORT_DAYS = 14;

    private JurisdictionRules() {
    }

    /**
     * The fewest days the round must stay open.
     *
     * @param withReason whether the organizers gave a written reason for a short period
     */
    public static int minimumDays(Collection<Municipality> organizers, boolean withReason) {
        int days = 0;
        for (Municipality organizer : organizers) {
            int own = organizer.country() == Country.BG && withReason
                    ? BULGARIAN_SHORT_DAYS
                    : Math.max(organizer.minConsultationDays(), organizer.legalMinimumDays());
            days = Math.max(days, own);
        }
        return days;
    }

    /** Whether a written reason could shorten this round (only Bulgarian organizers allow it). */
    public static boolean reasonCanShorten(Collection<Municipality> organizers) {
        return organizers.stream().anyMatch(m -> m.country() == Country.BG);
    }
}
