package org.duhbalkana.account;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An e-mail address as we keep it: trimmed and lower-cased, at most 254 characters, one
 * {@code @}, a domain with a dot, nothing that could not be typed into an address field.
 */
public record EmailAddress(String value) {

    private static final Pattern SHAPE = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    public EmailAddress {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not an e-mail address");
        }
    }

    /** The normalised address, or empty when the text is not an address we accept. */
    public static Optional<EmailAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String normalised = text.strip().toLowerCase(Locale.ROOT);
        return isValid(normalised) ? Optional.of(new EmailAddress(normalised)) : Optional.empty();
    }

    static boolean isValid(String text) {
        return text != null && text.length() <= 254 && SHAPE.matcher(text).matches()
                && !text.contains("..") && !text.startsWith(".") && !text.contains(".@");
    }

    @Override
    public String toString() {
        return value;
    }
}
