package org.duhbalkana.platform.throttle;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.duhbalkana.platform.Secrets;
import org.duhbalkana.platform.TooManyAttempts;

/**
 * Counts attempts in the database, so that every instance of the site sees the same counts.
 * Subjects (addresses, e-mail addresses) are stored only as keyed hashes (HMAC-SHA256 with the
 * site's {@link ThrottleSecret}), and a counter is deleted once its window has ended. Each call runs
 * in a transaction of its own: a failure counted stays counted even when the caller rolls back.
 * Checking and counting an attempt is one step on locked rows ({@link #take}, {@link #attempt}), so
 * that concurrent attempts cannot all pass a check before any of them is counted.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Throttle {

    @PersistenceContext(unitName = "consultation")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ThrottleSecret secret;

    @Resource
    SessionContext context;

    private static volatile byte[] key;

    /** Refuses with {@link TooManyAttempts} if the subject must wait (a look, not an attempt). */
    public void check(ThrottleRule rule, String subject) {
        counters().waitFor(counter(rule, subject), clock.instant()).ifPresent(wait -> {
            throw new TooManyAttempts(wait);
        });
    }

    /** Counts an attempt (a failure, or a use of a capped action), whatever the count so far. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void count(ThrottleRule rule, String subject) {
        ThrottleCounters.Counter counter = counter(rule, subject);
        ThrottleCounters.retried(() -> {
            self().countOnce(counter);
            return null;
        });
    }

    /** Checks and counts in one step: refused with {@link TooManyAttempts} (and not counted) over the limit. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void take(ThrottleRule rule, String subject) {
        attempt(rule, subject).ifPresent(wait -> {
            throw new TooManyAttempts(wait);
        });
    }

    /**
     * One attempt counted against one subject: empty if it may go ahead (and it is counted), else
     * how long to wait (and nothing is counted).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<Duration> attempt(ThrottleRule rule, String subject) {
        return attempt(rule, subject, null, null);
    }

    /**
     * One attempt counted against two subjects at once (an address and an account): it goes ahead
     * only if neither must wait, and is then counted against both; otherwise against neither.
     * A {@code null} second rule stands for none.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<Duration> attempt(ThrottleRule rule, String subject, ThrottleRule otherRule, String otherSubject) {
        List<ThrottleCounters.Counter> counters = otherRule == null ? List.of(counter(rule, subject))
                : List.of(counter(rule, subject), counter(otherRule, otherSubject));
        return ThrottleCounters.retried(() -> self().attemptOnce(counters));
    }

    /** For {@link #attempt}: one transaction. */
    public Optional<Duration> attemptOnce(List<ThrottleCounters.Counter> counters) {
        return counters().attempt(counters, clock.instant());
    }

    /** For {@link #count}: one transaction. */
    public void countOnce(ThrottleCounters.Counter counter) {
        counters().count(counter, clock.instant());
    }

    /** What {@link #takeOnceRaced} came to. */
    public enum Taken {
        /** Counted, within the limit. */
        TAKEN,
        /** Over the limit. */
        REFUSED,
        /** The subject's counter could not be written (attempts kept racing for it). */
        BUSY
    }

    /**
     * {@link #take} through the bean, telling a refusal from a counter that could not be written.
     * Races for a new counter are retried inside {@link #take} already.
     */
    public static Taken takeOnceRaced(Throttle throttle, ThrottleRule rule, String subject) {
        try {
            throttle.take(rule, subject);
            return Taken.TAKEN;
        } catch (TooManyAttempts over) {
            return Taken.REFUSED;
        } catch (jakarta.ejb.EJBException | jakarta.persistence.PersistenceException busy) {
            return Taken.BUSY;
        }
    }

    /** Takes back one counted attempt of the subject (it turned out to be a success). */
    public void refund(ThrottleRule rule, String subject) {
        counters().refund(counter(rule, subject));
    }

    /** Forgets the subject's attempts (after a successful sign-in). */
    public void clear(ThrottleRule rule, String subject) {
        counters().clear(counter(rule, subject));
    }

    /** Deletes the counters whose window has ended; returns how many. */
    public int purgeExpired() {
        return counters().purge(clock.instant());
    }

    private ThrottleCounters counters() {
        return new ThrottleCounters(em);
    }

    private Throttle self() {
        return context.getBusinessObject(Throttle.class);
    }

    private ThrottleCounters.Counter counter(ThrottleRule rule, String subject) {
        return new ThrottleCounters.Counter(rule, hash(subject));
    }

    /** The keyed hash the subject is stored as. */
    String hash(String subject) {
        byte[] k = key;
        if (k == null) {
            k = ThrottleCounters.retried(secret::key);
            key = k;
        }
        return Secrets.keyedHash(k, subject == null ? "" : subject);
    }
}
