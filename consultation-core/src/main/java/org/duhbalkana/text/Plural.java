package org.duhbalkana.text;

/**
 * The plural category of a count in each of our languages (Unicode CLDR plural rules for whole
 * numbers): English and Bulgarian tell one from other; Serbian also has "few" (2–4, 22–24, …) and
 * counts 21, 31, … as one, but 11–14 as other.
 */
public enum Plural {

    ONE, FEW, OTHER;

    public static Plural of(Language language, long count) {
        long n = Math.abs(count);
        if (!language.serbian()) {
            return n == 1 ? ONE : OTHER;
        }
        long last = n % 10;
        long lastTwo = n % 100;
        if (last == 1 && lastTwo != 11) {
            return ONE;
        }
        if (last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14)) {
            return FEW;
        }
        return OTHER;
    }

    /** The suffix of the bundle key for this category: {@code one}, {@code few} or {@code other}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
