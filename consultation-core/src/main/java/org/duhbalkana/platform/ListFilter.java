package org.duhbalkana.platform;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.duhbalkana.account.Country;

/**
 * What a public list (rounds, campaigns) is narrowed to, as read from a link: a status, an
 * organizing or target municipality (by its code), a country, a topic tag, and a page number
 * (from 0). Every value comes from a URL anyone can type, so each is checked here and a bad one
 * is refused with the key of a message the reader understands.
 *
 * @param <S> the statuses of the listed things
 */
public record ListFilter<S extends Enum<S>>(Optional<S> status, Optional<String> municipality, Optional<Country> country,
        Optional<String> tag, int page) {

    /** Rows on one page of a list. */
    public static final int PAGE_SIZE = 20;
    /** The last page number anyone may ask for: deep pages cost the database more than they give. */
    public static final int MAX_PAGE = 500;

    private static final Pattern CODE = Pattern.compile("[a-z0-9-]{1,40}");
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} -]{0,39}");

    /** No filter: the first page of everything public. */
    public static <T extends Enum<T>> ListFilter<T> none() {
        return new ListFilter<T>(Optional.<T>empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0);
    }

    /**
     * Reads a filter from the values of a link; an empty or missing value means "any".
     *
     * @param allowed the statuses the list may be narrowed to (a draft is never public)
     * @throws InputRejected naming the bad parameter, with the key {@code list.error.<parameter>}
     */
    public static <T extends Enum<T>> ListFilter<T> parse(Class<T> type, Set<T> allowed, String status, String municipality,
            String country, String tag, String page) {
        Optional<T> s = blank(status).map(v -> {
            for (T candidate : allowed) {
                if (candidate.name().equalsIgnoreCase(v)) {
                    return candidate;
                }
            }
            throw new InputRejected("status", "list.error.status");
        });
        Optional<String> m = blank(municipality).map(v -> v.toLowerCase(Locale.ROOT));
        if (m.isPresent() && !CODE.matcher(m.get()).matches()) {
            throw new InputRejected("municipality", "list.error.municipality");
        }
        Optional<Country> c = blank(country).map(v -> {
            for (Country candidate : Country.values()) {
                if (candidate.name().equalsIgnoreCase(v)) {
                    return candidate;
                }
            }
            throw new InputRejected("country", "list.error.country");
        });
        Optional<String> t = blank(tag).map(v -> v.toLowerCase(Locale.ROOT));
        if (t.isPresent() && !TAG.matcher(t.get()).matches()) {
            throw new InputRejected("tag", "list.error.tag");
        }
        int p = 0;
        if (blank(page).isPresent()) {
            try {
                p = Integer.parseInt(page.strip()) - 1;
            } catch (NumberFormatException e) {
                throw new InputRejected("page", "list.error.page");
            }
            if (p < 0 || p >= MAX_PAGE) {
                throw new InputRejected("page", "list.error.page");
            }
        }
        return new ListFilter<T>(s, m, c, t, p);
    }

    /** The same filter on another page (from 0). */
    public ListFilter<S> onPage(int number) {
        return new ListFilter<>(status, municipality, country, tag, number);
    }

    /** The index of the first row of the page. */
    public int first() {
        return page * PAGE_SIZE;
    }

    private static Optional<String> blank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
