package org.duhbalkana.platform;

import java.util.List;

/**
 * Fields whose values break rules that Bean Validation alone cannot check (e.g. an unknown
 * municipality): one exception carries every problem found, so the person sees them all at once.
 */
public class InputRejected extends BusinessException {

    private static final long serialVersionUID = 1L;

    /** One field at fault: its name as the form names it, and the key of the message. */
    public record Problem(String field, String messageKey) implements java.io.Serializable {
    }

    private final List<Problem> problems;

    public InputRejected(String field, String messageKey) {
        this(List.of(new Problem(field, messageKey)));
    }

    /** @param problems at least one */
    public InputRejected(List<Problem> problems) {
        super(problems.get(0).messageKey());
        this.problems = List.copyOf(problems);
    }

    /** The name of the (first) field at fault, as the form names it. */
    public String field() {
        return problems.get(0).field();
    }

    /** Every field at fault, in the order found. */
    public List<Problem> problems() {
        return problems;
    }
}
