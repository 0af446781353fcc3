package org.duhbalkana.web.i18n;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The four bundles of the site's text: every bundle has every key, no value is blank, a key has the
 * same MessageFormat placeholders in every bundle, and each bundle is written in its own script.
 */
class BundleCompletenessTest {

    private static final String FOLDER = "org/duhbalkana/web/i18n/";
    private static final List<String> BUNDLES =
            List.of("messages", "messages_sr_Latn", "messages_sr_Cyrl", "messages_bg");

    /**
     * The only Latin text allowed in the Cyrillic bundles (sr_Cyrl and bg), as exact substrings: the
     * name of the data export's file format and the example e-mail addresses of validation.email
     * (an address is written in Latin letters whatever the page's script). Everything else, names
     * and abbreviations included (РАРИС, Видин), is written in Cyrillic. The language.* keys are
     * exempt from the script check: each language's name is written in its own script.
     */
    static final List<String> LATIN_ALLOWED_IN_CYRILLIC = List.of("JSON", "ime@primer.rs", "ime@primer.bg");

    /** {0}, {1,number}, {2,choice,…}: the argument index. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[,}]");

    private static final Map<String, Properties> bundles = new LinkedHashMap<>();

    @BeforeAll
    static void load() throws IOException {
        for (String name : BUNDLES) {
            bundles.put(name, read(name));
        }
    }

    @Test
    void everyBundleHasEveryKey() {
        Set<String> union = allKeys();
        List<String> problems = new ArrayList<>();
        bundles.forEach((name, bundle) -> {
            Set<String> missing = new TreeSet<>(union);
            missing.removeAll(bundle.stringPropertyNames());
            if (!missing.isEmpty()) {
                problems.add(name + " lacks keys " + missing);
            }
        });
        assertNone(problems);
    }

    @Test
    void noValueIsBlank() {
        List<String> problems = new ArrayList<>();
        bundles.forEach((name, bundle) -> {
            Set<String> blank = new TreeSet<>();
            bundle.stringPropertyNames().stream().filter(key -> bundle.getProperty(key).isBlank()).forEach(blank::add);
            if (!blank.isEmpty()) {
                problems.add(name + " has blank values for " + blank);
            }
        });
        assertNone(problems);
    }

    @Test
    void aKeyHasTheSamePlaceholdersInEveryBundle() {
        Set<String> union = allKeys();
        List<String> problems = new ArrayList<>();
        for (String key : union) {
            Map<String, Set<Integer>> found = new LinkedHashMap<>();
            bundles.forEach((name, bundle) -> {
                if (bundle.getProperty(key) != null) {
                    found.put(name, placeholders(bundle.getProperty(key)));
                }
            });
            if (Set.copyOf(found.values()).size() > 1) {
                problems.add("placeholders of " + key + " differ: " + found);
            }
        }
        assertNone(problems);
    }

    @ParameterizedTest(name = "{0} has no {1} letters")
    @CsvSource({
            "messages,         CYRILLIC",
            "messages_sr_Latn, CYRILLIC",
            "messages_sr_Cyrl, LATIN",
            "messages_bg,      LATIN"})
    void eachBundleIsWrittenInItsOwnScript(String name, UnicodeScript foreign) {
        Properties bundle = bundles.get(name);
        List<String> problems = new ArrayList<>();
        for (String key : new TreeSet<>(bundle.stringPropertyNames())) {
            if (key.startsWith("language.")) {
                continue;
            }
            String value = bundle.getProperty(key);
            String checked = value;
            if (foreign == UnicodeScript.LATIN) {
                for (String allowed : LATIN_ALLOWED_IN_CYRILLIC) {
                    checked = checked.replace(allowed, "");
                }
            }
            boolean wrongScript = checked.codePoints()
                    .anyMatch(c -> Character.isLetter(c) && UnicodeScript.of(c) == foreign);
            if (wrongScript) {
                problems.add(name + ": " + key + " has " + foreign + " letters: " + value);
            }
        }
        assertNone(problems);
    }

    private static Set<String> allKeys() {
        Set<String> union = new TreeSet<>();
        bundles.values().forEach(bundle -> union.addAll(bundle.stringPropertyNames()));
        return union;
    }

    private static Set<Integer> placeholders(String value) {
        Set<Integer> indexes = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(value);
        while (matcher.find()) {
            indexes.add(Integer.valueOf(matcher.group(1)));
        }
        return indexes;
    }

    private static void assertNone(List<String> problems) {
        assertThat(problems).withFailMessage("%s", String.join(System.lineSeparator(), problems)).isEmpty();
    }

    private static Properties read(String name) throws IOException {
        String resource = FOLDER + name + ".properties";
        try (InputStream in = BundleCompletenessTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("class path resource %s", resource).isNotNull();
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(in, UTF_8)) {
                properties.load(reader);
            }
            return properties;
        }
    }
}
