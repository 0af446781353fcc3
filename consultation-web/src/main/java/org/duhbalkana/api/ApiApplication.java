package org.duhbalkana.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The open-data API: JSON at stable paths under {@code /api}, no personal data beyond display names. */
@ApplicationPath("api")
public class ApiApplication extends Application {
}
