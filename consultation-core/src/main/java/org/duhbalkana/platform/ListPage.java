package org.duhbalkana.platform;

import java.util.List;

/**
 * One page of a list and how many rows the whole list has.
 *
 * @param items the rows of this page
 * @param total the rows of the whole list (all pages)
 * @param page  the page's number, from 0
 * @param size  rows on a full page
 */
public record ListPage<T>(List<T> items, long total, int page, int size) implements java.io.Serializable {

    /** How many pages the list has (at least one, even when empty). */
    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }
}
