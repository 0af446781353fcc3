package org.duhbalkana.api;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import org.duhbalkana.consultation.RoundLifecycle;
import org.duhbalkana.platform.time.AdjustableClock;
import org.duhbalkana.web.platform.Jsons;

/**
 * {@code POST /api/test-clock?hours=N}: moves the site's clock forward and lets the scheduler run
 * at once. It exists only when the JVM runs with {@code -Dduhbalkana.adjustableClock=true} (the
 * tests of the running site); anywhere else it answers 404.
 */
@Path("test-clock")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class TestClockResource {

    @Inject
    RoundLifecycle lifecycle;

    @POST
    public JsonObject advance(@QueryParam("hours") String hours) {
        if (!AdjustableClock.enabled()) {
            throw BadParameter.notFound("resource");
        }
        AdjustableClock.advance(Duration.ofHours(BadParameter.integer("hours", hours, 0, 24 * 365, 0)));
        int changed = lifecycle.advanceDue();
        return Jsons.PROVIDER.createObjectBuilder().add("offsetHours", AdjustableClock.offset().toHours())
                .add("roundsChanged", changed).build();
    }
}
