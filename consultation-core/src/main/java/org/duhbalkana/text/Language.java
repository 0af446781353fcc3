package org.duhbalkana.text;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The four languages of the platform. Serbian is one language written in two scripts, and each
 * script is a language choice of its own for the reader.
 */
public enum Language {

    SR_LATN("sr-Latn", false),
    SR_CYRL("sr-Cyrl", true),
    BG("bg", true),
    EN("en", false);

    /** The language of a visitor whose browser asks for none of ours. */
    public static final Language DEFAULT = SR_LATN;

    private final String tag;
    private final Locale locale;
    private final boolean cyrillic;

    Language(String tag, boolean cyrillic) {
        this.tag = tag;
        this.locale = Locale.forLanguageTag(tag);
        this.cyrillic = cyrillic;
    }

    /** The BCP 47 tag, as used in {@code lang} attributes, cookies and URLs. */
    public String tag() {
        return tag;
    }

    public Locale locale() {
        return locale;
    }

    /** Whether the reader of this language reads Cyrillic. */
    public boolean cyrillic() {
        return cyrillic;
    }

    /** Whether this is Serbian, in either script. */
    public boolean serbian() {
        return this == SR_LATN || this == SR_CYRL;
    }

    /**
     * Whether a reader of this language reads text written in {@code other} as their own: the same
     * language, or Serbian in either script (shown in the reader's script).
     */
    public boolean sameLanguage(Language other) {
        return this == other || serbian() && other != null && other.serbian();
    }

    /**
     * The language apart from its script, as content is tagged by: {@code sr}, {@code bg} or
     * {@code en}.
     */
    public String family() {
        return serbian() ? "sr" : tag;
    }

    /** The language with this exact tag (case does not matter). */
    public static Optional<Language> ofTag(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(l -> l.tag.equalsIgnoreCase(tag.trim())).findFirst();
    }

    /** The language a locale stands for, if it is one of ours. */
    public static Optional<Language> of(Locale locale) {
        return switch (locale.getLanguage()) {
            case "sr" -> Optional.of(switch (locale.getScript()) {
                case "Latn" -> SR_LATN;
                case "Cyrl" -> SR_CYRL;
                // Serbian without a script: the Latin script unless the region is written in Cyrillic by custom
                default -> "ME".equals(locale.getCountry()) ? SR_LATN : SR_CYRL;
            });
            // Serbo-Croatian, Croatian, Bosnian and Montenegrin readers read Serbian Latin
            case "sh", "hr", "bs", "cnr" -> Optional.of(SR_LATN);
            // Macedonian readers read Cyrillic; Bulgarian is closest
            case "bg", "mk" -> Optional.of(BG);
            case "en" -> Optional.of(EN);
            default -> Optional.empty();
        };
    }

    /**
     * The best of our languages for an {@code Accept-Language} header, in the order of the
     * reader's preference; {@link #DEFAULT} when the header names none of ours or is malformed.
     */
    public static Language negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return DEFAULT;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException malformed) {
            return DEFAULT;
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() <= 0 || range.getRange().startsWith("*")) {
                continue;
            }
            Optional<Language> language = of(Locale.forLanguageTag(range.getRange()));
            if (language.isPresent()) {
                return language.get();
            }
        }
        return DEFAULT;
    }
}
