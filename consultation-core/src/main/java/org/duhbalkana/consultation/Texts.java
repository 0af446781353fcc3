package org.duhbalkana.consultation;

/** Rules for text people write: trimmed, not empty, not too long, no control characters but line breaks. */
final class Texts {

    private Texts() {
    }

    static String required(String text, int max, String messageKey) {
        if (text == null) {
            throw new ConsultationRuleBroken(messageKey, max);
        }
        String clean = text.strip().replace("\r\n", "\n");
        if (clean.isEmpty() || clean.codePointCount(0, clean.length()) > max
                || clean.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw new ConsultationRuleBroken(messageKey, max);
        }
        return clean;
    }

    static String optional(String text, int max, String messageKey) {
        return text == null || text.isBlank() ? null : required(text, max, messageKey);
    }
}
