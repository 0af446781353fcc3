package org.duhbalkana.web.platform;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The key of a kept copy: the path, the query parameters the cached pages and API answers read
 * (any other parameter is dropped, from the key and from the request the page sees), in a fixed
 * order, and the reader's language. {@code ?slug=a&x=1}, {@code ?x=2&slug=a} and {@code ?slug=a}
 * are one copy: junk parameters can neither fill the cache nor get past it.
 */
public final class PageKey {

    /**
     * Every parameter that the cached addresses read: the round page and its replies page
     * ({@code slug, section, after, campaign, original, comment}) and the consultations API
     * ({@code status, municipality, page, section, cursor, limit}, and {@code lang} of the report's PDF).
     */
    public static final Set<String> PARAMETERS = Set.of("slug", "section", "after", "campaign", "original", "comment",
            "status", "municipality", "page", "cursor", "limit", "lang");

    private PageKey() {
    }

    /** The parameters that count, sorted by name, each with its values in the order given. */
    public static Map<String, String[]> kept(Map<String, String[]> parameters) {
        Map<String, String[]> kept = new TreeMap<>();
        parameters.forEach((name, values) -> {
            if (PARAMETERS.contains(name) && values != null) {
                kept.put(name, values.clone());
            }
        });
        return kept;
    }

    /** The query string of the kept parameters (URL-encoded), empty when there are none. */
    public static String query(Map<String, String[]> kept) {
        StringBuilder query = new StringBuilder();
        kept.forEach((name, values) -> {
            for (String value : values) {
                if (query.length() > 0) {
                    query.append('&');
                }
                query.append(encode(name)).append('=').append(encode(value));
            }
        });
        return query.toString();
    }

    /** The key of a path with these (already kept) parameters, in this language. */
    public static String of(String path, Map<String, String[]> kept, String language) {
        return path + '?' + query(kept) + '|' + language;
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
