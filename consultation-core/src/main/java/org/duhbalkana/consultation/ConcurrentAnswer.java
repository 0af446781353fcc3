package org.duhbalkana.consultation;

/** Someone else answered the same comment in the meantime; nothing was overwritten. */
public class ConcurrentAnswer extends ConsultationRuleBroken {

    private static final long serialVersionUID = 1L;

    public ConcurrentAnswer() {
        super("consultation.error.concurrent");
    }
}
