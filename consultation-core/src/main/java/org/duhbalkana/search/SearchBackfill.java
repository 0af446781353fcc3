package org.duhbalkana.search;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.logging.Logger;
import org.duhbalkana.text.SearchText;

/**
 * Gives texts written before search existed their search form, once, at start-up (new and
 * changed texts get it as they are written).
 */
@Singleton
@Startup
@DependsOn("ApplicationStartup")
public class SearchBackfill {

    private static final Logger LOG = Logger.getLogger(SearchBackfill.class.getName());

    /** Each table, and the columns its search form is made of. */
    private static final List<String[]> TABLES = List.of(
            new String[] {"consultation_round", "title, summary"},
            new String[] {"round_section", "heading, body"},
            new String[] {"round_comment", "body"},
            new String[] {"campaign", "title, ask, description"});

    @PersistenceContext(unitName = "consultation")
    EntityManager em;

    @PostConstruct
    void fill() {
        int filled = 0;
        for (String[] table : TABLES) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT id, " + table[1] + " FROM " + table[0] + " WHERE search_text IS NULL")
                    .getResultList();
            for (Object[] row : rows) {
                String[] parts = new String[row.length - 1];
                for (int i = 1; i < row.length; i++) {
                    parts[i - 1] = row[i] == null ? null : row[i].toString();
                }
                em.createNativeQuery("UPDATE " + table[0] + " SET search_text = ? WHERE id = ?")
                        .setParameter(1, SearchText.column(parts)).setParameter(2, row[0]).executeUpdate();
                filled++;
            }
        }
        if (filled > 0) {
            int count = filled;
            LOG.info(() -> "Search forms written for " + count + " texts written before search existed");
        }
    }
}
