package org.duhbalkana.platform.startup;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.duhbalkana.platform.config.ConfigurationException;
import org.duhbalkana.platform.config.Settings;
import org.duhbalkana.platform.config.SettingsProducer;
import org.duhbalkana.platform.database.DatabaseCheck;
import org.duhbalkana.platform.database.DatabaseUnavailableException;
import org.duhbalkana.platform.database.SchemaMigration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Start-up: the configuration checked, the database reached, the schema migrated, and, with
 * {@code DEMO} off, no demo content in it ({@link DemoContent}), before anything uses the
 * persistence unit; or one SEVERE line that says which key or which database is at fault.
 *
 * <p>{@link #prepare(DataSource)} does the work; {@link StartupCustomizer} calls it when
 * EclipseLink deploys the persistence unit, which Payara does while it prepares the application.
 * This singleton makes sure that happens at start-up even where the server would deploy the
 * unit lazily (Payara Server restarting with the application already deployed), and declares
 * the data source.
 *
 * <p>Payara Micro would otherwise go on running with nothing deployed and answer 404
 * everywhere, so when the system property {@value #EXIT_ON_FAILURE} is true (the launcher and
 * the Payara Micro image set it) a failed start-up exits the process with status 3. On Payara
 * Server the deployment fails and the server stays up.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
@DataSourceDefinition(
        name = ApplicationStartup.DATA_SOURCE,
        className = "org.duhbalkana.platform.database.UrlDataSource",
        url = "${MPCONFIG=DB_URL}",
        user = "${MPCONFIG=DB_USER}",
        password = "${MPCONFIG=DB_PASSWORD}",
        initialPoolSize = 2,
        minPoolSize = 2,
        maxPoolSize = 32,
        maxIdleTime = 300,
        // Issue 20: a connection is checked before it is handed out (at most once in two seconds), and
        // when one is found broken all are dropped, so that the site serves again as soon as the
        // database is back; a request waits for a connection at most DB_WAIT_SECONDS (then: 503).
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=custom-validation",
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
            "fish.payara.validate-atmost-once-period-in-seconds=2",
            "fish.payara.fail-all-connections=true",
            "fish.payara.connection-creation-retry-attempts=0",
            "fish.payara.max-wait-time-in-millis=${MPCONFIG=DB_WAIT_MILLIS}"
        })
public class ApplicationStartup {

    /** The JNDI name of the one data source; the persistence unit names it too. */
    public static final String DATA_SOURCE = "java:app/jdbc/consultation";

    /** System property: exit the JVM when start-up fails (Payara Micro). */
    public static final String EXIT_ON_FAILURE = "duhbalkana.exitOnStartupFailure";

    /** Exit status of a failed start-up. */
    public static final int EXIT_STATUS = 3;

    private static final Logger LOG = Logger.getLogger(ApplicationStartup.class.getName());

    @PersistenceUnit(unitName = "consultation")
    private EntityManagerFactory persistenceUnit;

    @PostConstruct
    void start() {
        // Deploys the persistence unit (and so runs prepare) if the server has not done it yet.
        persistenceUnit.createEntityManager().close();
    }

    /**
     * Checks the configuration and the database, and migrates the schema.
     *
     * @throws StartupFailure with the one line to read
     */
    public static void prepare(DataSource dataSource) {
        Settings settings;
        try {
            settings = SettingsProducer.fromMicroProfileConfig();
        } catch (ConfigurationException e) {
            throw fail("Configuration error: " + e.getMessage(), e);
        }
        try {
            DatabaseCheck.verify(dataSource);
        } catch (DatabaseUnavailableException e) {
            throw fail("Cannot use the database " + settings.database().safeUrl() + " (DB_URL, DB_USER, DB_PASSWORD): "
                    + e.getMessage(), e);
        }
        try {
            MigrateResult result = SchemaMigration.migrate(dataSource);
            LOG.info(() -> "Database schema is at version " + result.targetSchemaVersion + " ("
                    + result.migrationsExecuted + " migration(s) applied now) on " + settings.database().safeUrl());
        } catch (RuntimeException e) {
            throw fail("The database schema could not be brought up to date on " + settings.database().safeUrl()
                    + ": " + DatabaseUnavailableException.rootMessage(e), e);
        }
        if (!settings.demo()) {
            refuseOrPurgeDemoContent(dataSource, settings);
        }
    }

    /**
     * Without {@code DEMO}, the content it created must not be served: with {@code DEMO_PURGE} it
     * is deleted now, otherwise start-up stops with the line that says how to delete it.
     */
    private static void refuseOrPurgeDemoContent(DataSource dataSource, Settings settings) {
        try {
            if (settings.demoPurge()) {
                DemoContent.Purged purged = DemoContent.purge(dataSource);
                LOG.info(() -> purged.marked().any()
                        ? "Demo content deleted (DEMO_PURGE): " + purged.marked() + ", " + purged.rowsDeleted()
                                + " row(s) in all, " + purged.referencesEmptied() + " reference(s) to it emptied"
                        : "No demo content to delete (DEMO_PURGE is on; it can be turned off)");
                return;
            }
            DemoContent.Found found = DemoContent.find(dataSource);
            if (found.any()) {
                throw fail("The database holds demo content (" + found + ") and DEMO is off: start once with "
                        + "DEMO_PURGE=true to delete it and everything attached to it, or with DEMO=true to keep it", null);
            }
        } catch (StartupFailure refused) {
            throw refused;
        } catch (java.sql.SQLException | RuntimeException e) {
            throw fail("The demo content could not be checked or deleted on " + settings.database().safeUrl() + ": "
                    + DatabaseUnavailableException.rootMessage(e), e);
        }
    }

    private static StartupFailure fail(String line, Throwable cause) {
        LOG.severe(line);
        LOG.log(Level.FINE, "Cause of the start-up failure", cause);
        if (Boolean.getBoolean(EXIT_ON_FAILURE)) {
            exitSoon();
        }
        return new StartupFailure(line, cause);
    }

    /**
     * Exits from another thread, so that the deployment that is failing can unwind first; if
     * the shutdown hooks hang, halts after twenty seconds.
     */
    private static void exitSoon() {
        Thread exit = new Thread(() -> System.exit(EXIT_STATUS), "startup-failure-exit");
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(20_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(EXIT_STATUS);
        }, "startup-failure-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        exit.start();
    }
}
