package org.duhbalkana.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.eclipse.persistence.exceptions.DatabaseException;
import org.junit.jupiter.api.Test;

/** Which failures mean "the database is away" (answered 503) and which are bugs (500). */
class DatabaseAwayTest {

    /** How EJB, JPA and Faces wrap what the driver said. */
    private static Throwable wrapped(Throwable driver) {
        return new IllegalStateException("EJB", new jakarta.persistence.PersistenceException("JPA", driver));
    }

    @Test
    void connectionFailuresAnywhereInTheChainAreTheDatabaseAway() {
        assertThat(DatabaseAway.isCause(wrapped(new SQLTransientConnectionException("pool wait timed out")))).isTrue();
        assertThat(DatabaseAway.isCause(wrapped(new SQLNonTransientConnectionException("Socket fail to connect")))).isTrue();
        assertThat(DatabaseAway.isCause(wrapped(new SQLException("Could not connect", "08S01")))).isTrue();
        assertThat(DatabaseAway.isCause(wrapped(new SQLException("x", new ConnectException("Connection refused"))))).isTrue();
        assertThat(DatabaseAway.isCause(wrapped(new SQLException(
                "Error in allocating a connection. Cause: Connection could not be allocated because: Socket fail to connect")))).isTrue();
        assertThat(DatabaseAway.isCause(wrapped(new RuntimeException(
                "In-use connections equal max-pool-size and expired max-wait-time. Cannot allocate more connections.")))).isTrue();
        assertThat(DatabaseAway.isCause(new DatabaseUnavailableException(new SQLException("refused")))).isTrue();
    }

    @Test
    void eclipseLinkMarksItsCommunicationFailures() {
        DatabaseException broken = DatabaseException.sqlException(new SQLException("gone"), true);
        assertThat(DatabaseAway.isCause(wrapped(broken))).isTrue();
        DatabaseException notConnected = DatabaseException.databaseAccessorNotConnected();
        assertThat(DatabaseAway.isCause(wrapped(notConnected))).isTrue();
    }

    @Test
    void bugsAndBrokenRulesAreNot() {
        assertThat(DatabaseAway.isCause(wrapped(new NullPointerException()))).isFalse();
        assertThat(DatabaseAway.isCause(wrapped(new SQLIntegrityConstraintViolationException("Duplicate entry", "23000")))).isFalse();
        assertThat(DatabaseAway.isCause(wrapped(new SQLException("You have an error in your SQL syntax", "42000")))).isFalse();
        DatabaseException sqlBug = DatabaseException.sqlException(new SQLException("Unknown column", "42S22"), false);
        assertThat(DatabaseAway.isCause(wrapped(sqlBug))).isFalse();
        assertThat(DatabaseAway.isCause(null)).isFalse();
    }

    @Test
    void aSocketFailureCountsOnlyOnTheWayToTheDatabase() {
        // a client's upload that timed out, a call to another server: bugs or the client's trouble, not a 503
        assertThat(DatabaseAway.isCause(new java.io.UncheckedIOException(new java.net.SocketTimeoutException("Read timed out")))).isFalse();
        assertThat(DatabaseAway.isCause(new IllegalStateException(new ConnectException("Connection refused")))).isFalse();
        // the same beneath JDBC or JPA: the database
        assertThat(DatabaseAway.isCause(new jakarta.persistence.PersistenceException(new java.net.SocketTimeoutException("Read timed out")))).isTrue();
    }

    @Test
    void aChainThatLoopsEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(DatabaseAway.isCause(a)).isFalse();
    }
}
