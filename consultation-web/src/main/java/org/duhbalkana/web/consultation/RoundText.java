package org.duhbalkana.web.consultation;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;
import org.duhbalkana.text.Language;
import org.duhbalkana.text.SerbianTransliteration;

/** How rounds and comments are shown to a reader: Serbian text in the reader's script, times with their zone named. */
public final class RoundText {

    private RoundText() {
    }

    /**
     * Serbian text in the script the reader reads (Latin for English readers); Bulgarian and
     * English text as written.
     */
    public static String forReader(String text, Language written, Language reader) {
        return forReader(text, written, reader, false);
    }

    /**
     * Serbian text in the script the reader reads, unless its author asked to show it as written
     * ({@code asWritten}); Bulgarian and English text as written.
     */
    public static String forReader(String text, Language written, Language reader, boolean asWritten) {
        if (text == null) {
            return null;
        }
        if (!written.serbian() || asWritten || reader == Language.BG) {
            return text;
        }
        return SerbianTransliteration.render(text, reader.cyrillic());
    }

    /** The language (with its script) of text written in {@code written} as {@link #forReader} shows it. */
    public static Language shownLanguage(Language written, Language reader, boolean asWritten) {
        if (!written.serbian() || asWritten || reader == Language.BG) {
            return written;
        }
        return reader.cyrillic() ? Language.SR_CYRL : Language.SR_LATN;
    }

    /**
     * A comment's text for a Serbian reader, in the reader's script. Commenters write in any of the
     * languages, so text with letters only Bulgarian uses (ъ, щ, ь, ю, я, й) is left as written:
     * Bulgarian is never transliterated.
     */
    public static String commentForReader(String text, Language reader) {
        return commentForReader(text, reader, false);
    }

    /** A comment's text for the reader, as written when its author asked so. */
    public static String commentForReader(String text, Language reader, boolean asWritten) {
        if (text == null || asWritten || reader == Language.BG || reader == Language.EN || BULGARIAN_ONLY.matcher(text).find()) {
            return text;
        }
        return SerbianTransliteration.render(text, reader.cyrillic());
    }

    /**
     * The {@code lang} of a comment's text as shown ({@code shown}, after {@link #commentForReader}).
     * A comment carries no language of its own, so its letters tell: Cyrillic with letters only
     * Bulgarian uses is Bulgarian, with letters only Serbian uses Serbian; Latin with Serbian
     * diacritics Serbian, with common English words English; otherwise the language the reader of
     * this page most likely meets (Bulgarian for a Bulgarian reader of Cyrillic, Serbian otherwise).
     * Null for text without letters.
     */
    public static String commentLang(String shown, Language reader) {
        if (shown == null) {
            return null;
        }
        int cyrillic = 0;
        int latin = 0;
        for (int i = 0; i < shown.length(); i++) {
            Character.UnicodeScript script = Character.UnicodeScript.of(shown.charAt(i));
            if (script == Character.UnicodeScript.CYRILLIC) {
                cyrillic++;
            } else if (script == Character.UnicodeScript.LATIN) {
                latin++;
            }
        }
        if (cyrillic == 0 && latin == 0) {
            return null;
        }
        if (cyrillic >= latin) {
            if (BULGARIAN_ONLY.matcher(shown).find()) {
                return Language.BG.tag();
            }
            if (SERBIAN_CYRILLIC_ONLY.matcher(shown).find()) {
                return Language.SR_CYRL.tag();
            }
            return reader == Language.BG ? Language.BG.tag() : Language.SR_CYRL.tag();
        }
        if (SERBIAN_LATIN.matcher(shown).find()) {
            return Language.SR_LATN.tag();
        }
        if (ENGLISH_WORDS.matcher(shown).find()) {
            return Language.EN.tag();
        }
        return reader == Language.EN ? Language.EN.tag() : Language.SR_LATN.tag();
    }

    private static final java.util.regex.Pattern SERBIAN_CYRILLIC_ONLY = java.util.regex.Pattern.compile("[ђјљњћџЂЈЉЊЋЏ]");
    private static final java.util.regex.Pattern SERBIAN_LATIN = java.util.regex.Pattern.compile("[čćđšžČĆĐŠŽ]");
    private static final java.util.regex.Pattern ENGLISH_WORDS = java.util.regex.Pattern.compile(
            "(?i)\\b(the|and|of|is|are|this|that|with|should|would|please|we|you)\\b");

    private static final java.util.regex.Pattern BULGARIAN_ONLY = java.util.regex.Pattern.compile("[ъщьюяйЪЩЬЮЯЙ]");

    private static final java.util.Map<String, DateTimeFormatter> FORMATS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.Map<String, String> ZONE_NAMES = new java.util.concurrent.ConcurrentHashMap<>();

    /** A moment in the given zone, in the reader's format, with the zone's name. */
    public static String time(Instant instant, ZoneId zone, Language reader) {
        if (instant == null) {
            return "";
        }
        Locale locale = reader.locale();
        String key = reader.tag() + "|" + zone.getId();
        DateTimeFormatter format = FORMATS.computeIfAbsent(key, k -> DateTimeFormatter
                .ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale).withZone(zone));
        String name = ZONE_NAMES.computeIfAbsent(key, k -> zone.getDisplayName(TextStyle.SHORT, locale));
        return format.format(instant) + " (" + name + ", "
                + zone.getRules().getOffset(instant).getId().replace("Z", "+00:00") + ")";
    }
}
