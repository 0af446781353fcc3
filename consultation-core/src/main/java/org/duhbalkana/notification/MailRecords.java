package org.duhbalkana.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import org.duhbalkana.account.PersonalData;

/** The mail kept for some addresses, for the download of the address owner's own data. */
@ApplicationScoped
public class MailRecords {

    @PersistenceContext(unitName = "consultation")
    private EntityManager em;

    protected MailRecords() {
    }

    public MailRecords(EntityManager em) {
        this.em = em;
    }

    /** Subjects and times of the mail to these addresses (never the bodies: they hold single-use links). */
    public List<PersonalData.Mail> sentTo(Collection<String> recipients) {
        if (recipients.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT m.subject, m.createdAt, m.sentAt FROM MailMessage m WHERE m.recipient IN :to "
                        + "ORDER BY m.createdAt, m.id", Object[].class)
                .setParameter("to", recipients)
                .getResultList()
                .stream()
                .map(row -> new PersonalData.Mail((String) row[0], (java.time.Instant) row[1], (java.time.Instant) row[2]))
                .toList();
    }
}
