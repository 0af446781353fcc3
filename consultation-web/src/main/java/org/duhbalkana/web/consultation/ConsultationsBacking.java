package org.duhbalkana.web.consultation;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;
import org.duhbalkana.consultation.ConsultationReader;
import org.duhbalkana.consultation.ConsultationRound;
import org.duhbalkana.web.platform.LanguageBacking;

/** {@code consultations/index.xhtml}: the public rounds, newest first. */
@Named("consultations")
@RequestScoped
public class ConsultationsBacking {

    @Inject
    ConsultationReader reader;

    @Inject
    LanguageBacking language;

    private List<ConsultationRound> rounds;

    public List<ConsultationRound> getRounds() {
        if (rounds == null) {
            rounds = reader.list(Optional.empty(), Optional.empty(), 0, 50);
        }
        return rounds;
    }

    public String title(ConsultationRound r) {
        return RoundText.forReader(r.title(), r.language(), language.getCurrent());
    }

    public String summary(ConsultationRound r) {
        return RoundText.forReader(r.summary(), r.language(), language.getCurrent());
    }

    public String closes(ConsultationRound r) {
        return RoundText.time(r.closesAt().orElse(null), r.deadlineZone(), language.getCurrent());
    }
}
