package org.duhbalkana.web.review;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.duhbalkana.consultation.ConsultationAuthoring;
import org.duhbalkana.consultation.OrganizerConsent;
import org.duhbalkana.web.consultation.RoundText;
import org.duhbalkana.web.platform.LanguageBacking;
import org.duhbalkana.web.platform.Messages;

/**
 * {@code review/invitations.xhtml}: the draft rounds that name a municipality the reviewer answers
 * for without its consent yet; each links to the round's editor page, where they accept or decline.
 */
@Named("invitations")
@RequestScoped
public class ReviewInvitationsBacking {

    @Inject
    ConsultationAuthoring authoring;

    @Inject
    LanguageBacking language;

    private List<Row> rows = List.of();

    /** An invitation as listed: the round and the municipality invited. */
    public record Row(String slug, String title, String municipality) {
    }

    public void load() {
        try {
            rows = authoring.invitations().stream().map(this::row).toList();
        } catch (RuntimeException e) {
            Messages.show("invitations", e);
        }
    }

    private Row row(OrganizerConsent c) {
        return new Row(c.round().slug(), RoundText.forReader(c.round().title(), c.round().language(), language.getCurrent()),
                c.municipality().name(language.getCurrent()));
    }

    public List<Row> getRows() {
        return rows;
    }
}
