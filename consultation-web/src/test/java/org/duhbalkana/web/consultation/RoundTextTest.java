package org.duhbalkana.web.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import org.duhbalkana.text.Language;
import org.junit.jupiter.api.Test;

/** The {@code lang} a comment's text gets, told from its letters (a comment carries no language of its own). */
class RoundTextTest {

    @Test
    void bulgarianAndSerbianCyrillicAreToldApartByTheirOwnLetters() {
        assertThat(RoundText.commentLang("Подкрепям предложението за пътя.", Language.EN)).isEqualTo("bg");
        assertThat(RoundText.commentLang("Подржавам предлог, али треба више пијаца.", Language.BG)).isEqualTo("sr-Cyrl");
        // no letter only one of them uses: the reader's side decides
        assertThat(RoundText.commentLang("Добро е.", Language.BG)).isEqualTo("bg");
        assertThat(RoundText.commentLang("Добро.", Language.SR_CYRL)).isEqualTo("sr-Cyrl");
    }

    @Test
    void latinIsSerbianWithItsDiacriticsOrEnglishWithItsWords() {
        assertThat(RoundText.commentLang("Podržavam predlog, ali treba više pijaca.", Language.EN)).isEqualTo("sr-Latn");
        assertThat(RoundText.commentLang("We should keep the market open on Sundays.", Language.SR_LATN)).isEqualTo("en");
        assertThat(RoundText.commentLang("Dobro je", Language.EN)).isEqualTo("en");
        assertThat(RoundText.commentLang("Dobro je", Language.BG)).isEqualTo("sr-Latn");
    }

    @Test
    void textWithoutLettersGetsNone() {
        assertThat(RoundText.commentLang("123 — !", Language.EN)).isNull();
        assertThat(RoundText.commentLang(null, Language.EN)).isNull();
    }
}
