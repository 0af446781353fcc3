package org.duhbalkana.platform.startup;

/** Start-up cannot go on; the message is the one line an operator needs to read. */
public class StartupFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StartupFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
