package org.duhbalkana.platform.throttle;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The throttle's counters in the database, used inside one transaction of the caller. An attempt
 * locks its counters' rows ({@code SELECT … FOR UPDATE}, creating a missing row with an insert that
 * holds its lock), checks and counts while it holds them: concurrent attempts on one subject are
 * counted one after another, so no more than the rule allows get through. Two transactions that
 * both create one missing row collide on its primary key; the loser is rolled back and tried again
 * ({@link #retried}), and then finds the row.
 */
public class ThrottleCounters {

    /** How often an attempt that lost a race (duplicate key, deadlock, lock timeout) is tried again. */
    static final int TRIES = 12;

    private final EntityManager em;

    public ThrottleCounters(EntityManager em) {
        this.em = em;
    }

    /** One counter: a rule and the keyed hash of its subject. */
    public record Counter(ThrottleRule rule, String hashedSubject) {
    }

    /**
     * Counts an attempt on every counter if none of them must wait; otherwise counts nothing and
     * gives the longest wait. The rows stay locked until the transaction ends.
     */
    public Optional<Duration> attempt(List<Counter> counters, Instant now) {
        List<Counter> ordered = new ArrayList<>(counters);
        // One order for every transaction, so that two attempts never wait for each other's rows.
        ordered.sort(Comparator.comparing((Counter c) -> c.rule().scope()).thenComparing(Counter::hashedSubject));
        List<ThrottleEntry> entries = new ArrayList<>();
        Optional<Duration> longest = Optional.empty();
        for (Counter counter : ordered) {
            ThrottleEntry entry = locked(counter, now);
            entries.add(entry);
            Optional<Duration> wait = counter.rule().wait(entry.attempts(), entry.windowStart(), entry.lastAttempt(), now);
            if (wait.isPresent() && (longest.isEmpty() || wait.get().compareTo(longest.get()) > 0)) {
                longest = wait;
            }
        }
        if (longest.isEmpty()) {
            for (int i = 0; i < ordered.size(); i++) {
                entries.get(i).count(now, ordered.get(i).rule().window());
            }
        }
        em.flush();
        return longest;
    }

    /** Counts an attempt whatever the count so far. */
    public void count(Counter counter, Instant now) {
        locked(counter, now).count(now, counter.rule().window());
        em.flush();
    }

    /** How long the subject must wait, read without a lock; empty when it may try now. */
    public Optional<Duration> waitFor(Counter counter, Instant now) {
        ThrottleEntry entry = em.find(ThrottleEntry.class, key(counter));
        if (entry == null) {
            return Optional.empty();
        }
        return counter.rule().wait(entry.attempts(), entry.windowStart(), entry.lastAttempt(), now);
    }

    /** Takes back one counted attempt (it turned out to be a success). */
    public void refund(Counter counter) {
        ThrottleEntry entry = em.find(ThrottleEntry.class, key(counter), LockModeType.PESSIMISTIC_WRITE);
        if (entry != null) {
            entry.refund();
        }
    }

    public void clear(Counter counter) {
        ThrottleEntry entry = em.find(ThrottleEntry.class, key(counter), LockModeType.PESSIMISTIC_WRITE);
        if (entry != null) {
            em.remove(entry);
        }
    }

    /** Deletes every counter whose window has ended; the same statement from two instances at once is harmless. */
    public int purge(Instant now) {
        return em.createQuery("DELETE FROM ThrottleEntry e WHERE e.expiresAt < :now").setParameter("now", now)
                .executeUpdate();
    }

    /** The counter's row, locked for this transaction; created (and so locked) when there is none. */
    private ThrottleEntry locked(Counter counter, Instant now) {
        ThrottleEntry.Key key = key(counter);
        // Asked without a lock first: on MariaDB, locking a missing row locks the gap around it,
        // and two transactions that then both insert there deadlock.
        Number rows = (Number) em.createNativeQuery("SELECT COUNT(*) FROM throttle WHERE scope = ? AND subject = ?")
                .setParameter(1, counter.rule().scope()).setParameter(2, counter.hashedSubject()).getSingleResult();
        if (rows.intValue() == 0) {
            ThrottleEntry created = new ThrottleEntry(counter.rule().scope(), counter.hashedSubject(), now,
                    counter.rule().window());
            em.persist(created);
            // The insert now: a racing creator makes it fail here (and the caller try again).
            em.flush();
            return created;
        }
        ThrottleEntry entry = em.find(ThrottleEntry.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (entry == null) {
            // purged between the two statements: the next try creates it
            throw new jakarta.persistence.PersistenceException("throttle counter went away");
        }
        return entry;
    }

    private static ThrottleEntry.Key key(Counter counter) {
        return new ThrottleEntry.Key(counter.rule().scope(), counter.hashedSubject());
    }

    /**
     * Runs a transaction, and again when it lost a race for a row (the exception ends that
     * transaction, so each try is a new one); a refusal ({@code TooManyAttempts}) is not a race.
     */
    public static <T> T retried(Supplier<T> transaction) {
        RuntimeException lost = null;
        for (int attempt = 0; attempt < TRIES; attempt++) {
            try {
                return transaction.get();
            } catch (org.duhbalkana.platform.BusinessException refused) {
                throw refused;
            } catch (jakarta.persistence.PersistenceException | jakarta.ejb.EJBException race) {
                lost = race;
                try {
                    Thread.sleep(5L + java.util.concurrent.ThreadLocalRandom.current().nextLong(20L * (attempt + 1)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw race;
                }
            }
        }
        throw lost;
    }
}
