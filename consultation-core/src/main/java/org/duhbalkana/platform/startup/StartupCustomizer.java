package org.duhbalkana.platform.startup;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Session;

/**
 * Runs the start-up checks and migrations at the one moment that comes before any use of the
 * persistence unit: when EclipseLink deploys it, before it logs in. Payara deploys the unit
 * while it prepares the application, before any start-up bean runs, and a database that cannot
 * be reached would otherwise fail there with a long stack trace and no plain reason.
 */
public class StartupCustomizer implements SessionCustomizer {

    @Override
    public void customize(Session session) throws Exception {
        ApplicationStartup.prepare(dataSource(session));
        boundReconnects(session);
    }

    /**
     * EclipseLink retries a read whose connection broke three times, five seconds apart: ten seconds
     * of a request held while the database is away. One retry, at once, is enough to step over a
     * connection that broke while the database restarted; a database that is away is then reported
     * to the client (503) within the configured wait.
     */
    static void boundReconnects(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setQueryRetryAttemptCount(1);
            login.setDelayBetweenConnectionAttempts(0);
        }
    }

    private static DataSource dataSource(Session session) throws NamingException {
        if (session.getDatasourceLogin() instanceof DatasourceLogin login
                && login.getConnector() instanceof JNDIConnector connector
                && connector.getDataSource() != null) {
            return connector.getDataSource();
        }
        return (DataSource) new InitialContext().lookup(ApplicationStartup.DATA_SOURCE);
    }
}
