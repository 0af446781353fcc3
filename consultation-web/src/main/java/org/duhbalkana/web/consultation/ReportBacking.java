package org.duhbalkana.web.consultation;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.duhbalkana.consultation.CommentView;
import org.duhbalkana.consultation.ConsultationReader;
import org.duhbalkana.consultation.Disposition;
import org.duhbalkana.consultation.Section;
import org.duhbalkana.web.platform.LanguageBacking;
import org.duhbalkana.web.platform.Messages;

/**
 * {@code consultations/report.xhtml?slug=…}: the published consultation report (izveštaj o
 * sprovedenim konsultacijama / справка за отразяване на предложенията): per article, every
 * comment with its author's name, stance, the answer and its reason; with the totals.
 */
@Named("report")
@RequestScoped
public class ReportBacking {

    @Inject
    ConsultationReader reader;

    @Inject
    LanguageBacking language;

    private String slug;
    private ConsultationReader.Report report;

    public void load() {
        report = reader.report(slug == null ? "" : slug).orElse(null);
        if (report == null) {
            Messages.notFound();
        }
    }

    public ConsultationReader.Report getReport() {
        return report;
    }

    public String getTitle() {
        return report == null ? "" : RoundText.forReader(report.round().title(), report.round().language(), language.getCurrent());
    }

    public List<CommentView> on(Section section) {
        return report.comments().stream().filter(c -> section == null ? c.section() == null
                : section.number() == (c.section() == null ? -1 : c.section())).toList();
    }

    public List<CommentView> getOnWholeDraft() {
        return on(null);
    }

    public String heading(Section s) {
        return RoundText.forReader(s.heading(), report.round().language(), language.getCurrent());
    }

    public String text(CommentView c) {
        return RoundText.commentForReader(c.body(), language.getCurrent(), c.asWritten());
    }

    public long total(String disposition) {
        return report.totals().get(Disposition.valueOf(disposition));
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }
}
