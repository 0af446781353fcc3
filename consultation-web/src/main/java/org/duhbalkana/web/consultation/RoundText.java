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
