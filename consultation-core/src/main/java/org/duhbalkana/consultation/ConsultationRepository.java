package org.duhbalkana.consultation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Rounds and their comments. Lists are paged in the database: comments by keyset (the id after
 * which a page starts), with their authors and sections fetched in the same query, so a page of
 * comments costs two queries however many there are (the page, then its replies).
 */
@ApplicationScoped
public class ConsultationRepository {

    @PersistenceContext(unitName = "consultation")
    private EntityManager em;

    protected ConsultationRepository() {
    }

    public ConsultationRepository(EntityManager em) {
        this.em = em;
    }

    public void add(ConsultationRound round) {
        em.persist(round);
        em.flush();
    }

    public void add(Comment comment) {
        em.persist(comment);
        em.flush();
    }

    /** The round with its sections fetched in the same query. */
    public Optional<ConsultationRound> withSections(String slug) {
        return em.createQuery("SELECT DISTINCT r FROM ConsultationRound r LEFT JOIN FETCH r.sections WHERE r.slug = :slug",
                        ConsultationRound.class)
                .setParameter("slug", slug)
                .getResultStream()
                .findFirst();
    }

    /** A reference to a round whose id is known, without loading it. */
    public ConsultationRound reference(long id) {
        return em.getReference(ConsultationRound.class, id);
    }

    /** A section of a round by its number. */
    public Optional<Section> section(long roundId, int number) {
        return em.createQuery("SELECT s FROM Section s WHERE s.round.id = :round AND s.position = :number", Section.class)
                .setParameter("round", roundId)
                .setParameter("number", number)
                .getResultStream()
                .findFirst();
    }

    public Optional<ConsultationRound> bySlug(String slug) {
        return em.createQuery("SELECT r FROM ConsultationRound r WHERE r.slug = :slug", ConsultationRound.class)
                .setParameter("slug", slug)
                .getResultStream()
                .findFirst();
    }

    /** Public rounds (not drafts), newest first; optionally of one status and one organizing municipality. */
    public List<ConsultationRound> publicRounds(Optional<RoundStatus> status, Optional<Long> municipalityId, int first,
            int max) {
        StringBuilder jpql = new StringBuilder("SELECT DISTINCT r FROM ConsultationRound r");
        municipalityId.ifPresent(m -> jpql.append(" JOIN r.organizers o"));
        jpql.append(" WHERE r.status <> :draft");
        status.ifPresent(s -> jpql.append(" AND r.status = :status"));
        municipalityId.ifPresent(m -> jpql.append(" AND o.id = :municipality"));
        jpql.append(" ORDER BY r.id DESC");
        TypedQuery<ConsultationRound> query = em.createQuery(jpql.toString(), ConsultationRound.class)
                .setParameter("draft", RoundStatus.DRAFT);
        status.ifPresent(s -> query.setParameter("status", s));
        municipalityId.ifPresent(m -> query.setParameter("municipality", m));
        return query.setFirstResult(first).setMaxResults(max).getResultList();
    }

    /** A page of public rounds (not drafts), newest first, narrowed by the filter. */
    public List<ConsultationRound> publicRounds(org.duhbalkana.platform.ListFilter<RoundStatus> filter) {
        TypedQuery<ConsultationRound> query = em.createQuery("SELECT DISTINCT r FROM ConsultationRound r"
                + filtered(filter) + " ORDER BY r.id DESC", ConsultationRound.class);
        bind(query, filter);
        return query.setFirstResult(filter.first()).setMaxResults(org.duhbalkana.platform.ListFilter.PAGE_SIZE).getResultList();
    }

    /** How many public rounds the filter lets through (on all pages). */
    public long countPublicRounds(org.duhbalkana.platform.ListFilter<RoundStatus> filter) {
        TypedQuery<Long> query = em.createQuery("SELECT COUNT(DISTINCT r.id) FROM ConsultationRound r" + filtered(filter),
                Long.class);
        bind(query, filter);
        return query.getSingleResult();
    }

    /** The topic tags of public rounds, in alphabetical order. */
    public List<String> publicTags() {
        return em.createQuery("SELECT DISTINCT t FROM ConsultationRound r JOIN r.tags t WHERE r.status <> :draft", String.class)
                .setParameter("draft", RoundStatus.DRAFT)
                .getResultList().stream().sorted().toList();
    }

    private static String filtered(org.duhbalkana.platform.ListFilter<RoundStatus> f) {
        StringBuilder jpql = new StringBuilder();
        if (f.municipality().isPresent() || f.country().isPresent()) {
            jpql.append(" JOIN r.organizers o");
        }
        f.tag().ifPresent(t -> jpql.append(" JOIN r.tags t"));
        jpql.append(" WHERE r.status <> :draft");
        f.status().ifPresent(s -> jpql.append(" AND r.status = :status"));
        f.municipality().ifPresent(m -> jpql.append(" AND o.code = :municipality"));
        f.country().ifPresent(c -> jpql.append(" AND o.country = :country"));
        f.tag().ifPresent(t -> jpql.append(" AND t = :tag"));
        return jpql.toString();
    }

    private static void bind(TypedQuery<?> query, org.duhbalkana.platform.ListFilter<RoundStatus> f) {
        query.setParameter("draft", RoundStatus.DRAFT);
        f.status().ifPresent(s -> query.setParameter("status", s));
        f.municipality().ifPresent(m -> query.setParameter("municipality", m));
        f.country().ifPresent(c -> query.setParameter("country", c));
        f.tag().ifPresent(t -> query.setParameter("tag", t));
    }

    /** Rounds whose status is due to change, locked so that two instances do not both change them. */
    public List<ConsultationRound> dueToAdvance(Instant now) {
        return em.createQuery("SELECT r FROM ConsultationRound r WHERE (r.status = :scheduled AND r.opensAt <= :now) "
                        + "OR (r.status = :open AND r.closesAt <= :now) ORDER BY r.id", ConsultationRound.class)
                .setParameter("scheduled", RoundStatus.SCHEDULED)
                .setParameter("open", RoundStatus.OPEN)
                .setParameter("now", now)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    public Optional<Comment> comment(long id) {
        return Optional.ofNullable(em.find(Comment.class, id));
    }

    /**
     * A page of top-level comments of a round (of one section, if given), oldest first, starting
     * after the given id, with their authors.
     */
    public List<Comment> topLevel(ConsultationRound round, Optional<Section> section, long afterId, int limit) {
        String jpql = "SELECT c FROM Comment c JOIN FETCH c.author LEFT JOIN FETCH c.section "
                + "WHERE c.round = :round AND c.parent IS NULL AND c.id > :after"
                + (section.isPresent() ? " AND c.section = :section" : "")
                + " ORDER BY c.id";
        TypedQuery<Comment> query = em.createQuery(jpql, Comment.class)
                .setParameter("round", round)
                .setParameter("after", afterId);
        section.ifPresent(s -> query.setParameter("section", s));
        return query.setMaxResults(limit).getResultList();
    }

    /** The replies to these comments, with their authors, oldest first. */
    public List<Comment> replies(List<Long> parentIds) {
        if (parentIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT c FROM Comment c JOIN FETCH c.author JOIN FETCH c.parent p "
                        + "WHERE p.id IN :parents ORDER BY c.id", Comment.class)
                .setParameter("parents", parentIds)
                .getResultList();
    }

    /** How many replies each of these comments has (comments without replies are left out). */
    public java.util.Map<Long, Long> replyCounts(List<Long> parentIds) {
        java.util.Map<Long, Long> counts = new java.util.HashMap<>();
        if (parentIds.isEmpty()) {
            return counts;
        }
        for (Object[] row : em.createQuery("SELECT c.parent.id, COUNT(c) FROM Comment c WHERE c.parent.id IN :parents "
                + "GROUP BY c.parent.id", Object[].class).setParameter("parents", parentIds).getResultList()) {
            counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        return counts;
    }

    /** A page of one comment's replies, oldest first, after the reply {@code afterId} (keyset). */
    public List<Comment> replies(long parentId, long afterId, int limit) {
        return em.createQuery("SELECT c FROM Comment c JOIN FETCH c.author JOIN FETCH c.parent p "
                        + "WHERE p.id = :parent AND c.id > :after ORDER BY c.id", Comment.class)
                .setParameter("parent", parentId)
                .setParameter("after", afterId)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Every comment of a round, in the order of its sections (the whole draft first), for the report. */
    public List<Comment> allForReport(ConsultationRound round) {
        return em.createQuery("SELECT c FROM Comment c JOIN FETCH c.author LEFT JOIN FETCH c.section s "
                        + "WHERE c.round = :round ORDER BY s.position, c.id", Comment.class)
                .setParameter("round", round)
                .getResultList();
    }

    /** The ids of everyone who commented on a round. */
    public List<Long> commenterIds(ConsultationRound round) {
        return em.createQuery("SELECT DISTINCT c.author.id FROM Comment c WHERE c.round = :round", Long.class)
                .setParameter("round", round)
                .getResultList();
    }

    /** How many comments still need an answer (hidden ones too: they appear in the report with their answer). */
    public long unanswered(ConsultationRound round) {
        return em.createQuery("SELECT COUNT(c) FROM Comment c WHERE c.round = :round AND c.disposition IS NULL", Long.class)
                .setParameter("round", round)
                .getSingleResult();
    }

    /** How many comments need an answer at all (answered or not): every comment of the round. */
    public long toAnswer(ConsultationRound round) {
        return em.createQuery("SELECT COUNT(c) FROM Comment c WHERE c.round = :round", Long.class)
                .setParameter("round", round)
                .getSingleResult();
    }

    /** How many of the round's comments wait for a moderator's decision: while any does, the report waits. */
    public long pendingModeration(ConsultationRound round) {
        return em.createQuery("SELECT COUNT(c) FROM Comment c WHERE c.round = :round AND c.status = :pending", Long.class)
                .setParameter("round", round)
                .setParameter("pending", CommentStatus.PENDING)
                .getSingleResult();
    }

    /** The round, its row locked until the transaction ends (two reviewers signing its report at once). */
    public Optional<ConsultationRound> bySlugLocked(String slug) {
        return em.createQuery("SELECT r FROM ConsultationRound r WHERE r.slug = :slug", ConsultationRound.class)
                .setParameter("slug", slug)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
    }

    /**
     * Locks the account's row until the transaction ends, so that its comments or flags are
     * counted and written one at a time (two requests at once cannot both pass a limit).
     */
    public void lockAccount(long accountId) {
        em.find(org.duhbalkana.account.Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * How many comments and replies the account wrote after this instant, and the oldest of them
     * (the instants are read as such: an aggregate over them would bypass their converter).
     */
    public Counted commentsSince(long accountId, Instant since) {
        return Counted.of(em.createQuery("SELECT c.createdAt FROM Comment c WHERE c.author.id = :account "
                        + "AND c.createdAt > :since ORDER BY c.createdAt", Instant.class)
                .setParameter("account", accountId)
                .setParameter("since", since)
                .getResultList());
    }

    /** How many comments the account flagged after this instant, and the oldest of those flags. */
    public Counted flagsSince(long accountId, Instant since) {
        return Counted.of(em.createQuery("SELECT f.createdAt FROM Flag f WHERE f.accountId = :account "
                        + "AND f.createdAt > :since ORDER BY f.createdAt", Instant.class)
                .setParameter("account", accountId)
                .setParameter("since", since)
                .getResultList());
    }

    /** How many of the round's comments the account has flagged. */
    public long flagsOnRound(long accountId, ConsultationRound round) {
        return em.createQuery("SELECT COUNT(f) FROM Flag f WHERE f.accountId = :account AND f.subjectId IN "
                        + "(SELECT c.id FROM Comment c WHERE c.round = :round)", Long.class)
                .setParameter("account", accountId)
                .setParameter("round", round)
                .getSingleResult();
    }

    /** A count, and the oldest instant counted (null when none). */
    public record Counted(long count, Instant oldest) {

        static Counted of(List<Instant> oldestFirst) {
            return new Counted(oldestFirst.size(), oldestFirst.isEmpty() ? null : oldestFirst.get(0));
        }
    }

    /** The flags on these comments, with who flagged them (display name), oldest first. */
    public List<FlagView> flagsOn(List<Long> commentIds) {
        if (commentIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT f.subjectId, f.accountId, a.displayName, f.reason, f.createdAt FROM Flag f, "
                        + "org.duhbalkana.account.Account a WHERE a.id = f.accountId AND f.subjectId IN :ids "
                        + "ORDER BY f.subjectId, f.createdAt", Object[].class)
                .setParameter("ids", commentIds)
                .getResultList().stream()
                .map(row -> new FlagView(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), (String) row[2],
                        (String) row[3], (Instant) row[4]))
                .toList();
    }

    /** The open invitations to organize a round, for these municipalities, oldest first, with their rounds. */
    public List<OrganizerConsent> openInvitations(java.util.Collection<Long> municipalityIds) {
        if (municipalityIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT c FROM OrganizerConsent c JOIN FETCH c.round WHERE c.municipality.id IN :ids "
                        + "AND c.status = :invited ORDER BY c.id", OrganizerConsent.class)
                .setParameter("ids", municipalityIds)
                .setParameter("invited", OrganizerConsent.Status.INVITED)
                .getResultList();
    }

    public long commentCount(ConsultationRound round) {
        return em.createQuery("SELECT COUNT(c) FROM Comment c WHERE c.round.id = :round", Long.class)
                .setParameter("round", round.id())
                .getSingleResult();
    }

    /** Records an endorsement; false if this person had endorsed the comment already. */
    public boolean endorse(Comment comment, long accountId, Instant now) {
        if (em.find(Endorsement.class, new AccountMark.Key(comment.id(), accountId)) != null) {
            return false;
        }
        em.persist(new Endorsement(comment.id(), accountId, now));
        return true;
    }

    /** Records a flag; false if this person had flagged the comment already. */
    public boolean flag(Comment comment, long accountId, String reason, Instant now) {
        if (em.find(Flag.class, new AccountMark.Key(comment.id(), accountId)) != null) {
            return false;
        }
        em.persist(new Flag(comment.id(), accountId, reason, now));
        return true;
    }

    public boolean follow(ConsultationRound round, long accountId, Instant now) {
        if (em.find(Follow.class, new AccountMark.Key(round.id(), accountId)) != null) {
            return false;
        }
        em.persist(new Follow(round.id(), accountId, now));
        return true;
    }

    public void unfollow(ConsultationRound round, long accountId) {
        Follow follow = em.find(Follow.class, new AccountMark.Key(round.id(), accountId));
        if (follow != null) {
            em.remove(follow);
        }
    }

    public boolean follows(ConsultationRound round, long accountId) {
        return em.find(Follow.class, new AccountMark.Key(round.id(), accountId)) != null;
    }

    /** The ids of the people following a round. */
    public List<Long> followers(ConsultationRound round) {
        return em.createQuery("SELECT f.accountId FROM Follow f WHERE f.subjectId = :round", Long.class)
                .setParameter("round", round.id())
                .getResultList();
    }

    /** The reviewers' queue: a round's comments (replies too), filtered, oldest first, by keyset. */
    public List<Comment> reviewQueue(ConsultationRound round, Optional<Section> section, Optional<Stance> stance,
            Optional<Boolean> answered, boolean flaggedOnly, long afterId, int limit) {
        StringBuilder jpql = new StringBuilder("SELECT c FROM Comment c JOIN FETCH c.author LEFT JOIN FETCH c.section "
                + "WHERE c.round = :round AND c.id > :after");
        section.ifPresent(s -> jpql.append(" AND c.section = :section"));
        stance.ifPresent(s -> jpql.append(" AND c.stance = :stance"));
        answered.ifPresent(a -> jpql.append(a ? " AND c.disposition IS NOT NULL" : " AND c.disposition IS NULL"));
        if (flaggedOnly) {
            jpql.append(" AND c.flagCount > 0");
        }
        jpql.append(" ORDER BY c.id");
        TypedQuery<Comment> query = em.createQuery(jpql.toString(), Comment.class)
                .setParameter("round", round)
                .setParameter("after", afterId);
        section.ifPresent(s -> query.setParameter("section", s));
        stance.ifPresent(s -> query.setParameter("stance", s));
        return query.setMaxResults(limit).getResultList();
    }

    /** Comments waiting for a moderator (flagged, still shown, under review), oldest first, by keyset. */
    public List<Comment> moderationQueue(long afterId, int limit) {
        return em.createQuery("SELECT c FROM Comment c JOIN FETCH c.author JOIN FETCH c.round "
                        + "WHERE c.status = :pending AND c.id > :after ORDER BY c.id", Comment.class)
                .setParameter("pending", CommentStatus.PENDING)
                .setParameter("after", afterId)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Draft rounds someone works on: those they started, and those their municipalities organize; newest first. */
    public List<ConsultationRound> draftsOf(long accountId, java.util.Collection<Long> municipalityIds) {
        java.util.Collection<Long> ids = municipalityIds.isEmpty() ? List.of(-1L) : municipalityIds;
        return em.createQuery("SELECT DISTINCT r FROM ConsultationRound r LEFT JOIN r.organizers o WHERE r.status = :draft "
                        + "AND (r.createdBy.id = :me OR o.id IN :ids) ORDER BY r.id DESC", ConsultationRound.class)
                .setParameter("draft", RoundStatus.DRAFT)
                .setParameter("me", accountId)
                .setParameter("ids", ids)
                .setMaxResults(100)
                .getResultList();
    }

    /** Rounds of these municipalities whose comments are being answered (open or closed, report not yet published); newest first. */
    public List<ConsultationRound> answeringBy(java.util.Collection<Long> municipalityIds) {
        if (municipalityIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT DISTINCT r FROM ConsultationRound r JOIN r.organizers o WHERE r.status IN :statuses "
                        + "AND o.id IN :ids ORDER BY r.id DESC", ConsultationRound.class)
                .setParameter("statuses", List.of(RoundStatus.OPEN, RoundStatus.CLOSED))
                .setParameter("ids", municipalityIds)
                .setMaxResults(100)
                .getResultList();
    }

    /** Someone's shown comments that wait for the organizers' answer (in rounds still open or closed), newest first. */
    public List<Comment> awaitingAnswer(long authorId, int max) {
        return em.createQuery("SELECT c FROM Comment c JOIN FETCH c.round r WHERE c.author.id = :me AND c.disposition IS NULL "
                        + "AND c.status <> :hidden AND r.status IN :statuses ORDER BY c.id DESC", Comment.class)
                .setParameter("me", authorId)
                .setParameter("hidden", CommentStatus.HIDDEN)
                .setParameter("statuses", List.of(RoundStatus.OPEN, RoundStatus.CLOSED))
                .setMaxResults(max)
                .getResultList();
    }

    /** How many comments wait for a moderator. */
    public long moderationQueueSize() {
        return em.createQuery("SELECT COUNT(c) FROM Comment c WHERE c.status = :pending", Long.class)
                .setParameter("pending", CommentStatus.PENDING)
                .getSingleResult();
    }

    /** The round's comments counted by one expression (over the comment {@code c} and its section {@code s}). */
    java.util.Map<Object, Long> countBy(ConsultationRound round, String expression) {
        java.util.Map<Object, Long> counts = new java.util.LinkedHashMap<>();
        em.createQuery("SELECT " + expression + ", COUNT(c) FROM Comment c LEFT JOIN c.section s WHERE c.round = :round GROUP BY "
                        + expression, Object[].class)
                .setParameter("round", round)
                .getResultList()
                .forEach(row -> counts.put(row[0], ((Number) row[1]).longValue()));
        return counts;
    }

    /** When each of the round's comments was written. */
    java.util.List<java.time.Instant> commentTimes(ConsultationRound round) {
        return em.createQuery("SELECT c.createdAt FROM Comment c WHERE c.round = :round", java.time.Instant.class)
                .setParameter("round", round).getResultList();
    }

    void add(Attachment attachment) {
        em.persist(attachment);
        em.flush();
    }

    void remove(Attachment attachment) {
        em.remove(attachment);
    }

    public java.util.Optional<Attachment> attachment(long id) {
        return java.util.Optional.ofNullable(em.find(Attachment.class, id));
    }

    /** A round's attachments, in the order they were added. */
    public List<Attachment> attachments(ConsultationRound round) {
        return em.createQuery("SELECT a FROM Attachment a WHERE a.round = :round ORDER BY a.id", Attachment.class)
                .setParameter("round", round).getResultList();
    }
}
