package org.duhbalkana.web.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import org.duhbalkana.testing.Bundles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The four bundles of the site's text: every bundle has every key, no value is blank, a key has the
 * same MessageFormat placeholders in every bundle, and each bundle is written in its own script.
 * A key that one bundle has and another lacks fails the build.
 */
class BundleCompletenessTest {

    private static final Bundles BUNDLES = new Bundles("org/duhbalkana/web/i18n/",
            List.of("messages", "messages_sr_Latn", "messages_sr_Cyrl", "messages_bg"));

    /**
     * The only Latin text allowed in the Cyrillic bundles (sr_Cyrl and bg), as exact substrings: the
     * name of the data export's file format and the example e-mail addresses of validation.email
     * (an address is written in Latin letters whatever the page's script). Everything else, names
     * and abbreviations included (РАРИС, Видин), is written in Cyrillic. The language.* keys are
     * exempt from the script check: each language's name is written in its own script.
     */
    static final List<String> LATIN_ALLOWED_IN_CYRILLIC = List.of("JSON", "ime@primer.rs", "ime@primer.bg");

    @Test
    void everyBundleHasEveryKey() {
        assertThat(BUNDLES.missingKeys()).isEmpty();
    }

    @Test
    void noValueIsBlank() {
        assertThat(BUNDLES.blankValues()).isEmpty();
    }

    @Test
    void aKeyHasTheSamePlaceholdersInEveryBundle() {
        assertThat(BUNDLES.placeholderMismatches()).isEmpty();
    }

    @ParameterizedTest(name = "{0} has no {1} letters")
    @CsvSource({
            "messages,         CYRILLIC",
            "messages_sr_Latn, CYRILLIC",
            "messages_sr_Cyrl, LATIN",
            "messages_bg,      LATIN"})
    void eachBundleIsWrittenInItsOwnScript(String name, UnicodeScript foreign) {
        Properties bundle = BUNDLES.get(name);
        List<String> problems = new ArrayList<>();
        for (String key : new TreeSet<>(bundle.stringPropertyNames())) {
            if (key.startsWith("language.")) {
                continue;
            }
            String value = bundle.getProperty(key);
            // MessageFormat's own words ({0,choice,…}) are not text.
            String checked = value.replaceAll("\\{\\d+,(choice|number|date|time)", "{");
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
        assertThat(problems).isEmpty();
    }
}
