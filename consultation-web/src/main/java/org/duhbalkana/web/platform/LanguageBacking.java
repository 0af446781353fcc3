package org.duhbalkana.web.platform;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.duhbalkana.text.Language;

/** The language of the page being rendered, and the links of the language switcher. */
@Named("language")
@RequestScoped
public class LanguageBacking {

    private Language current;
    private String here;

    /** A choice in the language switcher (getters, as Expression Language 5 reads no record components). */
    public record Option(Language language, String href, boolean selected) {

        public String getTag() {
            return language.tag();
        }

        public String getHref() {
            return href;
        }

        public boolean isSelected() {
            return selected;
        }
    }

    private HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }

    public Language getCurrent() {
        if (current == null) {
            current = LanguageFilter.resolve(request());
        }
        return current;
    }

    public Locale getLocale() {
        return getCurrent().locale();
    }

    /**
     * The word for a count in the reader's language: the bundle's {@code key.one}, {@code key.few}
     * or {@code key.other}, chosen by the language's plural rules (1 potpis, 3 potpisa, 21 potpis).
     */
    public String plural(String key, long count) {
        return Messages.text(key + "." + org.duhbalkana.text.Plural.of(getCurrent(), count).key());
    }

    /** For the {@code lang} attribute of the page. */
    public String getTag() {
        return getCurrent().tag();
    }

    public List<Option> getOptions() {
        String base = here();
        String separator = base.contains("?") ? "&" : "?";
        return Arrays.stream(Language.values())
                .map(l -> new Option(l, base + separator + "lang=" + URLEncoder.encode(l.tag(), StandardCharsets.UTF_8),
                        l == getCurrent()))
                .toList();
    }

    /** The address the visitor asked for, also on an error page; the home page if it was not a path of this site. */
    private String here() {
        if (here == null) {
            HttpServletRequest request = request();
            Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            if (original == null) {
                original = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
            }
            if (original != null) {
                here = original.toString();
            } else {
                String query = request.getQueryString();
                here = request.getRequestURI() + (query == null ? "" : "?" + query);
            }
            // The switcher's links stay on the site, also on the error page of //evil.example/x.
            here = LocalRedirect.pathOr(here, request.getContextPath());
        }
        return here;
    }
}
