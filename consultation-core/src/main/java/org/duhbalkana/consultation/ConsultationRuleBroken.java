package org.duhbalkana.consultation;

import org.duhbalkana.platform.BusinessException;

/** A rule of consultation rounds said no; the key names the rule for the person. */
public class ConsultationRuleBroken extends BusinessException {

    private static final long serialVersionUID = 1L;

    public ConsultationRuleBroken(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
