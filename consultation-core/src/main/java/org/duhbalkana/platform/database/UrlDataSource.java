package org.duhbalkana.platform.database;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that picks its JDBC driver from the URL, so that one
 * {@code @DataSourceDefinition} serves both the embedded H2 database ({@code jdbc:h2:}) and
 * MariaDB ({@code jdbc:mariadb://}). The server pools the connections it hands out; this class
 * only opens them. Properties are set by the server through the setters, as for any data source
 * class.
 *
 * <p>To MariaDB it bounds the driver's waits (issue 20): {@code connectTimeout} is the configured
 * {@code DB_WAIT_SECONDS}, and {@code socketTimeout} five minutes, unless the URL sets them, so that
 * a database that is away fails a request in seconds (answered 503) instead of holding it.
 */
public class UrlDataSource implements DataSource {

    private volatile String url;
    private volatile String user;
    private volatile String password;
    private volatile int loginTimeout;
    private volatile PrintWriter logWriter;
    private volatile Driver driver;
    private volatile int waitSeconds;

    /** The socket timeout to MariaDB: a query that hangs on a server that stopped answering ends. */
    static final int SOCKET_TIMEOUT_MILLIS = 300_000;

    public UrlDataSource() {
    }

    public UrlDataSource(String url, String user, String password) {
        this.url = withH2Compatibility(url);
        this.user = user;
        this.password = password;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = withH2Compatibility(url);
        this.driver = null;
    }

    /**
     * EclipseLink reads generated keys on H2 with {@code CALL IDENTITY()}, which H2 2 keeps only
     * in its LEGACY mode: an H2 URL that names no mode gets it.
     */
    static String withH2Compatibility(String url) {
        if (url != null && url.startsWith("jdbc:h2:") && !url.toUpperCase(java.util.Locale.ROOT).contains(";MODE=")) {
            return url + ";MODE=LEGACY";
        }
        return url;
    }

    /** The spelling some servers use for the URL property. */
    public void setURL(String url) {
        setUrl(url);
    }

    public String getURL() {
        return url;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public void setUserName(String user) {
        setUser(user);
    }

    public void setPassword(String password) {
        this.password = password;
    }

    /** How long to wait for MariaDB to accept a connection; unset (0): {@code DB_WAIT_SECONDS}. */
    public void setWaitSeconds(int seconds) {
        this.waitSeconds = seconds;
    }

    public int getWaitSeconds() {
        return waitSeconds;
    }

    private int waitSeconds() {
        int seconds = waitSeconds;
        if (seconds <= 0) {
            seconds = configuredWaitSeconds();
            waitSeconds = seconds;
        }
        return seconds;
    }

    /** {@code DB_WAIT_SECONDS} through MicroProfile Config; its default where there is none (plain tests). */
    private static int configuredWaitSeconds() {
        try {
            return org.duhbalkana.platform.config.SettingsProducer.edgeSettingsFromMicroProfileConfig().dbWaitSeconds();
        } catch (RuntimeException | LinkageError noConfiguration) {
            return org.duhbalkana.platform.config.EdgeSettings.DEFAULT_DB_WAIT_SECONDS;
        }
    }

    /** The driver's timeouts to MariaDB, unless the URL gives its own. */
    static void boundWaits(String url, Properties info, int waitSeconds) {
        if (url == null || !url.startsWith("jdbc:mariadb:")) {
            return;
        }
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        if (!lower.contains("connecttimeout=")) {
            info.setProperty("connectTimeout", Integer.toString(waitSeconds * 1000));
        }
        if (!lower.contains("sockettimeout=")) {
            info.setProperty("socketTimeout", Integer.toString(SOCKET_TIMEOUT_MILLIS));
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(user, password);
    }

    @Override
    public Connection getConnection(String username, String secret) throws SQLException {
        Properties info = new Properties();
        if (username != null) {
            info.setProperty("user", username);
        }
        if (secret != null) {
            info.setProperty("password", secret);
        }
        boundWaits(url, info, waitSeconds());
        Connection connection = driver().connect(url, info);
        if (connection == null) {
            throw new SQLException("The JDBC driver refused the URL " + url);
        }
        return url.startsWith("jdbc:mariadb:") ? boundedValidation(connection, waitSeconds()) : connection;
    }

    /**
     * The connection with its {@code isValid(0)} bounded: the pool validates a connection before
     * handing it out with {@code isValid(0)}, which MariaDB's driver takes as "wait for ever" (its
     * socket timeout set to none). A database host that stops answering, rather than refusing,
     * would then hold every request until TCP gives up, a quarter of an hour. Bounded, the
     * validation fails after {@code DB_WAIT_SECONDS} and the request is answered 503.
     */
    static Connection boundedValidation(Connection connection, int waitSeconds) {
        return (Connection) java.lang.reflect.Proxy.newProxyInstance(UrlDataSource.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "isValid":
                            if (args != null && args.length == 1 && args[0] instanceof Integer timeout && timeout <= 0) {
                                args = new Object[] {waitSeconds};
                            }
                            break;
                        case "equals":
                            return args != null && args.length == 1 && proxy == args[0];
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "toString":
                            return "bounded " + connection;
                        default:
                            break;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private Driver driver() throws SQLException {
        Driver found = driver;
        if (found != null) {
            return found;
        }
        if (url == null) {
            throw new SQLException("No JDBC URL is set");
        }
        for (Driver candidate : ServiceLoader.load(Driver.class, UrlDataSource.class.getClassLoader())) {
            if (candidate.acceptsURL(url)) {
                driver = candidate;
                return candidate;
            }
        }
        found = DriverManager.getDriver(url);
        driver = found;
        return found;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
