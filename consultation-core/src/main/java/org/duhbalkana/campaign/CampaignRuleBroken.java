package org.duhbalkana.campaign;

import org.duhbalkana.platform.BusinessException;

/** A rule of campaigns or petitions said no; the key names the rule for the person. */
public class CampaignRuleBroken extends BusinessException {

    private static final long serialVersionUID = 1L;

    public CampaignRuleBroken(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
