package org.duhbalkana.platform;

/** The caller may not do this; pages answer 403. */
public class AccessDenied extends BusinessException {

    private static final long serialVersionUID = 1L;

    public AccessDenied() {
        super("error.403.text");
    }
}
