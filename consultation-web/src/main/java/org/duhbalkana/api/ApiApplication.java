package org.duhbalkana.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * The open-data API: JSON at stable paths under {@code /api}, no personal data beyond display names.
 * It describes itself in its documentation, not to whoever asks: Jersey's WADL is off.
 */
@ApplicationPath("api")
public class ApiApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
