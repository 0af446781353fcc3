package org.duhbalkana.web.consultation;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Collection;
import java.util.List;
import org.duhbalkana.consultation.ConsultationReader;
import org.duhbalkana.consultation.ConsultationRound;
import org.duhbalkana.platform.ListPage;
import org.duhbalkana.web.platform.ListBacking;
import org.duhbalkana.web.platform.Translated;

/**
 * {@code consultations/index.xhtml}: the public rounds, newest first, a page at a time, narrowed by
 * status, organizing municipality, country and topic tag (all in the link).
 */
@Named("consultations")
@RequestScoped
public class ConsultationsBacking extends ListBacking<ConsultationRound> {

    @Inject
    ConsultationReader reader;

    /** What each round shows, worked out once per request (its title, summary and their language). */
    private final java.util.Map<Long, Translated> shown = new java.util.HashMap<>();
    private List<String> tags;

    @Override
    protected ListPage<ConsultationRound> load(String status, String municipality, String country, String tag, String page) {
        return reader.page(status, municipality, country, tag, page);
    }

    @Override
    public Collection<String> getStatuses() {
        return ConsultationReader.LISTED.stream().map(Enum::name).toList();
    }

    @Override
    public String getStatusPrefix() {
        return "round.status.";
    }

    @Override
    protected String path() {
        return "/consultations/index.xhtml";
    }

    @Override
    public List<String> getTags() {
        if (tags == null) {
            tags = reader.tags();
        }
        return tags;
    }

    /** The rounds of this page (the name the page and its tests have used). */
    public List<ConsultationRound> getRounds() {
        return getItems();
    }

    /** The round's topic tags in alphabetical order. */
    public List<String> tags(ConsultationRound r) {
        return r.tags().stream().sorted().toList();
    }

    /** The {@code lang} of the round's tags: the language it was written in. */
    public String tagLang(ConsultationRound r) {
        return r.language().tag();
    }

    public String title(ConsultationRound r) {
        return shown(r).title();
    }

    public String summary(ConsultationRound r) {
        return shown(r).summary();
    }

    /** The {@code lang} of the round's title and summary as shown. */
    public String lang(ConsultationRound r) {
        return shown(r).lang();
    }

    private Translated shown(ConsultationRound r) {
        return shown.computeIfAbsent(r.id(), id -> Translated.of(r.title(), r.summary(), r.language(), r.asWritten(),
                r.translationFor(language.getCurrent()), language.getCurrent(), false));
    }

    public String closes(ConsultationRound r) {
        return RoundText.time(r.closesAt().orElse(null), r.deadlineZone(), language.getCurrent());
    }
}
