package org.duhbalkana.platform.config;

/**
 * A configuration key holds a value the platform cannot use. The message is one line that
 * names the key and what is wrong with it, and never repeats a secret.
 */
public class ConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;

    public ConfigurationException(String key, String problem) {
        super(key + " " + problem);
        this.key = key;
    }

    /** The configuration key at fault, such as {@code DB_URL}. */
    public String key() {
        return key;
    }
}
