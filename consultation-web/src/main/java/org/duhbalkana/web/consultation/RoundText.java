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
        if (text == null) {
            return null;
        }
        boolean serbian = written == Language.SR_LATN || written == Language.SR_CYRL;
        if (!serbian || reader == Language.BG) {
            return text;
        }
        return SerbianTransliteration.render(text, reader.cyrillic());
    }

    /**
     * A comment's text for a Serbian reader, in the reader's script. Commenters write in any of the
     * languages, so text with letters only Bulgarian uses (ъ, щ, ь, ю, я, й) is left as written:
     * Bulgarian is never transliterated.
     */
    public static String commentForReader(String text, Language reader) {
        if (text == null || reader == Language.BG || reader == Language.EN || BULGARIAN_ONLY.matcher(text).find()) {
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
