package org.duhbalkana.web.consultation;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;
import org.duhbalkana.consultation.ConsultationReader;
import org.duhbalkana.consultation.ConsultationRound;
import org.duhbalkana.web.platform.LanguageBacking;
import org.duhbalkana.web.platform.Translated;

/** {@code consultations/index.xhtml}: the public rounds, newest first. */
@Named("consultations")
@RequestScoped
public class ConsultationsBacking {

    @Inject
    ConsultationReader reader;

    @Inject
    LanguageBacking language;

    private List<ConsultationRound> rounds;
    /** What each round shows, worked out once per request (its title, summary and their language). */
    private final java.util.Map<Long, Translated> shown = new java.util.HashMap<>();

    public List<ConsultationRound> getRounds() {
        if (rounds == null) {
            rounds = reader.list(Optional.empty(), Optional.empty(), 0, 50);
        }
        return rounds;
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
