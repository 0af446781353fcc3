package org.duhbalkana.search;

/**
 * One result: what was found (a round, an article of a round, a campaign, a comment), the slug
 * of the page it is on, its title, the text to show (the original, not the search form), and the
 * relevance the database gave it.
 *
 * @param kind    ROUND, SECTION, CAMPAIGN or COMMENT
 * @param id      the found item's id (a section's or comment's own id)
 * @param slug    the round's or campaign's slug
 * @param language the language the text is written in
 */
public record SearchHit(String kind, long id, String slug, String title, String text, String language, double score)
        implements java.io.Serializable {
}
