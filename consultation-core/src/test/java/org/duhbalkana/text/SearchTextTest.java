package org.duhbalkana.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duhbalkana.text.SearchText.normalize;
import static org.duhbalkana.text.SearchText.terms;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SearchTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"Zaječar", "Zajecar", "Зајечар", "ZAJEČAR", "ЗАЈЕЧАР", "zajeČar", "  Zaječar!  ", "Zajec\u030Car"})
    void zajecarInEveryScriptCaseAndSpelling(String text) {
        assertThat(normalize(text)).isEqualTo("zajecar");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Ново село                | novo selo",
        "Novo Selo                | novo selo",
        "Књажевац                 | knjazevac",
        "Ćuprija                  | cuprija",
        "Џеп                      | dzep",
        "DŽEP                     | dzep",
        "Šljivovica i žito        | sljivovica i zito",
        // đ is typed as dj
        "Đurđevdan                | djurdjevdan",
        "Ђурђевдан                | djurdjevdan",
        "Djurdjevdan              | djurdjevdan",
        "ĐURĐEVDAN                | djurdjevdan",
        // diacritics of other languages go too
        "Café München             | cafe munchen",
        // runs of anything but letters and digits are one space
        "Budžet -- 2025. (predlog)! | budzet 2025 predlog",
        "{{Wi-Fi}} `kod` mreža    | wi fi kod mreza",
        "https://zajecar.rs/Вести | https zajecar rs vesti",
        "🎉 Бор 🎉                 | bor",
    })
    void normalizes(String text, String expected) {
        assertThat(normalize(text)).isEqualTo(expected);
    }

    @Test
    void whiteSpaceAndSymbolsAreSeparators() {
        assertThat(normalize("a_b/c\\d\t\ne\u00A0f+g")).isEqualTo("a b c d e f g");
    }

    /**
     * Serbian transliteration runs first, so Bulgarian letters shared with Serbian get their Serbian
     * value: ч is č, then c (not the Bulgarian "ch"). What matters is that Bulgarian, its háček
     * spelling and the plain spelling meet.
     */
    @Test
    void bulgarianMatchesItsLatinSpellingsWithAndWithoutDiacritics() {
        assertThat(normalize("Чупрене")).isEqualTo(normalize("Čuprene")).isEqualTo(normalize("cuprene"))
                .isEqualTo(normalize("ЧУПРЕНЕ"));
        assertThat(normalize("Белоградчик")).isEqualTo(normalize("Belogradčik")).isEqualTo(normalize("belogradcik"));
        assertThat(normalize("Вършец")).isEqualTo(normalize("Varšec")).isEqualTo(normalize("varsec"));
    }

    @Test
    void bulgarianOnlyLettersUseTheBulgarianRomanisation() {
        assertThat(normalize("Щастие и ябълки")).isEqualTo("shtastie i yabalki");
        assertThat(normalize("Юбилей")).isEqualTo("yubiley");
        assertThat(normalize("кон ь ы э ё ѝ ѐ")).isEqualTo("kon y y e yo i e");
        assertThat(normalize("Ябълково ЩАСТИЕ")).isEqualTo("yabalkovo shtastie");
        // й written as и + combining breve is composed first
        assertThat(normalize("Юбилеи\u0306")).isEqualTo("yubiley");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "—", "!?", "🎉"})
    void nothingToSearchFor(String text) {
        assertThat(normalize(text)).isEmpty();
        assertThat(terms(text)).isEmpty();
    }

    @Test
    void termsAreDistinctNormalizedWordsInOrder() {
        assertThat(terms("Budžet Zaječar, BUDŽET: зајечар i 2025 a Бор"))
                .containsExactly("budzet", "zajecar", "2025", "bor");
    }

    @Test
    void termsDropWordsOfOneCharacter() {
        assertThat(terms("u Boru i Zaječaru, 7. jul")).containsExactly("boru", "zajecaru", "jul");
        assertThat(terms("Џ џ dž")).containsExactly("dz");
    }

    @Test
    void termsCannotBeModified() {
        assertThat(terms("Zaječar Bor")).isUnmodifiable();
    }
}
