package org.duhbalkana.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serbian Cyrillic ↔ Serbian Latin (Gaj's alphabet), letter for letter.
 *
 * <h2>Letters</h2>
 * The 30 letters of the Serbian Cyrillic alphabet correspond one to one to the 30 letters of
 * the Latin alphabet, three of which are written with two characters: {@code љ = lj},
 * {@code њ = nj}, {@code џ = dž}. Capital {@code Љ Њ Џ} become {@code LJ NJ DŽ} in a word written
 * in capitals (the character before or after is an upper-case letter: {@code ЉУБАВ → LJUBAV},
 * {@code КОЊ → KONJ}) and {@code Lj Nj Dž} otherwise ({@code Љубав → Ljubav}, {@code Љ → Lj}).
 * Back to Cyrillic, {@code lj}, {@code Lj} and {@code LJ} are one letter while {@code lJ} is two;
 * likewise for {@code nj} and {@code dž}. {@code dj} is always two letters ({@code дј}): only
 * {@code đ} is {@code ђ}. The Unicode digraph characters {@code ǅ ǈ ǋ} and their case forms are
 * read as the corresponding digraph. Decomposed input ({@code c} + combining caron) is composed
 * (NFC) before conversion to Cyrillic.
 *
 * <h2>What is never converted</h2>
 * In both directions the following spans are copied unchanged:
 * <ul>
 *   <li>URLs: from {@code scheme://} (e.g. {@code http://}, {@code https://}) or {@code www.} up to
 *       the next white space;</li>
 *   <li>e-mail addresses ({@code ime.prezime@opstina.rs}, also with Cyrillic letters);</li>
 *   <li>code between backticks, {@code `like this`} (the backticks are kept);</li>
 *   <li>spans the author marks as foreign with double braces, {@code {{Wi-Fi}}}; here the braces
 *       are removed, so {@code toLatin("{{Wi-Fi}} мрежа")} is {@code "Wi-Fi mreža"} and
 *       {@code toCyrillic("{{Wi-Fi}} mreža")} is {@code "Wi-Fi мрежа"}.</li>
 * </ul>
 * An unclosed backtick or <code>&#123;&#123;</code> is ordinary text.
 * <p>
 * To Cyrillic, a word that contains a Latin letter the Serbian alphabet does not have
 * ({@code q w x y}, and likewise {@code ü é ø ß …}) is a foreign word and stays as it is, e.g.
 * {@code Windows}, {@code x-ray}. For this rule a word is a run of letters and digits, with
 * hyphens or apostrophes inside it ({@code Wi-Fi} is one word). Other foreign words
 * ({@code Facebook}) cannot be recognised and must be marked with {@code {{ }}}. To Latin, every
 * character that is not one of the 30 Serbian Cyrillic letters (Latin letters, digits,
 * punctuation, emoji, Cyrillic letters of other languages such as {@code щ ъ я}) is copied.
 *
 * <h2>Words where {@code lj}, {@code nj}, {@code dž} are two letters</h2>
 * In a few words a prefix ends in {@code n} or {@code d} and the stem begins with {@code j} or
 * {@code ž}; Latin cannot show this, so such stems are listed (case-insensitively, see
 * {@link #TWO_LETTER_STEMS}) and are converted to two Cyrillic letters when a word (a run of
 * letters) begins with the stem, directly or after one of the prefixes {@link #STEM_PREFIXES}:
 * {@code injekcija → инјекција}, {@code nadživeti → надживети}, {@code neodžaljen → неоджаљен}.
 * No stem with a two-letter {@code lj} is listed. Cyrillic to Latin needs no list: {@code инјекција
 * → injekcija}, and the list brings it back.
 *
 * <h2>Bulgarian</h2>
 * This class converts Serbian letters only. Bulgarian text must never be passed to
 * {@link #toLatin}: the letters Bulgarian shares with Serbian would be converted and the others
 * ({@code щ ъ ь ю я й}) left in Cyrillic, giving a mixture that is neither language
 * ({@code "Щастие" → "Щastie"}). For search, {@link SearchText#normalize} romanises such letters.
 *
 * <p>All methods accept {@code null} and then return {@code null} (or {@code false}).
 */
public final class SerbianTransliteration {

    /** The Serbian Cyrillic alphabet in its order, lower case; {@link #LATIN} is parallel. */
    private static final String CYRILLIC = "абвгдђежзијклљмнњопрстћуфхцчџш";

    private static final String[] LATIN = {
        "a", "b", "v", "g", "d", "đ", "e", "ž", "z", "i", "j", "k", "l", "lj", "m",
        "n", "nj", "o", "p", "r", "s", "t", "ć", "u", "f", "h", "c", "č", "dž", "š",
    };

    /**
     * Stems in which {@code nj} or {@code dž} stands for two letters. The bar marks where the
     * prefix ends: the characters on either side of it are two letters. A stem matches at the start of a
     * word, or after one of {@link #STEM_PREFIXES}, in any case.
     */
    static final List<String> TWO_LETTER_STEMS = List.of(
            "in|jek",      // injekcija, injektor            инјекција, инјектор
            "kon|jug",     // konjugacija, konjugovati       конјугација
            "kon|junk",    // konjunkcija, konjunktura       конјункција, конјунктура
            "kon|jekt",    // konjektura                     конјектура
            "van|jezič",   // vanjezički                     ванјезички
            "nad|živ",     // nadživeti, nadživjeti          надживети
            "nad|žnj",     // nadžnjeti                      наджњети
            "od|žal",      // odžaliti, odžaljen             оджалити
            "pod|žanr",    // podžanr                        поджанр
            "pod|župan");  // podžupan                       поджупан

    /** Prefixes before which a {@linkplain #TWO_LETTER_STEMS stem} is still recognised. */
    static final List<String> STEM_PREFIXES = List.of("ne", "anti");

    /** The stems without the bar, lower case. */
    private static final List<String> STEM_TEXTS = new ArrayList<>();

    /** For each stem, the index of the first of the two letters. */
    private static final List<Integer> STEM_SPLITS = new ArrayList<>();

    /** Index: a char of the Cyrillic block U+0400–U+045F; value: its Latin form, digraphs title case. */
    private static final String[] TO_LATIN = new String[0x60];

    /** Single Latin letters (both cases) to Cyrillic; digraphs are handled in code. */
    private static final Map<Character, Character> TO_CYRILLIC = new HashMap<>();

    static {
        for (int i = 0; i < CYRILLIC.length(); i++) {
            char lower = CYRILLIC.charAt(i);
            char upper = Character.toUpperCase(lower);
            String latin = LATIN[i];
            TO_LATIN[lower - 0x400] = latin;
            TO_LATIN[upper - 0x400] = Character.toUpperCase(latin.charAt(0)) + latin.substring(1);
            if (latin.length() == 1) {
                TO_CYRILLIC.put(latin.charAt(0), lower);
                TO_CYRILLIC.put(Character.toUpperCase(latin.charAt(0)), upper);
            }
        }
        for (String stem : TWO_LETTER_STEMS) {
            // the bar stands before the second of the two letters
            STEM_SPLITS.add(stem.indexOf('|') - 1);
            STEM_TEXTS.add(stem.replace("|", ""));
        }
    }

    /**
     * The spans copied unchanged. Group 1 is the content of a {@code {{…}}} span. The e-mail and
     * URL alternatives only start where no letter or digit precedes them, so that the scan stays
     * linear and an address is taken whole.
     */
    private static final Pattern PROTECTED = Pattern.compile(
            "`[^`]*`"
            + "|\\{\\{(.*?)\\}\\}"
            + "|(?<![\\p{L}\\p{N}])(?:[A-Za-z][A-Za-z0-9+.-]*://|(?i:www)\\.)[^\\s<>\"`]+"
            + "|(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+",
            Pattern.DOTALL);

    /** A word for the foreign-word rule: letters and digits, hyphens and apostrophes inside. */
    private static final Pattern WORD = Pattern.compile(
            "[\\p{L}\\p{M}\\p{N}]+(?:['’\\-‐][\\p{L}\\p{M}\\p{N}]+)*");

    /** A run of letters, where the two-letter stems are looked for. */
    private static final Pattern LETTERS = Pattern.compile("\\p{L}+");

    private SerbianTransliteration() {
    }

    /** Serbian Cyrillic to Serbian Latin, leaving protected spans alone and removing {@code {{ }}}. */
    public static String toLatin(String text) {
        return convert(text, SerbianTransliteration::lettersToLatin);
    }

    /** Serbian Latin to Serbian Cyrillic, leaving protected spans and foreign words alone and removing {@code {{ }}}. */
    public static String toCyrillic(String text) {
        return convert(text, SerbianTransliteration::plainToCyrillic);
    }

    /**
     * The text in the requested script: {@link #toCyrillic} or {@link #toLatin}. Text already in
     * that script comes back unchanged except that the {@code {{ }}} markers are removed.
     */
    public static String render(String text, boolean cyrillic) {
        return cyrillic ? toCyrillic(text) : toLatin(text);
    }

    /**
     * Whether the text has more Cyrillic letters than Latin letters (of any language), not
     * counting protected spans (URLs, e-mail addresses, code, {@code {{ }}} spans).
     */
    public static boolean isMostlyCyrillic(String text) {
        if (text == null) {
            return false;
        }
        int[] counts = new int[2]; // Cyrillic, Latin
        convert(text, plain -> {
            plain.codePoints().filter(Character::isLetter).forEach(cp -> {
                Character.UnicodeScript script = Character.UnicodeScript.of(cp);
                if (script == Character.UnicodeScript.CYRILLIC) {
                    counts[0]++;
                } else if (script == Character.UnicodeScript.LATIN) {
                    counts[1]++;
                }
            });
            return plain;
        });
        return counts[0] > counts[1];
    }

    /** The stems of {@link #TWO_LETTER_STEMS} as they are written, lower case, without the bar. */
    static List<String> twoLetterStems() {
        return List.copyOf(STEM_TEXTS);
    }

    /**
     * Applies {@code plainConverter} to the text between protected spans, copies URLs, e-mail
     * addresses and code as they are and {@code {{…}}} spans without their braces.
     */
    private static String convert(String text, UnaryOperator<String> plainConverter) {
        if (text == null) {
            return null;
        }
        Matcher span = PROTECTED.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 16);
        int plainStart = 0;
        while (span.find()) {
            out.append(plainConverter.apply(text.substring(plainStart, span.start())));
            String marked = span.group(1);
            out.append(marked != null ? marked : span.group());
            plainStart = span.end();
        }
        out.append(plainConverter.apply(text.substring(plainStart)));
        return out.toString();
    }

    /**
     * Every Serbian Cyrillic letter of the text to Latin, with no protected spans (also used by
     * {@link SearchText}).
     */
    static String lettersToLatin(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String latin = c >= 0x400 && c < 0x460 ? TO_LATIN[c - 0x400] : null;
            if (latin == null) {
                out.append(c);
            } else if (latin.length() == 2 && Character.isUpperCase(c)
                    && (upperCaseLetterBefore(text, i) || upperCaseLetterAfter(text, i + 1))) {
                // Љ, Њ, Џ in a word written in capitals: LJ, NJ, DŽ
                out.append(latin.toUpperCase(Locale.ROOT));
            } else {
                out.append(latin);
            }
        }
        return out.toString();
    }

    /** Whether the character before {@code index}, combining marks skipped, is an upper-case letter. */
    private static boolean upperCaseLetterBefore(String text, int index) {
        int i = index;
        while (i > 0) {
            int cp = text.codePointBefore(i);
            if (!isMark(cp)) {
                return Character.isUpperCase(cp);
            }
            i -= Character.charCount(cp);
        }
        return false;
    }

    /** Whether the character at {@code index}, combining marks skipped, is an upper-case letter. */
    private static boolean upperCaseLetterAfter(String text, int index) {
        int i = index;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (!isMark(cp)) {
                return Character.isUpperCase(cp);
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    /** Latin text without protected spans to Cyrillic, word by word. */
    private static String plainToCyrillic(String text) {
        String composed = Normalizer.isNormalized(text, Normalizer.Form.NFC)
                ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
        Matcher word = WORD.matcher(composed);
        StringBuilder out = new StringBuilder(composed.length());
        int last = 0;
        while (word.find()) {
            out.append(composed, last, word.start());
            String w = word.group();
            out.append(isForeign(w) ? w : wordToCyrillic(w));
            last = word.end();
        }
        out.append(composed, last, composed.length());
        return out.toString();
    }

    /** Whether the word has a Latin letter that is not in the Serbian Latin alphabet. */
    private static boolean isForeign(String word) {
        return word.codePoints().anyMatch(cp -> Character.isLetter(cp)
                && Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN
                && !(cp <= Character.MAX_VALUE && TO_CYRILLIC.containsKey((char) cp))
                && ligatureToCyrillic(cp) == 0);
    }

    private static String wordToCyrillic(String word) {
        boolean[] twoLetters = twoLetterPositions(word);
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!twoLetters[i] && i + 1 < word.length()) {
                char digraph = digraphToCyrillic(c, word.charAt(i + 1));
                if (digraph != 0) {
                    out.append(digraph);
                    i++;
                    continue;
                }
            }
            char ligature = ligatureToCyrillic(c);
            Character single = TO_CYRILLIC.get(c);
            out.append(ligature != 0 ? ligature : single != null ? single : c);
        }
        return out.toString();
    }

    /**
     * {@code lj}, {@code Lj}, {@code LJ} (and the same for {@code nj}, {@code dž}) as one Cyrillic
     * letter; 0 if the two characters are not such a digraph. A lower-case first letter before an
     * upper-case second ({@code lJ}) is two letters.
     */
    private static char digraphToCyrillic(char first, char second) {
        char lowerFirst = Character.toLowerCase(first);
        char lowerSecond = Character.toLowerCase(second);
        char letter;
        if ((lowerFirst == 'l' || lowerFirst == 'n') && lowerSecond == 'j') {
            letter = lowerFirst == 'l' ? 'љ' : 'њ';
        } else if (lowerFirst == 'd' && lowerSecond == 'ž') {
            letter = 'џ';
        } else {
            return 0;
        }
        if (Character.isUpperCase(first)) {
            return Character.toUpperCase(letter);
        }
        return Character.isUpperCase(second) ? 0 : letter;
    }

    /** The Unicode digraph characters ǅ, ǈ, ǋ in all their case forms; 0 for anything else. */
    private static char ligatureToCyrillic(int cp) {
        return switch (cp) {
            case 'Ǆ', 'ǅ' -> 'Џ';
            case 'ǆ' -> 'џ';
            case 'Ǉ', 'ǈ' -> 'Љ';
            case 'ǉ' -> 'љ';
            case 'Ǌ', 'ǋ' -> 'Њ';
            case 'ǌ' -> 'њ';
            default -> 0;
        };
    }

    /**
     * For each index of the word, whether a digraph starting there is two letters because a
     * {@linkplain #TWO_LETTER_STEMS listed stem} begins a run of letters (after an optional prefix).
     */
    private static boolean[] twoLetterPositions(String word) {
        boolean[] twoLetters = new boolean[word.length()];
        Matcher run = LETTERS.matcher(word);
        while (run.find()) {
            // per-char lower case keeps the indices of the word
            char[] chars = run.group().toCharArray();
            for (int i = 0; i < chars.length; i++) {
                chars[i] = Character.toLowerCase(chars[i]);
            }
            String lower = new String(chars);
            for (int s = 0; s < STEM_TEXTS.size(); s++) {
                String stem = STEM_TEXTS.get(s);
                if (lower.startsWith(stem)) {
                    twoLetters[run.start() + STEM_SPLITS.get(s)] = true;
                }
                for (String prefix : STEM_PREFIXES) {
                    if (lower.startsWith(stem, prefix.length()) && lower.startsWith(prefix)) {
                        twoLetters[run.start() + prefix.length() + STEM_SPLITS.get(s)] = true;
                    }
                }
            }
        }
        return twoLetters;
    }
}
