package org.duhbalkana.campaign;

import org.duhbalkana.text.WrittenText;

/** {@link WrittenText}'s rules, broken with a campaign rule's message. */
final class Texts {

    private Texts() {
    }

    static String required(String text, int max, String messageKey) {
        return WrittenText.clean(text, max).orElseThrow(() -> new CampaignRuleBroken(messageKey, max));
    }

    static String optional(String text, int max, String messageKey) {
        return text == null || text.isBlank() ? null : required(text, max, messageKey);
    }
}
