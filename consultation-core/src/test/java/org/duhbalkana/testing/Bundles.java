package org.duhbalkana.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The resource bundles of one kind in the four languages, read as Java reads them (UTF-8), and
 * the checks every set of bundles must pass. Each check returns its problems, one line each.
 */
public final class Bundles {

    /** {0}, {1,number}, {2,choice,…}: the argument index. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[,}]");

    private final Map<String, Properties> bundles = new LinkedHashMap<>();

    /**
     * @param folder the class path folder, such as {@code org/duhbalkana/web/i18n/}
     * @param names  the bundles' file names without {@code .properties}
     */
    public Bundles(String folder, List<String> names) {
        for (String name : names) {
            bundles.put(name, read(folder + name + ".properties"));
        }
    }

    public Properties get(String name) {
        return bundles.get(name);
    }

    public List<String> missingKeys() {
        Set<String> union = allKeys();
        List<String> problems = new ArrayList<>();
        bundles.forEach((name, bundle) -> {
            Set<String> missing = new TreeSet<>(union);
            missing.removeAll(bundle.stringPropertyNames());
            if (!missing.isEmpty()) {
                problems.add(name + " lacks keys " + missing);
            }
        });
        return problems;
    }

    public List<String> blankValues() {
        List<String> problems = new ArrayList<>();
        bundles.forEach((name, bundle) -> {
            Set<String> blank = new TreeSet<>();
            bundle.stringPropertyNames().stream().filter(key -> bundle.getProperty(key).isBlank()).forEach(blank::add);
            if (!blank.isEmpty()) {
                problems.add(name + " has blank values for " + blank);
            }
        });
        return problems;
    }

    public List<String> placeholderMismatches() {
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
        return problems;
    }

    private Set<String> allKeys() {
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

    private static Properties read(String resource) {
        try (InputStream in = Bundles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no class path resource " + resource);
            }
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(in, UTF_8)) {
                properties.load(reader);
            }
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
