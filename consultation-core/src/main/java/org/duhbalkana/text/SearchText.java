package org.duhbalkana.text;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Text for searching: one form for a search column and for the queries matched against it, so
 * that script, case and diacritics do not matter ({@code Зајечар}, {@code ZAJEČAR},
 * {@code Zajecar} are all {@code zajecar}).
 * <p>
 * {@link #normalize} works in this order:
 * <ol>
 *   <li>compose (NFC), so that {@code и} + combining breve is {@code й};</li>
 *   <li>Serbian Cyrillic letters to Serbian Latin as {@link SerbianTransliteration} does (here
 *       in the whole text: URLs, code and {@code {{ }}} spans too);</li>
 *   <li>lower case ({@link Locale#ROOT});</li>
 *   <li>the Cyrillic letters that are not Serbian, with the Bulgarian official romanisation:
 *       {@code щ → sht, ъ → a, ь → y, ю → yu, я → ya, й → y}, and {@code ы → y, э → e,
 *       ё → yo, ѝ → i, ѐ → e}; other letters are kept;</li>
 *   <li>{@code đ → dj}, as people type it when they have no {@code đ} (so {@code Đurđevdan}
 *       matches {@code Djurdjevdan}, but not {@code Durdevdan}); NFD does not decompose
 *       {@code đ}, hence the explicit rule;</li>
 *   <li>diacritics removed (NFD, then combining marks dropped): {@code č ć → c, š → s,
 *       ž → z}, so {@code dž → dz};</li>
 *   <li>every run of characters that are neither letters nor digits to one space, trimmed.</li>
 * </ol>
 * Because the Serbian step comes first, Bulgarian letters shared with Serbian take their Serbian
 * value and lose the diacritic: {@code Чупрене → čuprene → cuprene}, {@code Шумен → sumen}, not the
 * Bulgarian romanisation {@code Chuprene}, {@code Shumen}. Bulgarian text, its Latin spelling with
 * háčeks and the same without diacritics all match each other, which is what a search needs; a
 * query in the Bulgarian romanisation ({@code ch}, {@code sh}, {@code zh}) does not match.
 */
public final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SearchText() {
    }

    /** The search form of the text; "" for {@code null}. */
    public static String normalize(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String latin = SerbianTransliteration.lettersToLatin(Normalizer.normalize(text, Normalizer.Form.NFC))
                .toLowerCase(Locale.ROOT);
        StringBuilder romanised = new StringBuilder(latin.length() + 8);
        for (int i = 0; i < latin.length(); i++) {
            char c = latin.charAt(i);
            switch (c) {
                case 'щ' -> romanised.append("sht");
                case 'ъ' -> romanised.append('a');
                case 'ь', 'й', 'ы' -> romanised.append('y');
                case 'ю' -> romanised.append("yu");
                case 'я' -> romanised.append("ya");
                case 'э', 'ѐ' -> romanised.append('e');
                case 'ё' -> romanised.append("yo");
                case 'ѝ' -> romanised.append('i');
                case 'đ' -> romanised.append("dj");
                default -> romanised.append(c);
            }
        }
        String plain = MARKS.matcher(Normalizer.normalize(romanised, Normalizer.Form.NFD)).replaceAll("");
        return SEPARATORS.matcher(plain).replaceAll(" ").strip();
    }

    /** The longest search column kept: the first 10,000 characters of a text are searchable. */
    public static final int MAX_COLUMN = 10_000;

    /** The search column of a text made of these parts (title, body …), normalised and cut to {@link #MAX_COLUMN}. */
    public static String column(String... parts) {
        String joined = normalize(String.join(" ", java.util.Arrays.stream(parts).filter(java.util.Objects::nonNull).toList()));
        return joined.length() > MAX_COLUMN ? joined.substring(0, MAX_COLUMN) : joined;
    }

    /**
     * The distinct words of the normalised query, in their order, without words of fewer than
     * two characters.
     */
    public static List<String> terms(String query) {
        String normalized = normalize(query);
        if (normalized.isEmpty()) {
            return List.of();
        }
        Set<String> terms = new LinkedHashSet<>();
        for (String term : normalized.split(" ")) {
            if (term.codePointCount(0, term.length()) >= 2) {
                terms.add(term);
            }
        }
        return List.copyOf(terms);
    }
}
