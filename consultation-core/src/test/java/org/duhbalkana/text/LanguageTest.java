package org.duhbalkana.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "sr-Latn-RS,sr;q=0.8,en;q=0.5 | SR_LATN",
        "sr-Cyrl                      | SR_CYRL",
        "sr-RS,sr;q=0.9               | SR_CYRL",
        "sr-ME                        | SR_LATN",
        "hr-HR,hr;q=0.9               | SR_LATN",
        "bg-BG,bg;q=0.9,en;q=0.7      | BG",
        "mk                           | BG",
        "de-DE,en-GB;q=0.8            | EN",
        "fr-FR,de;q=0.5               | SR_LATN",
        "en;q=0.3,bg;q=0.9            | BG",
        "*                            | SR_LATN",
    })
    void theBrowsersPreferenceDecidesTheFirstVisit(String header, Language expected) {
        assertThat(Language.negotiate(header)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {";;;", "q=abc", "en;q=2"})
    void aMissingOrMalformedHeaderGivesTheDefault(String header) {
        assertThat(Language.negotiate(header)).isEqualTo(Language.DEFAULT);
    }

    @Test
    void tagsAndLocalesGoBothWays() {
        for (Language language : Language.values()) {
            assertThat(Language.ofTag(language.tag())).contains(language);
            assertThat(Language.of(language.locale())).contains(language);
            assertThat(Locale.forLanguageTag(language.tag())).isEqualTo(language.locale());
        }
        assertThat(Language.ofTag("SR-latn")).contains(Language.SR_LATN);
        assertThat(Language.ofTag("de")).isEmpty();
        assertThat(Language.ofTag(null)).isEmpty();
    }

    @Test
    void cyrillicReadersAreSerbianCyrillicAndBulgarian() {
        assertThat(Language.SR_CYRL.cyrillic()).isTrue();
        assertThat(Language.BG.cyrillic()).isTrue();
        assertThat(Language.SR_LATN.cyrillic()).isFalse();
        assertThat(Language.EN.cyrillic()).isFalse();
    }
}
