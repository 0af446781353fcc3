package org.duhbalkana.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Opens a connection and runs a trivial query: is the database there and does it let us in? */
public final class DatabaseCheck {

    private DatabaseCheck() {
    }

    /** @throws DatabaseUnavailableException with the driver's own explanation */
    public static void verify(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
        } catch (SQLException e) {
            throw new DatabaseUnavailableException(e);
        }
    }

    /** True when the database answers; for health checks. */
    public static boolean answers(DataSource dataSource) {
        try {
            verify(dataSource);
            return true;
        } catch (DatabaseUnavailableException e) {
            return false;
        }
    }
}
