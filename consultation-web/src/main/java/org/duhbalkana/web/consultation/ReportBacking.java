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
        return report == null ? "" : shown().title();
    }

    /** The {@code lang} of the title as shown: a translation for the reader when there is one, as on the round's page. */
    public String getTitleLang() {
        return report == null ? null : shown().lang();
    }

    private org.duhbalkana.web.platform.Translated shown;

    private org.duhbalkana.web.platform.Translated shown() {
        if (shown == null) {
            var r = report.round();
            shown = org.duhbalkana.web.platform.Translated.of(r.title(), r.summary(), r.language(), r.asWritten(),
                    r.translationFor(language.getCurrent()), language.getCurrent(), false);
        }
        return shown;
    }

    /** The {@code lang} of the draft's articles (their headings) as shown. */
    public String getDraftLang() {
        var r = report.round();
        return RoundText.shownLanguage(r.language(), language.getCurrent(), r.asWritten()).tag();
    }

    /** The {@code lang} of people's text (a comment, a reason), told from its letters. */
    public String textLang(String text) {
        return RoundText.commentLang(text, language.getCurrent());
    }

    public List<CommentView> on(Section section) {
        return report.comments().stream().filter(c -> section == null ? c.section() == null
                : section.number() == (c.section() == null ? -1 : c.section())).toList();
    }

    public List<CommentView> getOnWholeDraft() {
        return on(null);
    }

    public String heading(Section s) {
        return RoundText.forReader(s.heading(), report.round().language(), language.getCurrent(), report.round().asWritten());
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
