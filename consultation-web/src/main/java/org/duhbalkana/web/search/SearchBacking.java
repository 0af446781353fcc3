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

    private String q;
    private int page;
    private List<SearchHit> hits;

    public List<SearchHit> getHits() {
        if (hits == null) {
            hits = q == null || q.length() > 200 ? List.of() : search.find(q, page);
        }
        return hits;
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
