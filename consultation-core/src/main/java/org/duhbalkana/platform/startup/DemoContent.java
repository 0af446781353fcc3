package org.duhbalkana.platform.startup;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The content {@code DEMO} created: accounts, consultation rounds and campaigns whose {@code demo}
 * column is true, and everything that hangs off them. Found at start-up, so that a site started
 * without {@code DEMO} refuses a database that holds it; deleted by {@code DEMO_PURGE}.
 *
 * <p>The deletion follows the schema's foreign keys as the database reports them, so tables added
 * later are handled without a change here: a row that cannot exist without a deleted row (its
 * reference is {@code NOT NULL}: a comment of a demo round or by a demo account, a signature of a
 * demo campaign, an endorsement of such a comment) is deleted too, with what hangs off it in turn;
 * a reference that may be empty is emptied (a real comment answered by a demo reviewer stays,
 * unanswered; a reply to a demo comment stays, as a comment of its own; a campaign inviting to a
 * demo round stays, without the invitation). Mail to the demo accounts' addresses is deleted. The
 * audit log is kept as it is. It all happens in one transaction: all of it is deleted, or nothing.
 */
public final class DemoContent {

    /** The tables whose rows carry the mark. */
    static final List<String> MARKED = List.of("account", "consultation_round", "campaign");

    private static final int CHUNK = 500;

    private DemoContent() {
    }

    /** How many marked rows there are of each kind. */
    public record Found(long accounts, long rounds, long campaigns) {

        public boolean any() {
            return accounts + rounds + campaigns > 0;
        }

        @Override
        public String toString() {
            return accounts + " account(s), " + rounds + " consultation round(s), " + campaigns + " campaign(s)";
        }
    }

    /** The marked rows of the database. */
    public static Found find(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return find(connection);
        }
    }

    private static Found find(Connection connection) throws SQLException {
        long[] counts = new long[MARKED.size()];
        for (int i = 0; i < counts.length; i++) {
            try (Statement sql = connection.createStatement();
                 ResultSet rs = sql.executeQuery("SELECT COUNT(*) FROM " + MARKED.get(i) + " WHERE demo = TRUE")) {
                rs.next();
                counts[i] = rs.getLong(1);
            }
        }
        return new Found(counts[0], counts[1], counts[2]);
    }

    /** What a purge removed: the marked rows, and how many rows in all were deleted or emptied. */
    public record Purged(Found marked, long rowsDeleted, long referencesEmptied) {
    }

    /** Deletes every marked row and what hangs off it, in one transaction. */
    public static Purged purge(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                Found marked = find(connection);
                Cascade cascade = new Cascade(connection);
                List<String> addresses = strings(connection, "SELECT email FROM account WHERE demo = TRUE AND email IS NOT NULL");
                // mail to the signers of demo campaigns carries the campaign's topic (Campaign.mailTopic)
                List<String> topics = strings(connection, "SELECT id FROM campaign WHERE demo = TRUE").stream()
                        .map(id -> "campaign:" + id).toList();
                for (String table : MARKED) {
                    cascade.delete(table, cascade.ids(table, "demo = TRUE"));
                }
                for (List<String> chunk : chunks(addresses)) {
                    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM mail_message WHERE recipient IN ("
                            + chunk.stream().map(a -> "?").collect(Collectors.joining(", ")) + ")")) {
                        for (int i = 0; i < chunk.size(); i++) {
                            delete.setString(i + 1, chunk.get(i));
                        }
                        cascade.deleted += delete.executeUpdate();
                    }
                }
                for (List<String> chunk : chunks(topics)) {
                    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM mail_message WHERE topic IN ("
                            + chunk.stream().map(a -> "?").collect(Collectors.joining(", ")) + ")")) {
                        for (int i = 0; i < chunk.size(); i++) {
                            delete.setString(i + 1, chunk.get(i));
                        }
                        cascade.deleted += delete.executeUpdate();
                    }
                }
                connection.commit();
                return new Purged(marked, cascade.deleted, cascade.emptied);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private static List<String> strings(Connection connection, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement sql = connection.createStatement(); ResultSet rs = sql.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return chunks;
    }

    /** Deletes rows by id, first what refers to them, following the foreign keys of the schema. */
    static final class Cascade {

        /** A foreign key: {@code child.column} refers to the parent's key. */
        record Reference(String child, String column, boolean nullable) {
        }

        /** A table: its one-column key (if it has one) and the references to it. */
        record Table(String name, Optional<String> key, List<Reference> referencedBy) {
        }

        private final Connection connection;
        private final DatabaseMetaData meta;
        private final boolean upperCase;
        private final Map<String, Table> tables = new HashMap<>();
        private final Map<String, Set<Long>> doomed = new HashMap<>();
        long deleted;
        long emptied;

        Cascade(Connection connection) throws SQLException {
            this.connection = connection;
            this.meta = connection.getMetaData();
            this.upperCase = meta.storesUpperCaseIdentifiers();
        }

        Set<Long> ids(String table, String condition) throws SQLException {
            String key = table(table).key().orElseThrow(() -> new IllegalStateException(table + " has no one-column key"));
            Set<Long> ids = new LinkedHashSet<>();
            try (Statement sql = connection.createStatement();
                 ResultSet rs = sql.executeQuery("SELECT " + key + " FROM " + table + " WHERE " + condition)) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }

        void delete(String tableName, Set<Long> requested) throws SQLException {
            Table table = table(tableName);
            Set<Long> ids = new LinkedHashSet<>(requested);
            Set<Long> already = doomed.computeIfAbsent(table.name(), t -> new LinkedHashSet<>());
            ids.removeAll(already);
            if (ids.isEmpty()) {
                return;
            }
            already.addAll(ids);
            String key = table.key().orElseThrow();
            for (List<Long> chunk : chunks(new ArrayList<>(ids))) {
                String in = chunk.stream().map(String::valueOf).collect(Collectors.joining(", "));
                for (Reference reference : table.referencedBy()) {
                    String where = " WHERE " + reference.column() + " IN (" + in + ")";
                    if (reference.nullable()) {
                        emptied += update("UPDATE " + reference.child() + " SET " + reference.column() + " = NULL" + where);
                        continue;
                    }
                    Table child = table(reference.child());
                    if (child.key().isPresent()) {
                        delete(child.name(), ids(child.name(), reference.column() + " IN (" + in + ")"));
                    } else if (child.referencedBy().isEmpty()) {
                        deleted += update("DELETE FROM " + child.name() + where);
                    } else {
                        throw new IllegalStateException(child.name() + " has no one-column key but is referred to");
                    }
                }
                deleted += update("DELETE FROM " + table.name() + " WHERE " + key + " IN (" + in + ")");
            }
        }

        private int update(String sql) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                return statement.executeUpdate(sql);
            }
        }

        Table table(String name) throws SQLException {
            String stored = upperCase ? name.toUpperCase(Locale.ROOT) : name.toLowerCase(Locale.ROOT);
            Table known = tables.get(stored);
            if (known != null) {
                return known;
            }
            String catalog = connection.getCatalog();
            String schema = upperCase ? connection.getSchema() : null;
            List<String> keyColumns = new ArrayList<>();
            try (ResultSet rs = meta.getPrimaryKeys(catalog, schema, stored)) {
                while (rs.next()) {
                    keyColumns.add(rs.getString("COLUMN_NAME"));
                }
            }
            List<Reference> references = new ArrayList<>();
            try (ResultSet rs = meta.getExportedKeys(catalog, schema, stored)) {
                while (rs.next()) {
                    if (rs.getInt("KEY_SEQ") > 1) {
                        throw new IllegalStateException("a foreign key of several columns refers to " + stored);
                    }
                    String child = rs.getString("FKTABLE_NAME");
                    String column = rs.getString("FKCOLUMN_NAME");
                    references.add(new Reference(child, column, nullable(catalog, schema, child, column)));
                }
            }
            Table table = new Table(stored, keyColumns.size() == 1 ? Optional.of(keyColumns.get(0)) : Optional.empty(),
                    List.copyOf(references));
            tables.put(stored, table);
            return table;
        }

        private boolean nullable(String catalog, String schema, String table, String column) throws SQLException {
            try (ResultSet rs = meta.getColumns(catalog, schema, table, column)) {
                while (rs.next()) {
                    if (rs.getString("TABLE_NAME").equalsIgnoreCase(table) && rs.getString("COLUMN_NAME").equalsIgnoreCase(column)) {
                        return "YES".equalsIgnoreCase(rs.getString("IS_NULLABLE"));
                    }
                }
            }
            throw new IllegalStateException("no column " + table + "." + column);
        }
    }
}
