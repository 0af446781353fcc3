package org.duhbalkana.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A signer's name in a mail can never read as a link, an address or a number to call. */
class SignerNameTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "Ana Ilić|Ana Ilić",
        "Иван Петров|Иван Петров",
        "Ana-Marija O'Brien|Ana-Marija O'Brien",
        "www.evil.example|www evil example",
        "Visit https://evil.example/x now|Visit https evil example x now",
        "ana@evil.example|ana evil example",
        "Call 0800 123 456|Call",
        "J. R. Tolkien|J R Tolkien",
        "Ana\u202eelgoog\u202c|Ana elgoog",
        "Ana\u0000\u0007Ilić|Ana Ilić"})
    void keepsLettersSpacesHyphensAndApostrophesOnly(String typed, String inMail) {
        assertThat(SignerName.forMail(typed)).isEqualTo(inMail);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {"evil.example", "x://y", "a@b", "www.x"})
    void nothingLinkLikeRemains(String typed) {
        assertThat(SignerName.forMail(typed)).doesNotContain(".", ":", "/", "@");
    }
}
