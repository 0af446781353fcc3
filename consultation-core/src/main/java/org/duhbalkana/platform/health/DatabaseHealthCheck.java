package org.duhbalkana.platform.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;
import org.duhbalkana.platform.database.DatabaseCheck;
import org.duhbalkana.platform.startup.ApplicationStartup;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reported at {@code /health} and {@code /health/ready}: UP while the database answers a query,
 * so that a load balancer stops sending requests to an instance that has lost its database.
 */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

    @Resource(lookup = ApplicationStartup.DATA_SOURCE)
    private DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("database")
                .status(DatabaseCheck.answers(dataSource))
                .build();
    }
}
