package org.duhbalkana.consultation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.duhbalkana.account.PersonalData;

/** One person's part in consultations, for the download of their own data: by account id only. */
@ApplicationScoped
public class ParticipationRecords {

    @PersistenceContext(unitName = "consultation")
    private EntityManager em;

    protected ParticipationRecords() {
    }

    public ParticipationRecords(EntityManager em) {
        this.em = em;
    }

    /** The comments and replies the person wrote, oldest first. */
    public List<PersonalData.Comment> comments(long accountId) {
        return em.createQuery("SELECT c FROM Comment c JOIN FETCH c.round LEFT JOIN FETCH c.section "
                        + "WHERE c.author.id = :account ORDER BY c.id", Comment.class)
                .setParameter("account", accountId)
                .getResultList()
                .stream()
                .map(c -> new PersonalData.Comment(c.id(), c.round().slug(), c.section().map(Section::number).orElse(null),
                        c.parent().map(Comment::id).orElse(null), c.stance().name(), c.body(), c.createdAt(),
                        c.editedAt().orElse(null), c.status().name(), c.hiddenReason().orElse(null),
                        c.disposition().map(Enum::name).orElse(null), c.dispositionReason().orElse(null)))
                .toList();
    }

    /** The comments the person agreed with. */
    public List<PersonalData.Endorsement> endorsements(long accountId) {
        return em.createQuery("SELECT e.subjectId, r.slug, e.createdAt FROM Endorsement e, Comment c JOIN c.round r "
                        + "WHERE c.id = e.subjectId AND e.accountId = :account ORDER BY e.createdAt, e.subjectId", Object[].class)
                .setParameter("account", accountId)
                .getResultList()
                .stream()
                .map(row -> new PersonalData.Endorsement(((Number) row[0]).longValue(), (String) row[1], (Instant) row[2]))
                .toList();
    }

    /** The comments the person flagged, with the reasons they gave. */
    public List<PersonalData.Flag> flags(long accountId) {
        return em.createQuery("SELECT f.subjectId, r.slug, f.reason, f.createdAt FROM Flag f, Comment c JOIN c.round r "
                        + "WHERE c.id = f.subjectId AND f.accountId = :account ORDER BY f.createdAt, f.subjectId", Object[].class)
                .setParameter("account", accountId)
                .getResultList()
                .stream()
                .map(row -> new PersonalData.Flag(((Number) row[0]).longValue(), (String) row[1], (String) row[2],
                        (Instant) row[3]))
                .toList();
    }

    /** The rounds the person follows. */
    public List<PersonalData.Follow> follows(long accountId) {
        return em.createQuery("SELECT r.slug, f.createdAt FROM Follow f, ConsultationRound r "
                        + "WHERE r.id = f.subjectId AND f.accountId = :account ORDER BY f.createdAt, r.id", Object[].class)
                .setParameter("account", accountId)
                .getResultList()
                .stream()
                .map(row -> new PersonalData.Follow((String) row[0], (Instant) row[1]))
                .toList();
    }
}
