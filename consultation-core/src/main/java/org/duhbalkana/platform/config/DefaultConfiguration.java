package org.duhbalkana.platform.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the configuration keys the way MicroProfile Config does, for code that runs outside the
 * server (the launcher, tests): a system property first, then an environment variable, then the
 * default in {@code META-INF/microprofile-config.properties}, with {@code ${KEY}} expressions
 * expanded. An empty value counts as not set, as in MicroProfile Config.
 */
public final class DefaultConfiguration implements Function<String, Optional<String>> {

    static final String DEFAULTS = "META-INF/microprofile-config.properties";
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([A-Za-z0-9_.]+)}");

    private final Properties defaults;
    private final Map<String, String> environment;
    private final Properties system;

    public DefaultConfiguration(Map<String, String> environment, Properties system) {
        this.defaults = loadDefaults();
        this.environment = environment;
        this.system = system;
    }

    /** The configuration of this process. */
    public static DefaultConfiguration ofThisProcess() {
        return new DefaultConfiguration(System.getenv(), System.getProperties());
    }

    @Override
    public Optional<String> apply(String key) {
        return raw(key, 0).map(value -> expand(value, 0));
    }

    private Optional<String> raw(String key, int depth) {
        String value = system.getProperty(key);
        if (value == null || value.isEmpty()) {
            value = environment.get(key);
        }
        if (value == null || value.isEmpty()) {
            value = defaults.getProperty(key);
        }
        return Optional.ofNullable(value).filter(v -> !v.isEmpty());
    }

    private String expand(String value, int depth) {
        if (depth > 8) {
            throw new ConfigurationException("configuration", "has a ${...} expression that refers to itself");
        }
        Matcher matcher = EXPRESSION.matcher(value);
        StringBuilder expanded = new StringBuilder();
        while (matcher.find()) {
            String key = matcher.group(1);
            String replacement = raw(key, depth + 1)
                    .map(v -> expand(v, depth + 1))
                    .orElseThrow(() -> new ConfigurationException(key, "is not set and has no default"));
            matcher.appendReplacement(expanded, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(expanded);
        return expanded.toString();
    }

    private static Properties loadDefaults() {
        Properties properties = new Properties();
        try (InputStream in = DefaultConfiguration.class.getClassLoader().getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS + " is missing from the class path");
            }
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
