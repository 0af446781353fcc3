package org.duhbalkana.platform.throttle;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.duhbalkana.platform.TooManyAttempts;

/**
 * Counts attempts in the database, so that every instance of the site sees the same counts.
 * Subjects (addresses, e-mail addresses) are stored only as SHA-256 hashes. Each call runs in a
 * transaction of its own: a failure counted stays counted even when the caller rolls back.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Throttle {

    @PersistenceContext(unitName = "consultation")
    EntityManager em;

    @Inject
    Clock clock;

    /** Refuses with {@link TooManyAttempts} if the subject must wait. */
    public void check(ThrottleRule rule, String subject) {
        Instant now = clock.instant();
        ThrottleEntry entry = em.find(ThrottleEntry.class, new ThrottleEntry.Key(rule.scope(), hash(subject)));
        if (entry != null) {
            Optional<Duration> wait = rule.wait(entry.attempts(), entry.windowStart(), entry.lastAttempt(), now);
            if (wait.isPresent()) {
                throw new TooManyAttempts(wait.get());
            }
        }
    }

    /** Counts an attempt (a failure, or a use of a capped action). */
    public void count(ThrottleRule rule, String subject) {
        Instant now = clock.instant();
        ThrottleEntry.Key key = new ThrottleEntry.Key(rule.scope(), hash(subject));
        ThrottleEntry entry = em.find(ThrottleEntry.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (entry == null) {
            entry = new ThrottleEntry(rule.scope(), hash(subject), now);
            em.persist(entry);
        }
        entry.count(now, rule.window());
    }

    /** Checks, then counts: for capped actions such as signing up. */
    public void take(ThrottleRule rule, String subject) {
        check(rule, subject);
        count(rule, subject);
    }

    /** What {@link #takeOnceRaced} came to. */
    public enum Taken {
        /** Counted, within the limit. */
        TAKEN,
        /** Over the limit. */
        REFUSED,
        /** The subject's counter could not be written (two attempts kept racing for it). */
        BUSY
    }

    /**
     * {@link #take} through the bean, once more when this attempt lost the race with another first
     * attempt to create the subject's counter (that shows only when the bean's own transaction
     * commits, so the caller, outside it, tries again and now finds the counter).
     */
    public static Taken takeOnceRaced(Throttle throttle, ThrottleRule rule, String subject) {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                throttle.take(rule, subject);
                return Taken.TAKEN;
            } catch (TooManyAttempts over) {
                return Taken.REFUSED;
            } catch (jakarta.ejb.EJBException race) {
                // the other attempt created the counter a moment ago: count again
            }
        }
        return Taken.BUSY;
    }

    /** Forgets the subject's attempts (after a successful sign-in). */
    public void clear(ThrottleRule rule, String subject) {
        ThrottleEntry entry = em.find(ThrottleEntry.class, new ThrottleEntry.Key(rule.scope(), hash(subject)));
        if (entry != null) {
            em.remove(entry);
        }
    }

    static String hash(String subject) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(subject.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
