package org.duhbalkana.consultation;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Where the documents of published reports are kept (table {@code report_document}), so that
 * anonymous requests read stored bytes instead of building a PDF each. A document is rebuilt only
 * when what it was built from changed (its {@linkplain #fingerprint fingerprint}: the round's
 * comments, their versions and their authors' versions, and the round's own version), for
 * instance when a moderator hides a comment or a commenter deletes their account.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ReportArchive {

    @PersistenceContext(unitName = "consultation")
    EntityManager em;

    @Inject
    Clock clock;

    /** What a stored document is, without its bytes. */
    public record Entry(long id, String fingerprint, Instant builtAt, long sizeBytes) {
    }

    /** The published round of this slug and the fingerprint of its report now; empty if it has no published report. */
    public Optional<Published> published(String slug) {
        List<Object[]> rounds = em.createQuery("SELECT r.id, r.version FROM ConsultationRound r WHERE r.slug = :slug AND r.status = :status",
                Object[].class)
                .setParameter("slug", slug).setParameter("status", RoundStatus.REPORT_PUBLISHED)
                .getResultList();
        if (rounds.isEmpty()) {
            return Optional.empty();
        }
        long roundId = ((Number) rounds.get(0)[0]).longValue();
        Object[] comments = em.createQuery("SELECT COUNT(c), MAX(c.id), SUM(c.version), SUM(a.version) FROM Comment c JOIN c.author a "
                + "WHERE c.round.id = :round", Object[].class)
                .setParameter("round", roundId)
                .getSingleResult();
        String basis = "round " + roundId + " v" + rounds.get(0)[1] + " comments " + comments[0] + " last " + comments[1]
                + " versions " + comments[2] + " authors " + comments[3];
        return Optional.of(new Published(roundId, sha256(basis)));
    }

    /** A round with a published report, and the fingerprint of what its documents are built from now. */
    public record Published(long roundId, String fingerprint) {
    }

    /** The stored document of this kind and language, if there is one. */
    public Optional<Entry> entry(long roundId, ReportDocument.Kind kind, String language) {
        return em.createQuery("SELECT d.id, d.fingerprint, d.builtAt, d.sizeBytes FROM ReportDocument d "
                + "WHERE d.roundId = :round AND d.kind = :kind AND d.language = :language", Object[].class)
                .setParameter("round", roundId).setParameter("kind", kind).setParameter("language", language)
                .getResultList().stream()
                .map(r -> new Entry(((Number) r[0]).longValue(), (String) r[1], (Instant) r[2], ((Number) r[3]).longValue()))
                .findFirst();
    }

    /** The bytes of a stored document. */
    public byte[] content(long documentId) {
        return em.createQuery("SELECT d.content FROM ReportDocument d WHERE d.id = :id", byte[].class)
                .setParameter("id", documentId).getSingleResult();
    }

    /**
     * Keeps a freshly built document (replacing an older build of the same kind and language).
     * Two instances that build the same document at once both write the row; the unique key keeps
     * one, and the other's transaction fails: its caller reads the stored one.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Entry store(long roundId, ReportDocument.Kind kind, String language, String fingerprint, byte[] content) {
        List<ReportDocument> found = em.createQuery("SELECT d FROM ReportDocument d "
                + "WHERE d.roundId = :round AND d.kind = :kind AND d.language = :language", ReportDocument.class)
                .setParameter("round", roundId).setParameter("kind", kind).setParameter("language", language)
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        Instant now = clock.instant();
        ReportDocument document;
        if (found.isEmpty()) {
            document = new ReportDocument(roundId, kind, language, fingerprint, content, now);
            em.persist(document);
        } else {
            document = found.get(0);
            if (!document.fingerprint().equals(fingerprint)) {
                document.replace(fingerprint, content, now);
            }
        }
        em.flush();
        return new Entry(document.id(), document.fingerprint(), document.builtAt(), content.length);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
