package org.duhbalkana.web.platform;

import java.util.Optional;
import org.duhbalkana.text.Language;
import org.duhbalkana.text.Translation;
import org.duhbalkana.web.consultation.RoundText;

/**
 * The title and summary of a round or campaign as a reader sees them: in the reader's language
 * when a translation is there (unless the reader asked for the original), else as written; Serbian
 * in the reader's script unless the author asked to show it as written.
 *
 * @param title                the title to show
 * @param summary              the summary (a campaign's ask) to show
 * @param lang                 the {@code lang} attribute of what is shown
 * @param original             the language the content was written in
 * @param translated           whether a translation is shown
 * @param translationAvailable whether there is a translation for the reader
 * @param foreign              whether the reader reads another language than the original's
 */
public record Translated(String title, String summary, String lang, Language original, boolean translated,
        boolean translationAvailable, boolean foreign) {

    public static Translated of(String title, String summary, Language original, boolean asWritten,
            Optional<Translation> translation, Language reader, boolean wantOriginal) {
        boolean show = translation.isPresent() && !wantOriginal;
        Language shown = show ? translation.get().language() : original;
        String t = show ? translation.get().title() : title;
        String s = show ? translation.get().summary() : summary;
        return new Translated(RoundText.forReader(t, shown, reader, asWritten), RoundText.forReader(s, shown, reader, asWritten),
                RoundText.shownLanguage(shown, reader, asWritten).tag(), original, show, translation.isPresent(),
                !reader.sameLanguage(original));
    }

    /** The key of the note that says what language the reader reads, or null when none is needed. */
    public String noteKey() {
        if (!foreign) {
            return null;
        }
        return translated ? "translation.note.translated" : translationAvailable ? "translation.note.original" : "translation.note.written";
    }
}
