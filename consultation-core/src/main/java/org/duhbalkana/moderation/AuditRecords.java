package org.duhbalkana.moderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.duhbalkana.account.PersonalData;

/** The audit log's entries about one person, for the download of their own data. */
@ApplicationScoped
public class AuditRecords {

    @PersistenceContext(unitName = "consultation")
    private EntityManager em;

    protected AuditRecords() {
    }

    public AuditRecords(EntityManager em) {
        this.em = em;
    }

    /**
     * The entries made by the account, and those about the account or one of these comments made
     * by someone else (staff), oldest first; the staff member and their network address are left out.
     */
    public List<PersonalData.Action> about(long accountId, Collection<Long> commentIds) {
        List<String> subjects = new ArrayList<>();
        subjects.add("account " + accountId);
        commentIds.forEach(id -> subjects.add("comment " + id));
        return em.createQuery("SELECT e FROM AuditEvent e WHERE e.actorId = :account OR e.subject IN :subjects "
                        + "ORDER BY e.occurredAt, e.id", AuditEvent.class)
                .setParameter("account", accountId)
                .setParameter("subjects", subjects)
                .getResultList()
                .stream()
                .map(e -> {
                    boolean mine = e.getActorId() != null && e.getActorId() == accountId;
                    return new PersonalData.Action(e.getOccurredAt(), e.getAction(), e.getSubject(), e.getDetails(), mine,
                            mine ? e.getAddress() : null);
                })
                .toList();
    }
}
