package org.duhbalkana.web.review;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duhbalkana.consultation.Review;
import org.duhbalkana.web.platform.Charts;
import org.duhbalkana.web.platform.LanguageBacking;
import org.duhbalkana.web.platform.Messages;

/**
 * {@code review/dashboard.xhtml?slug=…}: the reviewers' charts of a round: comments per article,
 * the split of stances, the dispositions given so far, and comments over time, each with its table.
 */
@Named("reviewDashboard")
@ViewScoped
public class ReviewDashboardBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Review review;

    @Inject
    LanguageBacking language;

    private String slug;
    private Review.Figures figures;
    private String title;
    private String titleLang;

    public void load() {
        try {
            figures = review.figures(slug == null ? "" : slug);
            org.duhbalkana.web.platform.Translated shown = org.duhbalkana.web.platform.Translated.of(figures.title(), "",
                    figures.language(), figures.asWritten(), figures.translationFor(language.getCurrent()),
                    language.getCurrent(), false);
            title = shown.title();
            titleLang = shown.lang();
        } catch (RuntimeException e) {
            Messages.show("dashboard", e);
        }
    }

    public boolean isLoaded() {
        return figures != null;
    }

    public String getTitle() {
        return title;
    }

    /** The {@code lang} of the round's title as shown (a translation for the reader when there is one). */
    public String getTitleLang() {
        return titleLang;
    }

    /** The rows of one table: label and count, in the chart's order. */
    public record Row(String label, long count) implements Serializable {
    }

    public List<Row> getSections() {
        return rows(sections());
    }

    public List<Row> getStances() {
        return rows(stances());
    }

    public List<Row> getDispositions() {
        return rows(dispositions());
    }

    public List<Row> getDays() {
        return rows(days());
    }

    public String getSectionChart() {
        return Charts.of("bar", sections(), Messages.text("reviewDashboard.perSection"), false, language.getTag());
    }

    public String getStanceChart() {
        return Charts.of("doughnut", stances(), Messages.text("reviewDashboard.stances"), true, language.getTag());
    }

    public String getDispositionChart() {
        return Charts.of("doughnut", dispositions(), Messages.text("reviewDashboard.dispositions"), true, language.getTag());
    }

    public String getDayChart() {
        return Charts.of("bar", days(), Messages.text("reviewDashboard.perDay"), false, language.getTag());
    }

    private Map<String, Long> sections() {
        Map<String, Long> values = new LinkedHashMap<>();
        figures.perSection().forEach((n, c) -> values.put(n == 0 ? Messages.text("round.wholeDraft")
                : Messages.text("round.article") + " " + n, c));
        return values;
    }

    private Map<String, Long> stances() {
        Map<String, Long> values = new LinkedHashMap<>();
        figures.perStance().forEach((s, c) -> values.put(Messages.text("round.stance." + s), c));
        return values;
    }

    private Map<String, Long> dispositions() {
        Map<String, Long> values = new LinkedHashMap<>();
        figures.perDisposition().forEach((d, c) -> values.put(Messages.text("disposition." + d), c));
        return values;
    }

    private Map<String, Long> days() {
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(language.getLocale());
        Map<String, Long> values = new LinkedHashMap<>();
        for (Map.Entry<LocalDate, Long> d : figures.perDay().entrySet()) {
            values.put(d.getKey().format(format), d.getValue());
        }
        return values;
    }

    private static List<Row> rows(Map<String, Long> values) {
        return values.entrySet().stream().map(e -> new Row(e.getKey(), e.getValue())).toList();
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }
}
