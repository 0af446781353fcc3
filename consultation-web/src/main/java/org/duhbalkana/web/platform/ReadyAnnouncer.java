package org.duhbalkana.web.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.time.Duration;
import java.util.logging.Logger;
import org.duhbalkana.platform.launch.PortHandover;
import org.duhbalkana.platform.config.Settings;

/**
 * Says in the log, once the web module is up, where to open the site; and, when the launcher
 * holds the port while the site starts, asks it for the port ({@link PortHandover}): Payara Micro
 * opens its listener right after the deployment ends.
 */
@ApplicationScoped
public class ReadyAnnouncer {

    private static final Logger LOG = Logger.getLogger(ReadyAnnouncer.class.getName());

    @Inject
    Settings settings;

    void announce(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
        if (!PortHandover.requestPort(Duration.ofSeconds(30))) {
            LOG.warning("The launcher did not release the port within 30 s; the site may not open it");
        }
        LOG.info(() -> "Duh Balkana consultation platform is ready: open " + settings.baseUrl() + "/"
                + (settings.demo() ? " (demo content on)" : ""));
    }
}
