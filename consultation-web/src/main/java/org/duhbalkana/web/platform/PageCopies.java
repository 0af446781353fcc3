package org.duhbalkana.web.platform;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kept copies of public pages, bounded by the bytes they take (bodies, headers and keys), not
 * by their number: when a new copy does not fit, the least recently read ones are dropped until it
 * does. A copy larger than a sixteenth of the budget is never kept (one answer cannot empty the
 * cache). Safe for concurrent use.
 */
public final class PageCopies {

    /** What is counted for each copy besides its body, headers and key (the objects around them). */
    static final int OVERHEAD = 128;

    /** A kept answer: its body, the headers the page set, its language, and when it was made. */
    public record Copy(byte[] body, String contentType, String language, List<Map.Entry<String, String>> headers,
            long storedAt, long expiresAt) {

        long weight(String key) {
            long weight = OVERHEAD + body.length + 2L * key.length() + (contentType == null ? 0 : 2L * contentType.length());
            for (Map.Entry<String, String> h : headers) {
                weight += 2L * (h.getKey().length() + h.getValue().length()) + 32;
            }
            return weight;
        }
    }

    private final long budget;
    private final long largest;
    private final LinkedHashMap<String, Copy> copies = new LinkedHashMap<>(64, 0.75f, true);
    private final Map<String, Long> weights = new java.util.HashMap<>();
    private long bytes;

    public PageCopies(long budget) {
        this.budget = Math.max(0, budget);
        this.largest = this.budget / 16;
    }

    /** The copy kept under this key, counted as read now; null if none. */
    public synchronized Copy get(String key) {
        return copies.get(key);
    }

    /** Keeps a copy, dropping the least recently read ones to make room; false if it is too large to keep. */
    public synchronized boolean put(String key, Copy copy) {
        long weight = copy.weight(key);
        if (weight > largest) {
            remove(key);
            return false;
        }
        remove(key);
        Iterator<Map.Entry<String, Copy>> eldest = copies.entrySet().iterator();
        while (bytes + weight > budget && eldest.hasNext()) {
            String dropped = eldest.next().getKey();
            eldest.remove();
            bytes -= weights.remove(dropped);
        }
        copies.put(key, copy);
        weights.put(key, weight);
        bytes += weight;
        return true;
    }

    public synchronized void remove(String key) {
        if (copies.remove(key) != null) {
            bytes -= weights.remove(key);
        }
    }

    /** The bytes the kept copies take now (never more than the budget). */
    public synchronized long bytes() {
        return bytes;
    }

    public synchronized int size() {
        return copies.size();
    }

    public long budget() {
        return budget;
    }

    public synchronized boolean contains(String key) {
        return copies.containsKey(key);
    }
}
