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
                .placeholders(placeholders(dataSource))
                .validateMigrationNaming(true)
                .load();
        return flyway.migrate();
    }

    /**
     * What differs per database: table options (InnoDB, utf8mb4 on MariaDB), the type of search
     * columns, and the index on them (FULLTEXT on MariaDB; on H2 no index: it scans).
     */
    private static Map<String, String> placeholders(DataSource dataSource) {
        boolean mariaDb = isMariaDb(dataSource);
        return Map.of(
                "table_options", mariaDb ? MARIADB_TABLE_OPTIONS : "",
                "search_type", mariaDb ? "TEXT" : "VARCHAR(10000)",
                "search_index", mariaDb ? "CREATE FULLTEXT INDEX" : "-- no full-text index on H2:");
    }

    static boolean isMariaDb(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            return product.contains("mariadb") || product.contains("mysql");
        } catch (SQLException e) {
            throw new DatabaseUnavailableException(e);
        }
    }
}
