package org.duhbalkana.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.duhbalkana.platform.RequestOrigin;
import org.duhbalkana.platform.TooManyAttempts;
import org.duhbalkana.platform.throttle.Throttle;
import org.duhbalkana.platform.throttle.ThrottleRule;

/**
 * Searches are the most expensive thing an anonymous client can ask for (a full-text query over
 * every round, article, campaign and comment), so each network address gets {@link #PER_ADDRESS}
 * a minute (the page and the API together); beyond that it waits until the minute is over.
 * {@code -Dduhbalkana.searchesPerAddressMinute=N} changes the limit (for load tests).
 */
@ApplicationScoped
public class SearchLimit {

    public static final ThrottleRule PER_ADDRESS = new ThrottleRule("SEARCH_ADDRESS",
            Integer.getInteger("duhbalkana.searchesPerAddressMinute", 30), Duration.ofMinutes(1), false, Duration.ofMinutes(1));

    @Inject
    Throttle throttle;

    @Inject
    RequestOrigin origin;

    /**
     * Counts one search from the current request's address.
     *
     * @throws TooManyAttempts when the address has used up its searches of this minute
     */
    public void take() {
        String subject = origin.address().orElse("unknown");
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                throttle.take(PER_ADDRESS, subject);
                return;
            } catch (jakarta.ejb.EJBException raced) {
                // two first searches of an address raced to create its counter: count again
            }
        }
        // the counter stays busy: refuse rather than let a storm of first searches through
        throw new TooManyAttempts(Duration.ofSeconds(1));
    }
}
