package org.duhbalkana.web.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.util.logging.Logger;
import org.duhbalkana.platform.config.Settings;

/** Says in the log, once the web module is up, where to open the site. */
@ApplicationScoped
public class ReadyAnnouncer {

    private static final Logger LOG = Logger.getLogger(ReadyAnnouncer.class.getName());

    @Inject
    Settings settings;

    void announce(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
        LOG.info(() -> "Duh Balkana consultation platform is ready: open " + settings.baseUrl() + "/"
                + (settings.demo() ? " (demo content on)" : ""));
    }
}
