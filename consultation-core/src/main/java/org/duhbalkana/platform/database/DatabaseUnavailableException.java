package org.duhbalkana.platform.database;

import java.sql.SQLException;

/** The database could not be reached or refused to let us in. */
public class DatabaseUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatabaseUnavailableException(SQLException cause) {
        super(rootMessage(cause), cause);
    }

    /** The innermost message, which is the one that tells what went wrong. */
    public static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }
}
