package org.duhbalkana.text;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The title and summary of a consultation round or a campaign in a language other than the one it
 * was written in. At most one per language: Serbian in either script serves readers of both.
 */
@Embeddable
public class Translation {

    @Column(name = "language", nullable = false, length = 10)
    private String language;

    @Column(name = "title", nullable = false)
    private String title;

    @Column(name = "summary", nullable = false)
    private String summary;

    protected Translation() {
        // for JPA
    }

    public Translation(Language language, String title, String summary) {
        this.language = language.tag();
        this.title = title;
        this.summary = summary;
    }

    public Language language() {
        return Language.ofTag(language).orElse(Language.DEFAULT);
    }

    public String title() {
        return title;
    }

    public String summary() {
        return summary;
    }

    /**
     * The translation a reader of {@code reader} reads instead of the original written in
     * {@code original}: none when the reader reads the original's language.
     */
    public static Optional<Translation> forReader(List<Translation> translations, Language original, Language reader) {
        if (reader.sameLanguage(original)) {
            return Optional.empty();
        }
        return translations.stream().filter(t -> reader.sameLanguage(t.language())).findFirst();
    }

    /**
     * Puts a translation in the list, replacing one in the same language.
     *
     * @return false when the translation is in the original's own language, which takes none
     */
    public static boolean put(List<Translation> translations, Language original, Translation translation) {
        if (translation.language().sameLanguage(original)) {
            return false;
        }
        translations.removeIf(t -> t.language().sameLanguage(translation.language()));
        translations.add(translation);
        return true;
    }

    /** Removes the translation in this language (in either Serbian script), if there is one. */
    public static boolean remove(List<Translation> translations, Language language) {
        return translations.removeIf(t -> t.language().sameLanguage(language));
    }

    /** The words of all the translations, for the search index. */
    public static String words(List<Translation> translations) {
        StringBuilder words = new StringBuilder();
        for (Translation t : translations) {
            words.append(' ').append(t.title()).append(' ').append(t.summary());
        }
        return words.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Translation t && Objects.equals(language, t.language) && Objects.equals(title, t.title)
                && Objects.equals(summary, t.summary);
    }

    @Override
    public int hashCode() {
        return Objects.hash(language, title, summary);
    }
}
