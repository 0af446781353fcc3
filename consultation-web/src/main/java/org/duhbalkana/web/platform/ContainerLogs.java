package org.duhbalkana.web.platform;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.List;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.duhbalkana.platform.database.DatabaseAway;

/**
 * Keeps the server's own log readable while the database is away (issue 20). Payara's connection
 * pool warns, with a stack trace, at every connection it cannot make, and the EJB container at every
 * call that failed for it: some thousand entries and 75,000 lines in a fifteen-second outage under
 * three clients. The outage is said once a minute by {@link FailureLog} and by the health check; so
 * the pool's warnings are left out (its SEVERE messages stay), and the EJB container's reports of a
 * failure whose cause is the database's absence. Every other failure is logged as before.
 */
@WebListener
public class ContainerLogs implements ServletContextListener {

    /** Payara's connector and pool loggers (the pool, the allocator, the JDBC resource adapter). */
    static final String POOL = "javax.enterprise.resource.resourceadapter";
    static final String EJB_CONTAINER = "jakarta.enterprise.ejb.container";

    /** Held, so that the levels and filters set on them are not lost with a collected logger. */
    private static final List<Logger> KEPT = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Drops a record whose exception says the database is away; passes every other. */
    static final Filter NOT_DATABASE_AWAY = record -> record.getThrown() == null || !DatabaseAway.isCause(record.getThrown());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Logger pool = Logger.getLogger(POOL);
        pool.setLevel(Level.SEVERE);
        Logger ejb = Logger.getLogger(EJB_CONTAINER);
        ejb.setFilter(NOT_DATABASE_AWAY);
        KEPT.add(pool);
        KEPT.add(ejb);
    }
}
