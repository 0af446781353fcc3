package org.duhbalkana.api;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.duhbalkana.platform.time.AdjustableClock;

/**
 * {@code POST /api/test-failure}: a real unexpected failure (a bug on purpose), so that the tests of
 * the running site see what a client and the log get for one. Like {@link TestClockResource}, it
 * exists only when the JVM runs with {@code -Dduhbalkana.adjustableClock=true}; anywhere else it
 * answers 404.
 */
@Path("test-failure")
public class TestFailureResource {

    @POST
    public String fail() {
        if (!AdjustableClock.enabled()) {
            throw BadParameter.notFound("resource");
        }
        throw new IllegalStateException("A failure on purpose, for the tests of the running site");
    }
}
