package org.duhbalkana.platform.config;

import java.util.Optional;
import java.util.function.Function;

/**
 * How many petition confirmation mails the site writes in an hour: per client network address
 * ({@code SIGNATURE_MAILS_PER_ADDRESS_HOUR}, default 30) and for the whole site
 * ({@code SIGNATURE_MAILS_PER_HOUR}, default 2000). A signing attempt beyond either limit is
 * answered as any other ("check your mail"), but its signature is held and nothing is mailed until
 * a moderator releases it. A limit of {@link #UNLIMITED} or more means none (load tests only).
 */
public record SignatureMailLimits(int perAddressHour, int perHour) {

    public static final String SIGNATURE_MAILS_PER_ADDRESS_HOUR = "SIGNATURE_MAILS_PER_ADDRESS_HOUR";
    public static final String SIGNATURE_MAILS_PER_HOUR = "SIGNATURE_MAILS_PER_HOUR";

    /** At or above this, a limit is not applied at all (its counter row is not even touched). */
    public static final int UNLIMITED = 1_000_000;

    public static final int DEFAULT_PER_ADDRESS_HOUR = 30;
    public static final int DEFAULT_PER_HOUR = 2000;

    /** Reads and checks both keys; throws {@link ConfigurationException} naming a bad one. */
    public static SignatureMailLimits read(Function<String, Optional<String>> source) {
        return new SignatureMailLimits(
                count(SIGNATURE_MAILS_PER_ADDRESS_HOUR, source.apply(SIGNATURE_MAILS_PER_ADDRESS_HOUR), DEFAULT_PER_ADDRESS_HOUR),
                count(SIGNATURE_MAILS_PER_HOUR, source.apply(SIGNATURE_MAILS_PER_HOUR), DEFAULT_PER_HOUR));
    }

    public boolean limitsAddresses() {
        return perAddressHour < UNLIMITED;
    }

    public boolean limitsSite() {
        return perHour < UNLIMITED;
    }

    private static int count(String key, Optional<String> value, int fallback) {
        String text = value.map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
        if (text == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(text);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        String shown = text.replaceAll("\\p{Cntrl}", "?");
        throw new ConfigurationException(key, "must be a whole number of mails an hour, at least 1, not '"
                + (shown.length() > 40 ? shown.substring(0, 40) + "…" : shown) + "'");
    }
}
