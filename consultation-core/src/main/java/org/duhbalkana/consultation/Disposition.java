package org.duhbalkana.consultation;

/** The municipality's answer to a comment, as the consultation report gives it. */
public enum Disposition {
    ACCEPTED,
    PARTLY_ACCEPTED,
    NOT_ACCEPTED,
    /** Noted: outside the scope of the draft. */
    NOTED;

    /** Every answer but a plain acceptance must say why. */
    public boolean needsReason() {
        return this != ACCEPTED;
    }
}
