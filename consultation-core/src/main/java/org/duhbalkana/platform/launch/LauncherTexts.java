package org.duhbalkana.platform.launch;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import org.duhbalkana.text.Language;

/**
 * The few sentences the launcher itself shows (while the site starts, and on the pages for
 * requests that never reach the application), in the four languages, from
 * {@code starting-<tag>.properties} next to this class.
 */
final class LauncherTexts {

    private static final Map<Language, Properties> TEXTS = load();

    private LauncherTexts() {
    }

    /** The sentence for this key in this language. */
    static String text(Language language, String key) {
        String text = TEXTS.get(language).getProperty(key);
        if (text == null) {
            throw new IllegalArgumentException("No launcher text " + key + " for " + language.tag());
        }
        return text;
    }

    /** The keys of one language's texts (for the completeness test). */
    static java.util.Set<String> keys(Language language) {
        return TEXTS.get(language).stringPropertyNames();
    }

    private static Map<Language, Properties> load() {
        Map<Language, Properties> texts = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            String name = "starting-" + language.tag() + ".properties";
            try (InputStream in = LauncherTexts.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("Missing resource " + name);
                }
                Properties properties = new Properties();
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                texts.put(language, properties);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return texts;
    }

    /** Text for HTML element content and attribute values. */
    static String html(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Text as a JSON string literal, quotes included. */
    static String json(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
