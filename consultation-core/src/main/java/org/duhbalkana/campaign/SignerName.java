package org.duhbalkana.campaign;

/**
 * The name a signer typed, as it may appear in a mail: only letters (with their marks), spaces,
 * hyphens and apostrophes, at most {@link Signature#MAX_NAME} characters. Everything else (dots,
 * colons, slashes, {@code @}, digits, control and bidirectional-override characters) becomes a
 * space, so the name can never read as a link, an address or a telephone number. The confirmation
 * mail, written before anyone proved the address theirs, carries no name at all.
 */
final class SignerName {

    private SignerName() {
    }

    static String forMail(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            boolean kept = Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK
                    || Character.getType(c) == Character.COMBINING_SPACING_MARK || c == '-' || c == '\'' || c == '’';
            out.appendCodePoint(kept ? c : ' ');
        });
        String cleaned = out.toString().replaceAll(" {2,}", " ").strip();
        return cleaned.length() > Signature.MAX_NAME ? cleaned.substring(0, Signature.MAX_NAME).strip() : cleaned;
    }
}
