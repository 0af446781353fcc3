package org.duhbalkana.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Plural categories as CLDR gives them for whole numbers. */
class PluralTest {

    @ParameterizedTest(name = "{0}: {1} is {2}")
    @CsvSource({
        "sr-Latn, 1, ONE", "sr-Latn, 21, ONE", "sr-Latn, 101, ONE", "sr-Cyrl, 1001, ONE",
        "sr-Latn, 2, FEW", "sr-Latn, 4, FEW", "sr-Latn, 22, FEW", "sr-Cyrl, 34, FEW", "sr-Latn, 102, FEW",
        "sr-Latn, 0, OTHER", "sr-Latn, 5, OTHER", "sr-Latn, 11, OTHER", "sr-Latn, 12, OTHER", "sr-Latn, 14, OTHER",
        "sr-Cyrl, 111, OTHER", "sr-Latn, 112, OTHER", "sr-Latn, 24000, OTHER", "sr-Latn, 25, OTHER",
        "bg, 1, ONE", "bg, 2, OTHER", "bg, 21, OTHER", "bg, 0, OTHER",
        "en, 1, ONE", "en, 2, OTHER", "en, 21, OTHER", "en, 0, OTHER"})
    void categories(String tag, long count, Plural expected) {
        assertThat(Plural.of(Language.ofTag(tag).orElseThrow(), count)).isEqualTo(expected);
    }
}
