package org.duhbalkana.web.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.duhbalkana.platform.config.Settings;

/** What every page may show about the site itself. */
@Named("site")
@ApplicationScoped
public class SiteBacking {

    @Inject
    Settings settings;

    /** Whether the demo content and demo accounts are on; pages then say so. */
    public boolean isDemo() {
        return settings.demo();
    }

    /** Whether mail goes to the dev outbox page (demo mode without an SMTP server). */
    public boolean isOutbox() {
        return org.duhbalkana.web.dev.OutboxBacking.available(settings);
    }
}
