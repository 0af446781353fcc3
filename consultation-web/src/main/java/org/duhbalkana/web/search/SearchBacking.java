package org.duhbalkana.web.search;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.duhbalkana.search.Search;
import org.duhbalkana.search.SearchHit;
import org.duhbalkana.text.Language;
import org.duhbalkana.web.consultation.RoundText;
import org.duhbalkana.web.platform.LanguageBacking;

/** {@code search.xhtml?q=…&page=N}: the search page (a GET form: results have addresses people can share). */
@Named("searchPage")
@RequestScoped
public class SearchBacking {

    @Inject
    Search search;

    @Inject
    LanguageBacking language;

    @Inject
    org.duhbalkana.search.SearchLimit limit;

    private String q;
    private int page;
    private List<SearchHit> hits;
    /** Set when this address has searched too often: the page says so instead of searching. */
    private String refusal;

    public List<SearchHit> getHits() {
        if (hits == null) {
            hits = List.of();
            if (q != null && q.length() <= 200 && !Search.terms(q).isEmpty()) {
                try {
                    limit.take();
                    hits = search.find(q, page);
                } catch (org.duhbalkana.platform.TooManyAttempts over) {
                    long seconds = Math.max(1, over.retryAfter().toSeconds() + (over.retryAfter().toNanosPart() > 0 ? 1 : 0));
                    refusal = org.duhbalkana.web.platform.Messages.text("search.error.tooMany", seconds);
                    jakarta.faces.context.FacesContext context = jakarta.faces.context.FacesContext.getCurrentInstance();
                    if (context != null) {
                        context.getExternalContext().setResponseStatus(429);
                        context.getExternalContext().setResponseHeader("Retry-After", Long.toString(seconds));
                    }
                }
            }
        }
        return hits;
    }

    /** Searches before the page is rendered, so that a refusal can still answer 429. */
    public void load() {
        getHits();
    }

    /** Why nothing was searched (too many searches from this address), or null. */
    public String getRefusal() {
        getHits();
        return refusal;
    }

    public boolean isAsked() {
        return q != null && !q.isBlank();
    }

    /** Where a result leads. */
    public String href(SearchHit hit) {
        return switch (hit.kind()) {
            case "CAMPAIGN" -> "/campaigns/view.xhtml?slug=" + hit.slug();
            case "SECTION" -> "/consultations/view.xhtml?slug=" + hit.slug() + "#section-" + hit.id();
            case "COMMENT" -> "/consultations/view.xhtml?slug=" + hit.slug() + "#comments";
            default -> "/consultations/view.xhtml?slug=" + hit.slug();
        };
    }

    /** Serbian text in the reader's script (Bulgarian is never transliterated). */
    public String show(String text, SearchHit hit) {
        Language written = Language.ofTag(hit.language()).orElse(null);
        return written == null ? RoundText.commentForReader(text, language.getCurrent())
                : RoundText.forReader(text, written, language.getCurrent());
    }

    /** The {@code lang} of a result's text as {@link #show} shows it. */
    public String lang(SearchHit hit) {
        Language written = Language.ofTag(hit.language()).orElse(null);
        return written == null ? RoundText.commentLang(show(hit.text(), hit), language.getCurrent())
                : RoundText.shownLanguage(written, language.getCurrent(), false).tag();
    }

    /** The {@code lang} of a result's title (a comment's result shows its round's title, told from its letters). */
    public String titleLang(SearchHit hit) {
        Language written = Language.ofTag(hit.language()).orElse(null);
        return written == null ? RoundText.commentLang(show(hit.title(), hit), language.getCurrent())
                : RoundText.shownLanguage(written, language.getCurrent(), false).tag();
    }

    public boolean isMore() {
        return getHits().size() == Search.PAGE_SIZE;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = Math.max(0, Math.min(page, 1000));
    }
}
