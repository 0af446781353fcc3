package org.duhbalkana.moderation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.duhbalkana.account.Groups;
import org.duhbalkana.platform.RequestOrigin;

/**
 * The append-only record of privileged actions. Written in the transaction of the action it
 * records (both happen or neither); read, paged and filtered, by administrators only.
 */
@Stateless
public class AuditLog {

    public static final int PAGE_SIZE = 50;

    @PersistenceContext(unitName = "consultation")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    RequestOrigin origin;

    /** Records an action of the signed-in caller (or of a person acting on their own account). */
    public void record(Long actorId, String actorName, AuditAction action, String subject, String details) {
        em.persist(new AuditEvent(clock.instant(), actorId, actorName, action.name(), subject, details,
                origin.address().orElse(null)));
    }

    /** A page of events, newest first, filtered by action and by a word in the actor or subject. */
    @RolesAllowed(Groups.ADMINISTRATOR)
    public List<AuditEvent> page(Optional<AuditAction> action, Optional<String> text, Optional<Instant> before, int page) {
        StringBuilder jpql = new StringBuilder("SELECT e FROM AuditEvent e WHERE 1 = 1");
        action.ifPresent(a -> jpql.append(" AND e.action = :action"));
        text.ifPresent(t -> jpql.append(" AND (LOWER(e.actorName) LIKE :text OR LOWER(e.subject) LIKE :text)"));
        before.ifPresent(b -> jpql.append(" AND e.occurredAt < :before"));
        jpql.append(" ORDER BY e.occurredAt DESC, e.id DESC");
        TypedQuery<AuditEvent> query = em.createQuery(jpql.toString(), AuditEvent.class);
        action.ifPresent(a -> query.setParameter("action", a.name()));
        text.ifPresent(t -> query.setParameter("text", "%" + t.toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"));
        before.ifPresent(b -> query.setParameter("before", b));
        return query.setFirstResult(Math.max(0, page) * PAGE_SIZE).setMaxResults(PAGE_SIZE).getResultList();
    }

    /** Events whose actor is this account: part of a person's data export. */
    public List<AuditEvent> byActor(long accountId) {
        return em.createQuery("SELECT e FROM AuditEvent e WHERE e.actorId = :id ORDER BY e.occurredAt", AuditEvent.class)
                .setParameter("id", accountId)
                .getResultList();
    }
}
