package org.duhbalkana.campaign;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Campaigns, their signatures and their tallies, as the domain speaks of them. */
@ApplicationScoped
public class CampaignRepository {

    /** Signatures that count: confirmed, not held, not invalidated. */
    static final String VALID = "confirmed_at IS NOT NULL AND held = FALSE AND invalidated_at IS NULL";

    @PersistenceContext(unitName = "consultation")
    private EntityManager em;

    protected CampaignRepository() {
    }

    public CampaignRepository(EntityManager em) {
        this.em = em;
    }

    public void add(Campaign campaign) {
        em.persist(campaign);
        em.flush();
    }

    public Optional<Campaign> bySlug(String slug) {
        return em.createQuery("SELECT c FROM Campaign c WHERE c.slug = :slug", Campaign.class)
                .setParameter("slug", slug)
                .getResultStream().findFirst();
    }

    /**
     * What signing needs of a campaign, read as a few columns rather than as a whole campaign
     * (signing is the hot path of a surge).
     */
    public Optional<PetitionWindow> petitionWindow(String slug) {
        return em.createQuery("SELECT NEW org.duhbalkana.campaign.PetitionWindow(c.id, c.slug, c.title, c.status, c.petition, c.deadline)"
                        + " FROM Campaign c WHERE c.slug = :slug", PetitionWindow.class)
                .setParameter("slug", slug)
                .getResultStream().findFirst();
    }

    /** The campaign as a reference for a new row that points at it, without reading it. */
    public Campaign reference(long id) {
        return em.getReference(Campaign.class, id);
    }

    public boolean slugTaken(String slug) {
        return bySlug(slug).isPresent();
    }

    /** Public campaigns, newest first, a page at a time; {@code status} empty means published and closed. */
    public List<Campaign> publicCampaigns(Optional<CampaignStatus> status, int page, int size) {
        List<CampaignStatus> statuses = status.map(List::of).orElse(List.of(CampaignStatus.PUBLISHED, CampaignStatus.CLOSED));
        return em.createQuery("SELECT c FROM Campaign c WHERE c.status IN :statuses ORDER BY c.publishedAt DESC, c.id DESC",
                        Campaign.class)
                .setParameter("statuses", statuses)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultList();
    }

    /**
     * A page of public campaigns, newest first, narrowed by the filter: the municipality and
     * country are the target's; the topic tags those of the round the campaign invites people to.
     */
    public List<Campaign> publicCampaigns(org.duhbalkana.platform.ListFilter<CampaignStatus> filter) {
        TypedQuery<Campaign> query = em.createQuery("SELECT DISTINCT c FROM Campaign c" + filtered(filter)
                + " ORDER BY c.publishedAt DESC, c.id DESC", Campaign.class);
        bind(query, filter);
        return query.setFirstResult(filter.first()).setMaxResults(org.duhbalkana.platform.ListFilter.PAGE_SIZE).getResultList();
    }

    /** How many public campaigns the filter lets through (on all pages). */
    public long countPublicCampaigns(org.duhbalkana.platform.ListFilter<CampaignStatus> filter) {
        TypedQuery<Long> query = em.createQuery("SELECT COUNT(DISTINCT c.id) FROM Campaign c" + filtered(filter), Long.class);
        bind(query, filter);
        return query.getSingleResult();
    }

    private static String filtered(org.duhbalkana.platform.ListFilter<CampaignStatus> f) {
        StringBuilder jpql = new StringBuilder();
        if (f.municipality().isPresent() || f.country().isPresent()) {
            jpql.append(" JOIN c.targetMunicipality m");
        }
        f.tag().ifPresent(t -> jpql.append(" JOIN c.round r JOIN r.tags t"));
        jpql.append(" WHERE c.status IN :statuses");
        f.municipality().ifPresent(v -> jpql.append(" AND m.code = :municipality"));
        f.country().ifPresent(v -> jpql.append(" AND m.country = :country"));
        f.tag().ifPresent(v -> jpql.append(" AND t = :tag"));
        return jpql.toString();
    }

    private static void bind(TypedQuery<?> query, org.duhbalkana.platform.ListFilter<CampaignStatus> f) {
        query.setParameter("statuses", f.status().map(List::of).orElse(List.of(CampaignStatus.PUBLISHED, CampaignStatus.CLOSED)));
        f.municipality().ifPresent(v -> query.setParameter("municipality", v));
        f.country().ifPresent(v -> query.setParameter("country", v));
        f.tag().ifPresent(v -> query.setParameter("tag", v));
    }

    public List<Campaign> organizedBy(long accountId) {
        return em.createQuery("SELECT c FROM Campaign c WHERE c.organizer.id = :id ORDER BY c.createdAt DESC", Campaign.class)
                .setParameter("id", accountId)
                .getResultList();
    }

    public List<Campaign> pendingReview() {
        return em.createQuery("SELECT c FROM Campaign c WHERE c.status = :s ORDER BY c.createdAt", Campaign.class)
                .setParameter("s", CampaignStatus.PENDING_REVIEW)
                .getResultList();
    }

    /** Published campaigns whose deadline has passed. */
    public List<Campaign> pastDeadline(Instant now) {
        return em.createQuery("SELECT c FROM Campaign c WHERE c.status = :s AND c.deadline <= :now", Campaign.class)
                .setParameter("s", CampaignStatus.PUBLISHED)
                .setParameter("now", now)
                .getResultList();
    }

    /** Closed campaigns whose signers' personal data is still kept. */
    public List<Campaign> closedNotAnonymized() {
        return em.createQuery("SELECT c FROM Campaign c WHERE c.status = :s AND c.anonymizedAt IS NULL", Campaign.class)
                .setParameter("s", CampaignStatus.CLOSED)
                .getResultList();
    }

    public void add(Signature signature) {
        em.persist(signature);
        em.flush();
    }

    public Optional<Signature> signature(Campaign campaign, String emailKey) {
        return em.createQuery("SELECT s FROM Signature s WHERE s.campaign = :c AND s.emailKey = :k", Signature.class)
                .setParameter("c", campaign)
                .setParameter("k", emailKey)
                .getResultStream().findFirst();
    }

    public Optional<Signature> signatureByToken(String tokenHash) {
        return em.createQuery("SELECT s FROM Signature s JOIN FETCH s.campaign WHERE s.tokenHash = :h OR s.earlierToken = :h", Signature.class)
                .setParameter("h", tokenHash)
                .getResultStream().findFirst();
    }

    /** Confirms the signature if it is not yet confirmed: a link works once, even when followed twice at once. */
    public boolean confirm(long signatureId, Instant now) {
        return em.createQuery("UPDATE Signature s SET s.confirmedAt = :now WHERE s.id = :id AND s.confirmedAt IS NULL")
                .setParameter("now", now)
                .setParameter("id", signatureId)
                .executeUpdate() == 1;
    }

    /**
     * Confirms the signature a link belongs to when the link can be used now: not yet confirmed,
     * not expired, and the petition still taking signatures. False when any of that fails or no
     * signature has the link; the caller then reads why. Two plain statements and no entity: a
     * read that takes no locks, then an update of the one row by its key (an update that searched
     * by the link itself would lock ranges of the index and deadlock with new signatures under a
     * surge).
     */
    public boolean confirmByToken(String tokenHash, Instant now) {
        // JPQL, so that the times are bound as the entities store them (a native query bound
        // java.time.Instant differently when the JVM's zone is not UTC); a projection builds no entity.
        List<Long> ids = em.createQuery("SELECT s.id FROM Signature s JOIN s.campaign c"
                        + " WHERE (s.tokenHash = :h OR s.earlierToken = :h) AND s.confirmedAt IS NULL AND s.createdAt >= :issuedAfter"
                        + " AND c.status = :published AND c.petition = TRUE AND c.deadline > :now", Long.class)
                .setParameter("h", tokenHash)
                .setParameter("issuedAfter", now.minus(Signature.LINK_LIFETIME))
                .setParameter("published", CampaignStatus.PUBLISHED)
                .setParameter("now", now)
                .getResultList();
        if (ids.size() != 1) {
            return false;
        }
        return confirm(ids.get(0), now);
    }

    /** Takes the job's row lock for the rest of the transaction; a second instance waits. */
    public void lockJob(String name, Instant now) {
        em.createNativeQuery("SELECT name FROM job_lock WHERE name = ? FOR UPDATE").setParameter(1, name).getResultList();
        em.createNativeQuery("UPDATE job_lock SET last_run = ? WHERE name = ?").setParameter(1, now).setParameter(2, name)
                .executeUpdate();
    }

    /** Where signatures come from, counted: one row per municipality (0 for "other") and country. */
    public record Tally(long municipalityKey, String country, int signatures) {
    }

    /** A change to the tallies found by the counting job. */
    record Delta(long campaignId, long municipalityKey, String country) {
    }

    /**
     * Locks up to {@code limit} signatures that count but are not counted yet (or, with
     * {@code removing}, that are counted but no longer count), marks them, and says how many
     * there were per campaign, municipality and country.
     */
    Map<Delta, Integer> takeBatch(boolean removing, int limit) {
        String condition = removing ? "counted = TRUE AND NOT (" + VALID + ")" : "counted = FALSE AND " + VALID;
        // Candidates first, without locks; then only those rows are locked, through the primary key,
        // and checked again. A locking read over the (counted, confirmed_at) index would lock its
        // gaps too, and confirmations moving rows into them would deadlock with it.
        @SuppressWarnings("unchecked")
        List<Object> candidates = em.createNativeQuery("SELECT id FROM signature WHERE " + condition + " ORDER BY id LIMIT " + limit)
                .getResultList();
        if (candidates.isEmpty()) {
            return Map.of();
        }
        String idList = candidates.stream().map(id -> Long.toString(((Number) id).longValue()))
                .reduce((a, b) -> a + "," + b).orElseThrow();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, campaign_id, COALESCE(municipality_id, 0), country FROM signature "
                        + "WHERE id IN (" + idList + ") AND " + condition + " ORDER BY id FOR UPDATE")
                .getResultList();
        Map<Delta, Integer> deltas = new LinkedHashMap<>();
        List<Long> ids = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            ids.add(((Number) row[0]).longValue());
            deltas.merge(new Delta(((Number) row[1]).longValue(), ((Number) row[2]).longValue(), (String) row[3]), 1, Integer::sum);
        }
        for (int from = 0; from < ids.size(); from += 1000) {
            em.createQuery("UPDATE Signature s SET s.counted = :counted WHERE s.id IN :ids")
                    .setParameter("counted", !removing)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .executeUpdate();
        }
        return deltas;
    }

    /** Adds {@code change} to one tally row, creating it when it is the first. */
    void addToTally(long campaignId, long municipalityKey, String country, int change) {
        int updated = em.createNativeQuery("UPDATE signature_tally SET signatures = signatures + ? "
                        + "WHERE campaign_id = ? AND municipality_key = ? AND country = ?")
                .setParameter(1, change).setParameter(2, campaignId).setParameter(3, municipalityKey).setParameter(4, country)
                .executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("INSERT INTO signature_tally (campaign_id, municipality_key, country, signatures) VALUES (?, ?, ?, ?)")
                    .setParameter(1, campaignId).setParameter(2, municipalityKey).setParameter(3, country).setParameter(4, change)
                    .executeUpdate();
        }
    }

    /** Rebuilds a campaign's tallies from its signatures marked counted; returns the total. */
    int recount(long campaignId) {
        em.createNativeQuery("DELETE FROM signature_tally WHERE campaign_id = ?").setParameter(1, campaignId).executeUpdate();
        em.createNativeQuery("INSERT INTO signature_tally (campaign_id, municipality_key, country, signatures) "
                        + "SELECT campaign_id, COALESCE(municipality_id, 0), country, COUNT(*) FROM signature "
                        + "WHERE campaign_id = ? AND counted = TRUE GROUP BY campaign_id, COALESCE(municipality_id, 0), country")
                .setParameter(1, campaignId).executeUpdate();
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM signature WHERE campaign_id = ? AND counted = TRUE")
                .setParameter(1, campaignId).getSingleResult()).intValue();
    }

    public List<Tally> tallies(Campaign campaign) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT municipality_key, country, signatures FROM signature_tally "
                        + "WHERE campaign_id = ? AND signatures > 0 ORDER BY signatures DESC, municipality_key")
                .setParameter(1, campaign.id())
                .getResultList();
        return rows.stream().map(r -> new Tally(((Number) r[0]).longValue(), (String) r[1], ((Number) r[2]).intValue())).toList();
    }

    /**
     * Lets go of the personal data of every signature of the campaign, and of every mail written to
     * its signers (recipient and body: confirmation links, repeats, updates, the response); keeps
     * where the signatures came from. Mail written to a signer's address before mail had topics
     * goes too, unless the address is also an account's (that account's own mail is not the
     * campaign's to delete).
     */
    int anonymize(Campaign campaign) {
        em.createQuery("DELETE FROM MailMessage m WHERE m.topic = :topic").setParameter("topic", campaign.mailTopic()).executeUpdate();
        em.createNativeQuery("DELETE FROM mail_message WHERE topic IS NULL AND recipient IN (SELECT s.email FROM signature s "
                        + "WHERE s.campaign_id = ? AND s.email IS NOT NULL) AND recipient NOT IN (SELECT a.email FROM account a "
                        + "WHERE a.email IS NOT NULL)")
                .setParameter(1, campaign.id()).executeUpdate();
        return em.createQuery("UPDATE Signature s SET s.name = NULL, s.email = NULL, s.emailKey = NULL, s.clientAddress = NULL, "
                        + "s.tokenHash = NULL, s.earlierToken = NULL, s.anonymized = TRUE WHERE s.campaign = :c AND s.anonymized = FALSE")
                .setParameter("c", campaign)
                .executeUpdate();
    }

    /** Confirmed signers who agreed to hear about the campaign and whose address is still kept. */
    private static final String CONSENTING = "s.consentUpdates = TRUE AND s.confirmedAt IS NOT NULL AND s.invalidatedAt IS NULL"
            + " AND s.email IS NOT NULL";

    /** Confirmed signers who asked for updates, in the order of their signatures, after the given one, a batch at a time. */
    public List<Signature> updateRecipients(Campaign campaign, long afterSignature, int limit) {
        return em.createQuery("SELECT s FROM Signature s WHERE s.campaign = :c AND s.id > :after AND " + CONSENTING + " ORDER BY s.id",
                        Signature.class)
                .setParameter("c", campaign)
                .setParameter("after", afterSignature)
                .setMaxResults(limit)
                .getResultList();
    }

    public int updateRecipientCount(Campaign campaign) {
        return em.createQuery("SELECT COUNT(s) FROM Signature s WHERE s.campaign = :c AND " + CONSENTING, Long.class)
                .setParameter("c", campaign)
                .getSingleResult().intValue();
    }

    /** The oldest mailing not yet finished nor set aside after failing, if any. */
    public Optional<CampaignMailing> nextMailing() {
        return em.createQuery("SELECT m FROM CampaignMailing m WHERE m.finishedAt IS NULL AND m.failures < :max ORDER BY m.id",
                        CampaignMailing.class)
                .setParameter("max", CampaignMailing.MAX_FAILURES)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }

    /** Signatures held over a rate limit, waiting for a moderator. */
    public long heldCount(Campaign campaign) {
        return em.createQuery("SELECT COUNT(s) FROM Signature s WHERE s.campaign = :c AND s.held = TRUE AND s.invalidatedAt IS NULL",
                        Long.class)
                .setParameter("c", campaign).getSingleResult();
    }

    /** Signatures held over a mail limit, waiting for a moderator, oldest first. */
    List<Signature> held(Campaign campaign) {
        return em.createQuery("SELECT s FROM Signature s WHERE s.campaign = :c AND s.held = TRUE AND s.invalidatedAt IS NULL ORDER BY s.id",
                        Signature.class)
                .setParameter("c", campaign).getResultList();
    }

    public void add(CampaignMailing mailing) {
        em.persist(mailing);
    }

    public void add(CampaignUpdate update) {
        em.persist(update);
    }

    public List<CampaignUpdate> updates(Campaign campaign) {
        return em.createQuery("SELECT u FROM CampaignUpdate u WHERE u.campaign = :c ORDER BY u.postedAt DESC", CampaignUpdate.class)
                .setParameter("c", campaign).getResultList();
    }

    EntityManager em() {
        return em;
    }
}
