package org.duhbalkana.web.platform;

import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.duhbalkana.account.Country;
import org.duhbalkana.account.Municipality;
import org.duhbalkana.account.MunicipalityDirectory;
import org.duhbalkana.platform.BusinessException;
import org.duhbalkana.platform.ListPage;
import org.omnifaces.cdi.Param;

/**
 * A public list (rounds, campaigns) a page at a time, narrowed by status, municipality, country and
 * topic tag, all kept in the link ({@code ?status=OPEN&municipality=zajecar&country=RS&tag=turizam&page=2})
 * so that a filtered list can be bookmarked and shared. The values are checked by the service; a bad
 * one shows its message in the reader's language (and answers 400) instead of the list.
 *
 * @param <T> what is listed
 */
public abstract class ListBacking<T> {

    @Inject
    @Param(name = "status")
    String status;

    @Inject
    @Param(name = "municipality")
    String municipality;

    @Inject
    @Param(name = "country")
    String country;

    @Inject
    @Param(name = "tag")
    String tag;

    @Inject
    @Param(name = "page")
    String page;

    @Inject
    protected LanguageBacking language;

    @Inject
    MunicipalityDirectory directory;

    private ListPage<T> found;
    private String error;
    private boolean loaded;

    /** Asks the service for the page; throws {@link org.duhbalkana.platform.InputRejected} on a bad value. */
    protected abstract ListPage<T> load(String status, String municipality, String country, String tag, String page);

    /** The statuses the list may be narrowed to, by name. */
    public abstract Collection<String> getStatuses();

    /** The bundle key of a status's name without the status, such as {@code round.status.}. */
    public abstract String getStatusPrefix();

    /** The page's own path, such as {@code /consultations/index.xhtml}. */
    protected abstract String path();

    private void ensureLoaded() {
        if (loaded) {
            return;
        }
        loaded = true;
        try {
            found = load(status, municipality, country, tag, page);
        } catch (BusinessException e) {
            error = Messages.text(e.messageKey(), e.arguments().toArray());
            FacesContext.getCurrentInstance().getExternalContext().setResponseStatus(400);
            found = new ListPage<>(List.of(), 0, 0, org.duhbalkana.platform.ListFilter.PAGE_SIZE);
        }
    }

    public ListPage<T> getFound() {
        ensureLoaded();
        return found;
    }

    public List<T> getItems() {
        return getFound().items();
    }

    /** Why the list could not be shown (a bad value in the link), or null. */
    public String getError() {
        ensureLoaded();
        return error;
    }

    /** The page number as people count (from 1). */
    public int getPageNumber() {
        return getFound().page() + 1;
    }

    public String getPreviousLink() {
        return link(status, municipality, country, tag, getFound().page());
    }

    public String getNextLink() {
        return link(status, municipality, country, tag, getFound().page() + 2);
    }

    /** The list narrowed to one topic tag (the other filters dropped, so that the link means the same to everyone). */
    public String tagLink(String t) {
        return link(null, null, null, t, 1);
    }

    protected String link(String s, String m, String c, String t, int pageNumber) {
        StringBuilder query = new StringBuilder();
        append(query, "status", s);
        append(query, "municipality", m);
        append(query, "country", c);
        append(query, "tag", t);
        if (pageNumber > 1) {
            append(query, "page", Integer.toString(pageNumber));
        }
        String context = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
        return context + path() + (query.isEmpty() ? "" : "?" + query);
    }

    private static void append(StringBuilder query, String name, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        if (!query.isEmpty()) {
            query.append('&');
        }
        query.append(name).append('=').append(URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
    }

    /** A municipality to choose in the filter: its code and its name in the reader's script. */
    public record Choice(String value, String label) {

        public String getValue() {
            return value;
        }

        public String getLabel() {
            return label;
        }
    }

    public List<Choice> getMunicipalities() {
        boolean cyrillic = language.getCurrent().cyrillic();
        List<Choice> choices = new ArrayList<>();
        for (Municipality m : directory.all()) {
            choices.add(new Choice(m.code(), cyrillic ? m.nameCyrillic() : m.nameLatin()));
        }
        choices.sort(Comparator.comparing(Choice::label, java.text.Collator.getInstance(language.getLocale())));
        return choices;
    }

    public List<String> getCountries() {
        return java.util.Arrays.stream(Country.values()).map(Country::name).toList();
    }

    /** The topic tags to choose from; none by default. */
    public List<String> getTags() {
        return List.of();
    }

    /** Whether the value chosen for a filter is this one (for {@code selected}). */
    public boolean chosen(String filter, String value) {
        String current = switch (filter) {
            case "status" -> status;
            case "municipality" -> municipality;
            case "country" -> country;
            case "tag" -> tag;
            default -> null;
        };
        return current != null && value != null && current.strip().equalsIgnoreCase(value);
    }

    public boolean isFiltered() {
        return notBlank(status) || notBlank(municipality) || notBlank(country) || notBlank(tag);
    }

    private static boolean notBlank(String v) {
        return v != null && !v.isBlank();
    }
}
