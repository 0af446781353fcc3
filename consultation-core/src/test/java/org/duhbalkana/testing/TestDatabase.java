package org.duhbalkana.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.duhbalkana.platform.database.UrlDataSource;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh, empty database for one test class: an H2 file database in a temporary directory, or
 * a new MariaDB database with its own user, dropped again by {@link #close()}.
 *
 * <p>MariaDB is the one at {@code test.mariadb.host}:{@code test.mariadb.port} (127.0.0.1:3306),
 * reached as root with an empty password to create the database and a user with a password
 * (the application's data source cannot pass an empty one). When it cannot be reached the
 * MariaDB tests are skipped on a developer's machine, but they fail in CI (environment
 * variable {@code CI} set) or with {@code -Dtest.mariadb=required}: there, a test that is
 * skipped would be a test that does not exist.
 */
public final class TestDatabase implements AutoCloseable {

    public static final String MARIADB_USER = "duh_test";
    public static final String MARIADB_PASSWORD = "duh_test_password";

    private final String kind;
    private final String url;
    private final String user;
    private final String password;
    private final Runnable dropper;

    private TestDatabase(String kind, String url, String user, String password, Runnable dropper) {
        this.kind = kind;
        this.url = url;
        this.user = user;
        this.password = password;
        this.dropper = dropper;
    }

    /** A new H2 file database in a directory of its own. */
    public static TestDatabase h2() {
        try {
            Path dir = Files.createTempDirectory("duh-h2-");
            // Kept open until the test JVM ends: a database closed by its last connection and
            // reopened while other threads connect has, rarely, left a session without LEGACY mode.
            return new TestDatabase("H2", "jdbc:h2:file:" + dir.resolve("consultation").toAbsolutePath() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000",
                    "consultation", "consultation", () -> { });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A new MariaDB database; skips (or fails, where MariaDB is required) when none is reachable. */
    public static TestDatabase mariaDb() {
        String server = mariaDbServerUrl();
        String name = "duh_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection root = DriverManager.getConnection(server, "root", "");
             Statement sql = root.createStatement()) {
            sql.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            for (String host : new String[] {"%", "localhost"}) {
                sql.execute("CREATE USER IF NOT EXISTS '" + MARIADB_USER + "'@'" + host + "' IDENTIFIED BY '" + MARIADB_PASSWORD + "'");
                sql.execute("GRANT ALL PRIVILEGES ON `duh\\_test\\_%`.* TO '" + MARIADB_USER + "'@'" + host + "'");
            }
        } catch (SQLException unreachable) {
            if (mariaDbRequired()) {
                throw new IllegalStateException("MariaDB is required here (CI, or -Dtest.mariadb=required) but "
                        + server + " cannot be used: " + unreachable.getMessage(), unreachable);
            }
            Assumptions.abort("MariaDB is not reachable at " + server + ": " + unreachable.getMessage());
        }
        return new TestDatabase("MariaDB", server + name, MARIADB_USER, MARIADB_PASSWORD, () -> {
            try (Connection root = DriverManager.getConnection(server, "root", "");
                 Statement sql = root.createStatement()) {
                sql.execute("DROP DATABASE IF EXISTS " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("could not drop " + name, e);
            }
        });
    }

    /** Whether a missing MariaDB fails the tests rather than skipping them. */
    public static boolean mariaDbRequired() {
        String ci = System.getenv("CI");
        return (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false"))
                || "required".equalsIgnoreCase(System.getProperty("test.mariadb"));
    }

    /** The server's URL without a database, such as {@code jdbc:mariadb://127.0.0.1:3306/}. */
    public static String mariaDbServerUrl() {
        return "jdbc:mariadb://" + System.getProperty("test.mariadb.host", "127.0.0.1") + ":"
                + System.getProperty("test.mariadb.port", "3306") + "/";
    }

    public String kind() {
        return kind;
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public DataSource dataSource() {
        return new UrlDataSource(url, user, password);
    }

    /** The first column of the first row of a query (null when there is no row). */
    public String query(String sql, Object... parameters) {
        try (Connection c = dataSource().getConnection(); java.sql.PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (java.sql.ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The configuration keys that point the application at this database. */
    public Map<String, String> environment() {
        return Map.of("DB_URL", url, "DB_USER", user, "DB_PASSWORD", password);
    }

    @Override
    public void close() {
        dropper.run();
    }

    @Override
    public String toString() {
        return kind;
    }
}
