package org.duhbalkana.platform.config;

import java.util.Optional;
import java.util.function.Function;

/**
 * How long a request waits for the database, and how large an API body may be (issue 20):
 * {@code DB_WAIT_SECONDS} (default 5, 1–60) bounds the wait for a pooled connection and the
 * driver's connect time to MariaDB, after which the client is answered 503 with {@code Retry-After};
 * {@code API_BODY_LIMIT_BYTES} (default 16K, 1K–1M) is the largest JSON body the API reads, larger
 * ones being refused with 413 before they are read. Checked at start-up with the other keys.
 */
public record EdgeSettings(int dbWaitSeconds, int apiBodyLimitBytes) {

    public static final String DB_WAIT_SECONDS = "DB_WAIT_SECONDS";
    public static final String API_BODY_LIMIT_BYTES = "API_BODY_LIMIT_BYTES";

    public static final int DEFAULT_DB_WAIT_SECONDS = 5;
    public static final int DEFAULT_API_BODY_LIMIT_BYTES = 16 * 1024;

    /** The defaults, for code that runs without configuration (unit tests). */
    public static final EdgeSettings DEFAULT = new EdgeSettings(DEFAULT_DB_WAIT_SECONDS, DEFAULT_API_BODY_LIMIT_BYTES);

    /** Reads and checks both keys; throws {@link ConfigurationException} naming a bad one. */
    public static EdgeSettings read(Function<String, Optional<String>> source) {
        return new EdgeSettings(dbWaitSeconds(source.apply(DB_WAIT_SECONDS)), apiBodyLimit(source.apply(API_BODY_LIMIT_BYTES)));
    }

    /** The Retry-After a client is given while the database is away: the wait, at least a few seconds. */
    public int retryAfterSeconds() {
        return Math.max(5, dbWaitSeconds);
    }

    private static int dbWaitSeconds(Optional<String> value) {
        String text = value.filter(s -> !s.isEmpty()).orElse(null);
        if (text == null) {
            return DEFAULT_DB_WAIT_SECONDS;
        }
        try {
            if (!text.matches("[0-9]{1,2}")) {
                // digits only: the pool's wait is written from it as ${DB_WAIT_SECONDS}000 (microprofile-config.properties)
                throw new NumberFormatException();
            }
            int seconds = Integer.parseInt(text);
            if (seconds >= 1 && seconds <= 60) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ConfigurationException(DB_WAIT_SECONDS, "must be a number of seconds from 1 to 60, not '" + shown(text) + "'");
    }

    private static int apiBodyLimit(Optional<String> value) {
        String text = value.map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
        if (text == null) {
            return DEFAULT_API_BODY_LIMIT_BYTES;
        }
        long bytes;
        try {
            bytes = Settings.bytes(API_BODY_LIMIT_BYTES, text);
        } catch (ConfigurationException e) {
            bytes = -1;
        }
        if (bytes >= 1024 && bytes <= 1024 * 1024) {
            return (int) bytes;
        }
        throw new ConfigurationException(API_BODY_LIMIT_BYTES, "must be a size from 1K to 1M, such as 16384 or 16K, not '" + shown(text) + "'");
    }

    private static String shown(String text) {
        String oneLine = text.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() > 40 ? oneLine.substring(0, 40) + "…" : oneLine;
    }
}
