package org.duhbalkana.notification;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
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

/**
 * The four bundles of the mails: every bundle has every key, no value is blank and a key has the
 * same MessageFormat placeholders in every bundle. No script check: bodies carry links.
 */
class MailBundleTest {

    private static final String FOLDER = "org/duhbalkana/notification/";
    private static final List<String> BUNDLES = List.of("mail", "mail_sr_Latn", "mail_sr_Cyrl", "mail_bg");

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
        List<String> problems = new ArrayList<>();
        for (String key : allKeys()) {
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
        try (InputStream in = MailBundleTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("class path resource %s", resource).isNotNull();
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(in, UTF_8)) {
                properties.load(reader);
            }
            return properties;
        }
    }
}
