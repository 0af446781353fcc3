package org.duhbalkana.platform.database;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;

/**
 * Tells a failure because the database is away (stopped, restarting, unreachable, or every pooled
 * connection waited for in vain) from every other failure. The one place that decides it: the API's
 * and the pages' failure paths both ask here, and answer 503 "try again" rather than 500 "our bug".
 *
 * <p>It looks at the whole chain of causes (EJB, Faces, JPA and pool exceptions wrap the driver's)
 * for: our {@link DatabaseUnavailableException}; the JDBC connection exceptions
 * ({@link SQLTransientConnectionException}, {@link SQLNonTransientConnectionException}, SQL state
 * class {@code 08}); a refused, unroutable or timed-out socket; the pool's "could not allocate a
 * connection" or "max-wait-time" refusals; and EclipseLink's {@code DatabaseException} that
 * EclipseLink itself marked as a communication failure.
 */
public final class DatabaseAway {

    private static final int MAX_CHAIN = 64;

    /** EclipseLink's {@code DatabaseException} codes that mean "no connection". */
    private static final Set<Integer> CONNECTION_ERROR_CODES = Set.of(4005, 4021, 4022);

    private DatabaseAway() {
    }

    /** True when the failure, or anything in its chain of causes, says the database cannot be reached now. */
    public static boolean isCause(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable current = failure;
        boolean belowDatabase = false;
        while (current != null && seen.add(current) && seen.size() <= MAX_CHAIN) {
            belowDatabase |= databaseLayer(current);
            if (says(current, belowDatabase)) {
                return true;
            }
            if (current instanceof SQLException sql && sql.getNextException() != null && says(sql.getNextException(), true)) {
                return true;
            }
            current = current.getCause();
        }
        return false;
    }

    /**
     * Whether the exception comes from the way to the database (JDBC, JPA, EclipseLink, the pool):
     * a refused or timed-out socket counts only beneath one of these, so that a client's slow upload
     * or a call to another server is never taken for the database's absence.
     */
    private static boolean databaseLayer(Throwable t) {
        String type = t.getClass().getName();
        return t instanceof SQLException
                || type.startsWith("jakarta.persistence.")
                || type.startsWith("org.eclipse.persistence.exceptions.")
                || type.endsWith("PoolingException")
                || type.equals("jakarta.resource.ResourceException") || type.endsWith(".ResourceAllocationException");
    }

    private static boolean says(Throwable t, boolean belowDatabase) {
        if (t instanceof DatabaseUnavailableException
                || t instanceof SQLTransientConnectionException
                || t instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (belowDatabase && (t instanceof ConnectException
                || t instanceof NoRouteToHostException
                || t instanceof UnknownHostException
                || t instanceof SocketTimeoutException)) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
            return true;
        }
        if (isEclipseLinkCommunicationFailure(t)) {
            return true;
        }
        String type = t.getClass().getName();
        String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
        // Payara's pool: "Error in allocating a connection. Cause: Connection could not be allocated because: …"
        // and "In-use connections equal max-pool-size and expired max-wait-time. Cannot allocate more connections."
        return type.endsWith("PoolingException")
                || message.contains("error in allocating a connection")
                || message.contains("connection could not be allocated")
                || message.contains("max-wait-time")
                || message.contains("communications link failure");
    }

    /**
     * EclipseLink's {@code DatabaseException} carries {@code isCommunicationFailure()} when it saw the
     * connection break; read by name so that this class needs EclipseLink only when EclipseLink is there.
     */
    private static boolean isEclipseLinkCommunicationFailure(Throwable t) {
        if (!t.getClass().getName().equals("org.eclipse.persistence.exceptions.DatabaseException")) {
            return false;
        }
        try {
            Object flag = t.getClass().getMethod("isCommunicationFailure").invoke(t);
            if (Boolean.TRUE.equals(flag)) {
                return true;
            }
            // 4005 accessor not connected, 4021 no connection from the driver, 4022 connection is null;
            // 4002 (an SQL exception) is judged by the driver's exception, its cause
            Object code = t.getClass().getMethod("getErrorCode").invoke(t);
            return CONNECTION_ERROR_CODES.contains(code);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
