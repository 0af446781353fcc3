package org.duhbalkana.web.platform;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.duhbalkana.text.Language;
import org.duhbalkana.text.Translation;

/**
 * The translations part of an editor (rounds and campaigns): the translations there are, the
 * languages one may be added in, the one being written, and whether the text is shown as written.
 */
public class TranslationForm implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A translation as listed in the editor. */
    public record Row(String language, String title, String summary) implements Serializable {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> languages = new ArrayList<>();
    private String language;
    private String title;
    private String summary;
    private boolean asWritten;

    /** Fills the form from what is stored. */
    public void load(Language original, List<Translation> translations, boolean asWritten) {
        rows.clear();
        translations.forEach(t -> rows.add(new Row(t.language().tag(), t.title(), t.summary())));
        languages.clear();
        for (Language l : Language.values()) {
            // a Serbian translation may be written in either script; it serves readers of both
            if (!l.sameLanguage(original)) {
                languages.add(l.tag());
            }
        }
        if (language == null || !languages.contains(language)) {
            language = languages.isEmpty() ? null : languages.get(0);
        }
        this.asWritten = asWritten;
    }

    /** Clears what was typed, after it was saved. */
    public void saved() {
        title = null;
        summary = null;
    }

    public List<Row> getRows() {
        return rows;
    }

    public List<String> getLanguages() {
        return languages;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public boolean isAsWritten() {
        return asWritten;
    }

    public void setAsWritten(boolean asWritten) {
        this.asWritten = asWritten;
    }
}
