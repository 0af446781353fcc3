package org.duhbalkana.platform;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A rule said no. It rolls the transaction back, changes nothing, and carries the key of the
 * message the person sees in their language (the web module's bundle), with its arguments.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class BusinessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String messageKey;
    private final List<Object> arguments;

    protected BusinessException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    /** The bundle key of the message, such as {@code account.error.wrongPassword}. */
    public String messageKey() {
        return messageKey;
    }

    public List<Object> arguments() {
        return arguments;
    }
}
