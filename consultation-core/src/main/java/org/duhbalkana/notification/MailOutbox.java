package org.duhbalkana.notification;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.duhbalkana.text.Language;

/**
 * Mail is written to the database in the transaction of the action that sends it (an account
 * created, a password reset asked for), so that it is sent if and only if the action happened;
 * {@link MailDelivery} sends it through SMTP after the commit.
 */
@Stateless
public class MailOutbox {

    /**
     * How long a mail that cannot be delivered is tried again: long enough for an SMTP server's
     * maintenance or an outage over a night, short of the seven days its links live.
     */
    static final Duration GIVE_UP_AFTER = Duration.ofDays(2);

    /** The wait after a failed attempt: 1, 2 and 4 minutes, then every 5 minutes. */
    static Duration waitAfter(int attemptsMade) {
        return Duration.ofMinutes(Math.min(5, 1L << Math.max(0, Math.min(attemptsMade - 1, 3))));
    }

    @PersistenceContext(unitName = "consultation")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<MailQueued> queued;

    /**
     * An outbox used outside the container (the persistence tests): mail is written in the
     * caller's transaction; no delivery is started (the delivery's retry would find it).
     */
    public static MailOutbox writingTo(EntityManager em, Clock clock) {
        MailOutbox outbox = new MailOutbox();
        outbox.em = em;
        outbox.clock = clock;
        return outbox;
    }

    public void send(String recipient, Language language, Mail mail, Object... arguments) {
        sendAbout(null, recipient, language, mail, arguments);
    }

    /**
     * Writes a mail under a topic (such as {@code campaign:12}): {@link #forget} deletes it, whether
     * sent or not, when the personal data of that topic goes.
     */
    public void sendAbout(String topic, String recipient, Language language, Mail mail, Object... arguments) {
        MailMessage message = new MailMessage(topic, recipient, mail.subject(language, arguments),
                mail.body(language, arguments), clock.instant());
        em.persist(message);
        em.flush();
        if (queued != null) {
            queued.fire(new MailQueued(message.getId()));
        }
    }

    /**
     * Takes a mail for one delivery attempt, so that two instances never both send it, and sets
     * when the next attempt may be made should this one fail.
     *
     * @return the mail, if it is still to be sent, its turn has come and no one else took it
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<MailMessage> claim(long id) {
        Instant now = clock.instant();
        MailMessage message = em.find(MailMessage.class, id);
        if (message == null || message.getSentAt() != null || message.getBody() == null
                || !message.getCreatedAt().isAfter(now.minus(GIVE_UP_AFTER))
                || (message.nextAttemptAt() != null && message.nextAttemptAt().isAfter(now))) {
            return Optional.empty();
        }
        int taken = em.createQuery("UPDATE MailMessage m SET m.attempts = m.attempts + 1, m.nextAttemptAt = :next "
                        + "WHERE m.id = :id AND m.sentAt IS NULL AND m.attempts = :attempts")
                .setParameter("id", id)
                .setParameter("attempts", message.attempts())
                .setParameter("next", now.plus(waitAfter(message.attempts() + 1)))
                .executeUpdate();
        if (taken != 1) {
            return Optional.empty();
        }
        em.refresh(message);
        em.detach(message);
        return Optional.of(message);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void delivered(long id) {
        MailMessage message = em.find(MailMessage.class, id);
        if (message != null) {
            message.delivered(clock.instant());
        }
    }

    /** Deletes every mail written under the topic, sent or not (the personal data of its recipients goes). */
    public int forget(String topic) {
        return em.createQuery("DELETE FROM MailMessage m WHERE m.topic = :topic").setParameter("topic", topic).executeUpdate();
    }

    /**
     * Blanks the bodies (which may hold links) of mails given up ({@link #GIVE_UP_AFTER} without
     * delivery) and of any mail older than the given time: nothing can use their links any more.
     * Delivered mails lose their body at delivery.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int blankStaleBodies(Instant before) {
        Instant givenUp = clock.instant().minus(GIVE_UP_AFTER);
        return em.createQuery("UPDATE MailMessage m SET m.body = NULL WHERE m.body IS NOT NULL "
                        + "AND ((m.sentAt IS NULL AND m.createdAt < :givenUp) OR m.createdAt < :before)")
                .setParameter("givenUp", givenUp)
                .setParameter("before", before)
                .executeUpdate();
    }

    /**
     * Mails whose next attempt is due (not delivered, not given up, their wait over), oldest
     * first, at most {@code max}: for the retry.
     */
    public List<Long> due(Instant now, int max) {
        return em.createQuery("SELECT m.id FROM MailMessage m WHERE m.sentAt IS NULL AND m.body IS NOT NULL "
                        + "AND m.createdAt > :givenUp AND (m.nextAttemptAt IS NULL OR m.nextAttemptAt <= :now) ORDER BY m.id", Long.class)
                .setParameter("givenUp", now.minus(GIVE_UP_AFTER))
                .setParameter("now", now)
                .setMaxResults(max)
                .getResultList();
    }

    /** The newest mails, for the dev outbox (only shown in demo mode without an SMTP server). */
    public List<MailMessage> newest(int max) {
        return em.createQuery("SELECT m FROM MailMessage m ORDER BY m.id DESC", MailMessage.class)
                .setMaxResults(max)
                .getResultList();
    }
}
