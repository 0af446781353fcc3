package org.duhbalkana.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duhbalkana.text.SerbianTransliteration.isMostlyCyrillic;
import static org.duhbalkana.text.SerbianTransliteration.render;
import static org.duhbalkana.text.SerbianTransliteration.toCyrillic;
import static org.duhbalkana.text.SerbianTransliteration.toLatin;

import java.util.Locale;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SerbianTransliterationTest {

    @Nested
    class Alphabet {

        /** Lower Cyrillic | lower Latin | upper Cyrillic | upper Latin alone | upper Latin in a capitals word. */
        @ParameterizedTest(name = "{0} {2} <-> {1} {3} {4}")
        @CsvSource(delimiter = '|', value = {
            "а | a  | А | A  | A",
            "б | b  | Б | B  | B",
            "в | v  | В | V  | V",
            "г | g  | Г | G  | G",
            "д | d  | Д | D  | D",
            "ђ | đ  | Ђ | Đ  | Đ",
            "е | e  | Е | E  | E",
            "ж | ž  | Ж | Ž  | Ž",
            "з | z  | З | Z  | Z",
            "и | i  | И | I  | I",
            "ј | j  | Ј | J  | J",
            "к | k  | К | K  | K",
            "л | l  | Л | L  | L",
            "љ | lj | Љ | Lj | LJ",
            "м | m  | М | M  | M",
            "н | n  | Н | N  | N",
            "њ | nj | Њ | Nj | NJ",
            "о | o  | О | O  | O",
            "п | p  | П | P  | P",
            "р | r  | Р | R  | R",
            "с | s  | С | S  | S",
            "т | t  | Т | T  | T",
            "ћ | ć  | Ћ | Ć  | Ć",
            "у | u  | У | U  | U",
            "ф | f  | Ф | F  | F",
            "х | h  | Х | H  | H",
            "ц | c  | Ц | C  | C",
            "ч | č  | Ч | Č  | Č",
            "џ | dž | Џ | Dž | DŽ",
            "ш | š  | Ш | Š  | Š",
        })
        void everyLetterBothWaysInBothCases(String cyrillic, String latin, String upperCyrillic,
                String upperLatin, String capitalsLatin) {
            assertThat(toLatin(cyrillic)).isEqualTo(latin);
            assertThat(toCyrillic(latin)).isEqualTo(cyrillic);
            assertThat(toLatin(upperCyrillic)).isEqualTo(upperLatin);
            assertThat(toCyrillic(upperLatin)).isEqualTo(upperCyrillic);
            // inside a word written in capitals
            assertThat(toLatin("А" + upperCyrillic + "А")).isEqualTo("A" + capitalsLatin + "A");
            assertThat(toCyrillic("A" + capitalsLatin + "A")).isEqualTo("А" + upperCyrillic + "А");
        }

        @Test
        void theWholeAlphabetInOneString() {
            String cyrillic = "абвгдђежзијклљмнњопрстћуфхцчџш";
            String latin = "abvgdđežzijklljmnnjoprstćufhcčdžš";
            assertThat(cyrillic).hasSize(30);
            assertThat(toLatin(cyrillic)).isEqualTo(latin);
            assertThat(toCyrillic(latin)).isEqualTo(cyrillic);
            String upperCyrillic = cyrillic.toUpperCase(Locale.ROOT);
            String upperLatin = latin.toUpperCase(Locale.ROOT);
            assertThat(toLatin(upperCyrillic)).isEqualTo(upperLatin);
            assertThat(toCyrillic(upperLatin)).isEqualTo(upperCyrillic);
        }

        @Test
        void sentences() {
            assertThat(toLatin("Јавна расправа о буџету општине Зајечар почиње у среду."))
                    .isEqualTo("Javna rasprava o budžetu opštine Zaječar počinje u sredu.");
            assertThat(toCyrillic("Javna rasprava o budžetu opštine Zaječar počinje u sredu."))
                    .isEqualTo("Јавна расправа о буџету општине Зајечар почиње у среду.");
            assertThat(toCyrillic("Ćuprija, Đerdap, Šljivovica, Žagubica, Čačak"))
                    .isEqualTo("Ћуприја, Ђердап, Шљивовица, Жагубица, Чачак");
        }
    }

    @Nested
    class Digraphs {

        @ParameterizedTest(name = "{0} <-> {1}")
        @CsvSource(delimiter = '|', value = {
            // word start: lower, title, capitals
            "љубав   | ljubav",
            "Љубав   | Ljubav",
            "ЉУБАВ   | LJUBAV",
            "њива    | njiva",
            "Његош   | Njegoš",
            "ЊЕГОШ   | NJEGOŠ",
            "џак     | džak",
            "Џак     | Džak",
            "ЏАК     | DŽAK",
            // middle
            "поље    | polje",
            "ПОЉЕ    | POLJE",
            "Књажевац | Knjaževac",
            "КЊАЖЕВАЦ | KNJAŽEVAC",
            "хоџа    | hodža",
            "ХОЏА    | HODŽA",
            // end
            "коњ     | konj",
            "КОЊ     | KONJ",
            "краљ    | kralj",
            "КРАЉ    | KRALJ",
            // alone
            "љ       | lj",
            "Љ       | Lj",
            "њ       | nj",
            "Њ       | Nj",
            "џ       | dž",
            "Џ       | Dž",
            // two digraphs together
            "ЉЊ      | LJNJ",
            "Њњ      | Njnj",
            // in sentences: a capital letter alone, a capitals word, a title word
            "Њ је слово, ЊЕГОШ пише Љубав | Nj je slovo, NJEGOŠ piše Ljubav",
            "ЏАК Џ ЏЕП                   | DŽAK Dž DŽEP",
            "СЛОВО Љ                     | SLOVO Lj",
        })
        void bothWays(String cyrillic, String latin) {
            assertThat(toLatin(cyrillic)).isEqualTo(latin);
            assertThat(toCyrillic(latin)).isEqualTo(cyrillic);
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
            // a capitals digraph alone is one letter too
            "LJ     | Љ",
            "NJ     | Њ",
            "DŽ     | Џ",
            "Lj Nj Dž | Љ Њ Џ",
            // lower case before capital: two letters
            "lJ     | лЈ",
            "nJ     | нЈ",
            "dŽ     | дЖ",
            "koNJ   | коЊ",
            "konJ   | конЈ",
            // mixed-case word
            "LjUBAV | ЉУБАВ",
            // dj is always two letters; only đ is ђ
            "dj     | дј",
            "Dj     | Дј",
            "DJ     | ДЈ",
            "odjek  | одјек",
            "podjela | подјела",
            "Đorđe  | Ђорђе",
            // Unicode digraph characters
            "ǈubav  | Љубав",
            "ǉubav  | љубав",
            "ǋegoš  | Његош",
            "ǄAK    | ЏАК",
            "ǆak    | џак",
        })
        void toCyrillicOnly(String latin, String cyrillic) {
            assertThat(toCyrillic(latin)).isEqualTo(cyrillic);
        }

        @Test
        void aTitleWordAfterACapitalLetterIsReadAsCapitals() {
            // the rule looks at the neighbours only: a capital letter right before makes it capitals
            assertThat(toLatin("АЉубав")).isEqualTo("ALJubav");
            assertThat(toLatin("Љу")).isEqualTo("Lju");
            assertThat(toLatin("ЉУ")).isEqualTo("LJU");
        }

        @Test
        void combiningMarksAreSkippedWhenLookingAtNeighbours() {
            assertThat(toLatin("ЉУ\u0301БАВ")).isEqualTo("LJU\u0301BAV");
            assertThat(toLatin("Љу\u0301бав")).isEqualTo("Lju\u0301bav");
        }

        @Test
        void decomposedLatinIsComposedFirst() {
            assertThat(toCyrillic("Zajec\u030Car")).isEqualTo("Зајечар");
            assertThat(toCyrillic("Dz\u030Cak")).isEqualTo("Џак");
        }
    }

    @Nested
    class TwoLetterStems {

        /** Latin | Cyrillic; each is also tested in title case and capitals. */
        @ParameterizedTest(name = "{0} <-> {1}")
        @CsvSource(delimiter = '|', value = {
            "injekcija        | инјекција",
            "injektor         | инјектор",
            "konjugacija      | конјугација",
            "konjunkcija      | конјункција",
            "konjunktura      | конјунктура",
            "konjektura       | конјектура",
            "vanjezički       | ванјезички",
            "nadživeti        | надживети",
            "nadžnjeti        | наджњети",
            "odžaliti         | оджалити",
            "podžanr          | поджанр",
            "podžupan         | поджупан",
            // after a prefix; the other digraphs of the word are still one letter
            "neodžaljen       | неоджаљен",
            "nekonjugovan     | неконјугован",
            "antikonjunkturni | антиконјунктурни",
            // a word inside a hyphenated compound starts a new run of letters
            "anti-injekcijski | анти-инјекцијски",
        })
        void inLowerTitleAndCapitals(String latin, String cyrillic) {
            assertThat(toCyrillic(latin)).isEqualTo(cyrillic);
            assertThat(toCyrillic(title(latin))).isEqualTo(title(cyrillic));
            assertThat(toCyrillic(latin.toUpperCase(Locale.ROOT))).isEqualTo(cyrillic.toUpperCase(Locale.ROOT));
            // and back: Cyrillic to Latin needs no list
            assertThat(toLatin(cyrillic)).isEqualTo(latin);
            assertThat(toLatin(title(cyrillic))).isEqualTo(title(latin));
            assertThat(toLatin(cyrillic.toUpperCase(Locale.ROOT))).isEqualTo(latin.toUpperCase(Locale.ROOT));
        }

        @Test
        void everyListedStemHasAnExampleAbove() {
            String examples = "injekcija injektor konjugacija konjunkcija konjunktura konjektura vanjezički "
                    + "nadživeti nadžnjeti odžaliti podžanr podžupan";
            assertThat(SerbianTransliteration.twoLetterStems())
                    .isNotEmpty()
                    .allSatisfy(stem -> assertThat(examples).contains(stem));
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
            // words that look like a stem but have the one-letter digraph
            "konj       | коњ",
            "konji      | коњи",
            "konjušnica | коњушница",
            "nadžak     | наџак",
            "odžak      | оџак",
            "odžačar    | оџачар",
            "njegov     | његов",
            "hodža      | хоџа",
            // a stem counts only at the start of a word (or after a listed prefix); made-up word
            "ranjektor  | рањектор",
        })
        void similarWordsKeepTheOneLetterDigraph(String latin, String cyrillic) {
            assertThat(toCyrillic(latin)).isEqualTo(cyrillic);
        }

        private static String title(String word) {
            return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
        }
    }

    @Nested
    class ProtectedSpans {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
            "Posetite https://zajecar.rs/konsultacije?id=7 danas | Посетите https://zajecar.rs/konsultacije?id=7 данас",
            "Vidi http://www.knjazevac.rs/vesti.                 | Види http://www.knjazevac.rs/vesti.",
            "Sajt www.opstina-knjazevac.rs je nov               | Сајт www.opstina-knjazevac.rs је нов",
            "(sajt WWW.NEGOTIN.RS)                              | (сајт WWW.NEGOTIN.RS)",
            "ftp://arhiva.rs/dokument.pdf je arhiva             | ftp://arhiva.rs/dokument.pdf је архива",
            "Pišite na info@zajecar.org.rs ili ljubica.nikolic@bor.rs | Пишите на info@zajecar.org.rs или ljubica.nikolic@bor.rs",
            "Pokrenite `mvn test -Dx=1` sada                    | Покрените `mvn test -Dx=1` сада",
            "{{Wi-Fi}} mreža                                    | Wi-Fi мрежа",
            "Stranica na {{Facebook}}-u                         | Страница на Facebook-у",
            "{{Džon}} i Džon                                    | Džon и Џон",
            "{{}}prazno                                         | празно",
            "dva {{Open}} {{Data}} skupa                        | два Open Data скупа",
        })
        void areLeftAloneByToCyrillic(String latin, String cyrillic) {
            assertThat(toCyrillic(latin)).isEqualTo(cyrillic);
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
            "{{Wi-Fi}} мрежа                          | Wi-Fi mreža",
            "{{Ђурђевдан}} је празник                 | Ђурђевдан je praznik",
            "Адреса https://пример.срб/страна важи    | Adresa https://пример.срб/страна važi",
            "Пишите на петар@пример.срб               | Pišite na петар@пример.срб",
            "Код `ђак = 1` ради                       | Kod `ђак = 1` radi",
        })
        void areLeftAloneByToLatin(String cyrillic, String latin) {
            assertThat(toLatin(cyrillic)).isEqualTo(latin);
        }

        @Test
        void bracesOfMarkedSpansAreRemovedEvenAcrossLines() {
            assertThat(toCyrillic("{{Open\nData}} i dalje")).isEqualTo("Open\nData и даље");
        }

        @Test
        void unclosedMarkersAreOrdinaryText() {
            assertThat(toCyrillic("kod `nije zatvoren")).isEqualTo("код `није затворен");
            assertThat(toCyrillic("{{nije zatvoren")).isEqualTo("{{није затворен");
            assertThat(toLatin("{{није затворен }")).isEqualTo("{{nije zatvoren }");
        }
    }

    @Nested
    class ForeignWords {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
            "Windows       | Windows",
            "x-ray         | x-ray",
            "Wi-Fi         | Wi-Fi",
            "Yahoo         | Yahoo",
            "quorum        | quorum",
            "XXI vek       | XXI век",
            "Windows-om    | Windows-om",
            "Win10 i Linux | Win10 и Linux",
            // a Latin letter outside the Serbian alphabet marks a foreign word as q, w, x, y do
            "München i Zaječar | München и Зајечар",
            "Ørsted        | Ørsted",
        })
        void wordsWithLettersSerbianDoesNotHaveStayAsTheyAre(String latin, String expected) {
            assertThat(toCyrillic(latin)).isEqualTo(expected);
        }

        @Test
        void everyOtherLatinWordIsConvertedSoForeignNamesMustBeMarked() {
            assertThat(toCyrillic("Facebook")).isEqualTo("Фацебоок");
            assertThat(toCyrillic("{{Facebook}}")).isEqualTo("Facebook");
        }
    }

    @Nested
    class OtherCharacters {

        @Test
        void digitsPunctuationAndEmojiPassBothWays() {
            assertThat(toLatin("Ђаци 🎉 2025: 100% ✓ — „да“ «не» (№ 5)!"))
                    .isEqualTo("Đaci 🎉 2025: 100% ✓ — „da“ «ne» (№ 5)!");
            assertThat(toCyrillic("Đaci 🎉 2025: 100% ✓ — „da“ «ne» (№ 5)!"))
                    .isEqualTo("Ђаци 🎉 2025: 100% ✓ — „да“ «не» (№ 5)!");
        }

        @Test
        void latinPassesThroughToLatinAndCyrillicThroughToCyrillic() {
            assertThat(toLatin("Zaječar, Windows, Đerdap")).isEqualTo("Zaječar, Windows, Đerdap");
            assertThat(toCyrillic("Зајечар, Ђердап")).isEqualTo("Зајечар, Ђердап");
        }

        /**
         * Letters Bulgarian shares with Serbian ({@code с т и е б л к а}) are converted, the
         * Bulgarian-only ones ({@code щ я ъ}) stay: the result is a mixture, which is why callers
         * must never send Bulgarian text to {@code toLatin}.
         */
        @Test
        void bulgarianOnlyLettersAreLeftButSharedLettersAreConverted() {
            assertThat(toLatin("Щастие и ябълки")).isEqualTo("Щastie i яbъlki");
            assertThat(toLatin("щ ъ ь ю я й ы э ё є ї ѝ Щ Ъ Я")).isEqualTo("щ ъ ь ю я й ы э ё є ї ѝ Щ Ъ Я");
        }

        @Test
        void nullAndEmpty() {
            assertThat(toLatin(null)).isNull();
            assertThat(toCyrillic(null)).isNull();
            assertThat(render(null, true)).isNull();
            assertThat(toLatin("")).isEmpty();
            assertThat(toCyrillic("")).isEmpty();
        }
    }

    @Nested
    class Render {

        @Test
        void convertsToTheRequestedScriptAndStripsMarkers() {
            assertThat(render("{{Wi-Fi}} mreža u Zaječaru", true)).isEqualTo("Wi-Fi мрежа у Зајечару");
            assertThat(render("{{Wi-Fi}} мрежа у Зајечару", false)).isEqualTo("Wi-Fi mreža u Zaječaru");
        }

        @Test
        void textAlreadyInTheTargetScriptOnlyLosesItsMarkers() {
            assertThat(render("{{Wi-Fi}} мрежа у Зајечару", true)).isEqualTo("Wi-Fi мрежа у Зајечару");
            assertThat(render("{{Wi-Fi}} mreža u Zaječaru", false)).isEqualTo("Wi-Fi mreža u Zaječaru");
            assertThat(render("Љубав", true)).isEqualTo("Љубав");
            assertThat(render("Ljubav", false)).isEqualTo("Ljubav");
        }
    }

    @Nested
    class MostlyCyrillic {

        @ParameterizedTest
        @ValueSource(strings = {
            "Зајечар",
            "Општина Зајечар, https://zajecar.info/opstina-zajecar",
            "Пишите на konsultacije@zajecar.org.rs",
            "Зајечар и Windows",
            "Щастие",
        })
        void moreCyrillicLetters(String text) {
            assertThat(isMostlyCyrillic(text)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "", "2025 🎉 !", "Zaječar", "Зајечар Windows", "Zaječar и Бор", "{{Ђурђевдан}} je praznik",
        })
        void notMoreCyrillicLetters(String text) {
            assertThat(isMostlyCyrillic(text)).isFalse();
        }

        @Test
        void nullIsNotCyrillic() {
            assertThat(isMostlyCyrillic(null)).isFalse();
        }
    }
}
