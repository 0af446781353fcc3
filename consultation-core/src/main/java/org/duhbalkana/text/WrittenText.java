package org.duhbalkana.text;

import java.util.Optional;

/** Rules for text people write: trimmed, not empty, not too long, no control characters but line breaks and tabs. */
public final class WrittenText {

    private WrittenText() {
    }

    /**
     * The text trimmed, with Windows line breaks made plain; empty when it is missing, blank,
     * longer than {@code max} characters or holds control characters.
     */
    public static Optional<String> clean(String text, int max) {
        if (text == null) {
            return Optional.empty();
        }
        String clean = text.strip().replace("\r\n", "\n");
        if (clean.isEmpty() || clean.codePointCount(0, clean.length()) > max
                || clean.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            return Optional.empty();
        }
        return Optional.of(clean);
    }
}
