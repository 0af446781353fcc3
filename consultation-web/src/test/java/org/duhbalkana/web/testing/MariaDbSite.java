package org.duhbalkana.web.testing;

import java.util.HashMap;
import java.util.Map;
import org.duhbalkana.testing.TestDatabase;

/**
 * The site on Payara Micro against a fresh MariaDB database that the test can read while the site
 * runs; with demo mode on, the demo accounts exist and mail stays in the outbox table.
 */
public final class MariaDbSite implements AutoCloseable {

    private final TestDatabase db;
    private final RunningSite site;

    private MariaDbSite(TestDatabase db, RunningSite site) {
        this.db = db;
        this.site = site;
    }

    public static MariaDbSite startWithDemoAccounts(String name) {
        TestDatabase db = TestDatabase.mariaDb();
        try {
            Map<String, String> env = new HashMap<>(db.environment());
            env.put("DEMO", "true");
            return new MariaDbSite(db, RunningSite.configured(name, env).start());
        } catch (RuntimeException | Error e) {
            db.close();
            throw e;
        }
    }

    /** As {@link #startWithDemoAccounts(String)}, waiting up to {@code timeout} for the site (a loaded machine). */
    public static MariaDbSite startWithDemoAccounts(String name, java.time.Duration timeout) {
        TestDatabase db = TestDatabase.mariaDb();
        try {
            Map<String, String> env = new HashMap<>(db.environment());
            env.put("DEMO", "true");
            return new MariaDbSite(db, RunningSite.configured(name, env).start(timeout));
        } catch (RuntimeException | Error e) {
            db.close();
            throw e;
        }
    }

    /** As {@link #startWithDemoAccounts(String)}, with more configuration keys (limits, say). */
    public static MariaDbSite startWithDemoAccounts(String name, Map<String, String> moreKeys) {
        TestDatabase db = TestDatabase.mariaDb();
        try {
            Map<String, String> env = new HashMap<>(db.environment());
            env.put("DEMO", "true");
            env.putAll(moreKeys);
            return new MariaDbSite(db, RunningSite.configured(name, env).start());
        } catch (RuntimeException | Error e) {
            db.close();
            throw e;
        }
    }

    public TestDatabase db() {
        return db;
    }

    public RunningSite site() {
        return site;
    }

    @Override
    public void close() {
        try {
            site.close();
        } finally {
            db.close();
        }
    }
}
