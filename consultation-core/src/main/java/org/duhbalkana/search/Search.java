package org.duhbalkana.search;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;
import org.duhbalkana.text.SearchText;

/**
 * Finds public rounds, their articles, public campaigns and visible comments of public rounds
 * by words in any script and with or without diacritics. Results are ranked (MariaDB's full-text
 * relevance; on H2 every match is equal) and paged; a hidden comment never appears.
 */
@Stateless
@PermitAll
public class Search {

    public static final int PAGE_SIZE = 20;
    /** Words of a query beyond this many are ignored. */
    public static final int MAX_TERMS = 8;

    private static final String PUBLIC_ROUND = "r.status IN ('SCHEDULED', 'OPEN', 'CLOSED', 'REPORT_PUBLISHED')";
    private static final String PUBLIC_CAMPAIGN = "c.status IN ('PUBLISHED', 'CLOSED')";

    @PersistenceContext(unitName = "consultation")
    EntityManager em;

    protected Search() {
    }

    public Search(EntityManager em) {
        this.em = em;
    }

    /** The words the query is made of, normalised (what is searched for). */
    public static List<String> terms(String query) {
        List<String> terms = SearchText.terms(query == null ? "" : query);
        return terms.size() > MAX_TERMS ? terms.subList(0, MAX_TERMS) : terms;
    }

    /** One page of results, best first; empty when the query has no word of two letters or more. */
    public List<SearchHit> find(String query, int page) {
        List<String> terms = terms(query);
        if (terms.isEmpty()) {
            return List.of();
        }
        boolean mariaDb = isMariaDb();
        if (mariaDb && booleanQuery(terms).isEmpty()) {
            return List.of();
        }
        String rounds = select("'ROUND'", "r.id", "r.slug", "r.title", "r.summary", "r.language", "r.search_text",
                "consultation_round r", PUBLIC_ROUND, mariaDb, terms.size());
        String sections = select("'SECTION'", "s.id", "r.slug", "s.heading", "s.body", "r.language", "s.search_text",
                "round_section s JOIN consultation_round r ON r.id = s.round_id", PUBLIC_ROUND, mariaDb, terms.size());
        String campaigns = select("'CAMPAIGN'", "c.id", "c.slug", "c.title", "c.ask", "c.language", "c.search_text",
                "campaign c", PUBLIC_CAMPAIGN, mariaDb, terms.size());
        String comments = select("'COMMENT'", "m.id", "r.slug", "r.title", "m.body", "'und'", "m.search_text",
                "round_comment m JOIN consultation_round r ON r.id = m.round_id", PUBLIC_ROUND + " AND m.status <> 'HIDDEN'", mariaDb, terms.size());
        String sql = "SELECT kind, id, slug, title, text, language, score FROM (" + rounds + " UNION ALL " + sections + " UNION ALL "
                + campaigns + " UNION ALL " + comments + ") hits ORDER BY score DESC, kind, id DESC LIMIT " + PAGE_SIZE
                + " OFFSET " + (Math.max(0, page) * PAGE_SIZE);
        Query q = em.createNativeQuery(sql);
        int parameter = 1;
        String booleanQuery = booleanQuery(terms);
        for (int part = 0; part < 4; part++) {
            if (mariaDb) {
                // the score, then the condition
                q.setParameter(parameter++, booleanQuery);
                q.setParameter(parameter++, booleanQuery);
            } else {
                for (String term : terms) {
                    q.setParameter(parameter++, "%" + term + "%");
                }
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        List<SearchHit> hits = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            hits.add(new SearchHit((String) r[0], ((Number) r[1]).longValue(), (String) r[2], (String) r[3], excerpt((String) r[4]),
                    (String) r[5], ((Number) r[6]).doubleValue()));
        }
        return hits;
    }

    private String select(String kind, String id, String slug, String title, String text, String language, String column,
            String from, String visible, boolean mariaDb, int termCount) {
        String head = "SELECT " + kind + " AS kind, " + id + " AS id, " + slug + " AS slug, " + title + " AS title, " + text
                + " AS text, " + language + " AS language, ";
        if (mariaDb) {
            return head + "MATCH(" + column + ") AGAINST (? IN BOOLEAN MODE) AS score FROM " + from + " WHERE " + visible
                    + " AND MATCH(" + column + ") AGAINST (? IN BOOLEAN MODE)";
        }
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < termCount; i++) {
            where.append(" AND ").append(column).append(" LIKE ?");
        }
        return head + "1.0 AS score FROM " + from + " WHERE " + visible + where;
    }

    /** Words InnoDB's full-text index leaves out (its default stop words of three letters or more). */
    private static final java.util.Set<String> STOP_WORDS = java.util.Set.of("about", "are", "com", "for", "from", "how", "that",
            "the", "this", "was", "what", "when", "where", "who", "will", "with", "und", "www");

    /**
     * MariaDB's boolean mode: every word required, as a prefix ({@code +zajec*}); words the index
     * does not hold (shorter than three letters, stop words) are left out of the requirement.
     */
    static String booleanQuery(List<String> terms) {
        StringBuilder q = new StringBuilder();
        for (String t : terms) {
            String word = t.replaceAll("[^\\p{L}\\p{N}]", "");
            if (word.length() >= 3 && !STOP_WORDS.contains(word)) {
                q.append('+').append(word).append("* ");
            }
        }
        return q.toString().strip();
    }

    private static String excerpt(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 300 ? text : text.substring(0, 297) + "…";
    }

    /** Whether the database answers with its full-text index (MariaDB) rather than by scanning (H2). */
    public boolean usesFullText() {
        return isMariaDb();
    }

    private boolean isMariaDb() {
        org.eclipse.persistence.internal.databaseaccess.Platform platform =
                em.unwrap(org.eclipse.persistence.jpa.JpaEntityManager.class).getServerSession().getPlatform();
        String name = platform.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
        return platform.isMySQL() || name.contains("maria") || name.contains("mysql");
    }
}
