package org.duhbalkana.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date with the Flyway migrations in {@code db/migration}. The same
 * scripts serve H2 and MariaDB; the one difference, MariaDB's table options (InnoDB, utf8mb4),
 * comes in through the {@code ${table_options}} placeholder.
 */
public final class SchemaMigration {

    static final String MARIADB_TABLE_OPTIONS =
            "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci";

    private SchemaMigration() {
    }

    /** Applies every pending migration and says how many were applied. */
    public static MigrateResult migrate(DataSource dataSource) {
        Flyway flyway = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .placeholders(Map.of("table_options", tableOptions(dataSource)))
                .validateMigrationNaming(true)
                .load();
        return flyway.migrate();
    }

    private static String tableOptions(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            return product.contains("mariadb") || product.contains("mysql") ? MARIADB_TABLE_OPTIONS : "";
        } catch (SQLException e) {
            throw new DatabaseUnavailableException(e);
        }
    }
}
