package org.duhbalkana.platform;

/** One field's value breaks a rule that Bean Validation alone cannot check (e.g. an unknown municipality). */
public class InputRejected extends BusinessException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InputRejected(String field, String messageKey) {
        super(messageKey);
        this.field = field;
    }

    /** The name of the field at fault, as the form names it. */
    public String field() {
        return field;
    }
}
