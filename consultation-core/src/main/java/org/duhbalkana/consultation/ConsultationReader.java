package org.duhbalkana.consultation;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.duhbalkana.account.Account;
import org.duhbalkana.account.AccountRepository;
import org.duhbalkana.account.Caller;

/**
 * What anyone may read: public rounds, their comments a page at a time, and published reports.
 * Drafts are visible only to the round's managers.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ConsultationReader {

    public static final int MAX_PAGE = 100;

    @Inject
    ConsultationRepository rounds;

    @Inject
    AccountRepository accounts;

    @Inject
    org.duhbalkana.account.MunicipalityRepository municipalities;

    @Resource
    SessionContext session;

    @Inject
    java.time.Clock clock;

    public List<ConsultationRound> list(Optional<RoundStatus> status, Optional<Long> municipalityId, int page, int size) {
        int limit = Math.min(Math.max(size, 1), MAX_PAGE);
        List<ConsultationRound> found = rounds.publicRounds(status, municipalityId, Math.max(page, 0) * limit, limit);
        found.forEach(r -> r.translations().size());
        return found;
    }

    /** The statuses a public list of rounds may be narrowed to. */
    public static final java.util.Set<RoundStatus> LISTED = java.util.EnumSet.of(RoundStatus.SCHEDULED, RoundStatus.OPEN,
            RoundStatus.CLOSED, RoundStatus.REPORT_PUBLISHED);

    /**
     * A page of public rounds, newest first, narrowed as a link asks: every value is checked here
     * (an unknown status, municipality, country, tag form or page is refused with its message).
     *
     * @throws org.duhbalkana.platform.InputRejected naming the bad parameter
     */
    public org.duhbalkana.platform.ListPage<ConsultationRound> page(String status, String municipality, String country,
            String tag, String page) {
        org.duhbalkana.platform.ListFilter<RoundStatus> filter = org.duhbalkana.platform.ListFilter.parse(RoundStatus.class,
                LISTED, status, municipality, country, tag, page);
        if (filter.municipality().isPresent() && municipalities.byCode(filter.municipality().get()).isEmpty()) {
            throw new org.duhbalkana.platform.InputRejected("municipality", "list.error.municipality");
        }
        List<ConsultationRound> found = rounds.publicRounds(filter);
        found.forEach(r -> {
            r.translations().size();
            r.tags().size();
        });
        return new org.duhbalkana.platform.ListPage<>(found, rounds.countPublicRounds(filter), filter.page(),
                org.duhbalkana.platform.ListFilter.PAGE_SIZE);
    }

    /** The topic tags of public rounds, for the list's filter. */
    public List<String> tags() {
        return rounds.publicTags();
    }

    /** The round with its sections, if the caller may see it. */
    public Optional<ConsultationRound> round(String slug) {
        Optional<ConsultationRound> found = rounds.withSections(slug).filter(r -> r.status().isPublic() || managedByCaller(r));
        found.ifPresent(r -> r.translations().size());
        return found;
    }

    /** The round's attachments (for a round the caller may see). */
    public List<Attachment> attachments(ConsultationRound round) {
        return rounds.attachments(rounds.reference(round.id()));
    }

    /** An attachment of a round the caller may see, and where its file is. */
    public Optional<Attachment> attachment(String slug, long id) {
        return round(slug).flatMap(r -> rounds.attachment(id).filter(a -> a.round().id().equals(r.id())));
    }

    /** A page of top-level comments, each with its first {@link #REPLIES_SHOWN} replies. */
    public List<CommentView> comments(ConsultationRound round, int sectionNumber, long afterId, int limit) {
        return commentPage(round, sectionNumber, afterId, limit).comments();
    }

    /** Replies shown under each comment of a page; the rest are read a page at a time ({@link #replies}). */
    public static final int REPLIES_SHOWN = 5;

    /** A page of comments: each with its first replies, and how many replies each has in all. */
    public record CommentPage(List<CommentView> comments, Map<Long, Long> replyTotals) implements java.io.Serializable {

        /** How many replies the comment has in all (those shown and those not). */
        public long repliesTotal(CommentView comment) {
            return replyTotals.getOrDefault(comment.id(), 0L);
        }
    }

    /**
     * A page of top-level comments, each with at most its first {@link #REPLIES_SHOWN} replies (so
     * that a comment with thousands of replies costs the page no more than one with five), and the
     * number of replies of each.
     */
    public CommentPage commentPage(ConsultationRound round, int sectionNumber, long afterId, int limit) {
        ConsultationRound attached = rounds.reference(round.id());
        Optional<Section> section = sectionNumber == 0 ? Optional.empty() : rounds.section(round.id(), sectionNumber);
        if (sectionNumber != 0 && section.isEmpty()) {
            return new CommentPage(List.of(), Map.of());
        }
        boolean showDisposition = round.status() == RoundStatus.REPORT_PUBLISHED || managedByCaller(round);
        List<Comment> top = rounds.topLevel(attached, section, afterId, Math.min(Math.max(limit, 1), MAX_PAGE));
        Map<Long, Long> totals = rounds.replyCounts(top.stream().map(Comment::id).toList());
        // comments with few replies: all of them in one query; those with more: their first few, each
        List<Long> few = totals.entrySet().stream().filter(e -> e.getValue() <= REPLIES_SHOWN).map(Map.Entry::getKey).toList();
        List<Comment> shownReplies = new ArrayList<>(rounds.replies(few));
        totals.entrySet().stream().filter(e -> e.getValue() > REPLIES_SHOWN)
                .forEach(e -> shownReplies.addAll(rounds.replies(e.getKey(), 0, REPLIES_SHOWN)));
        Map<Long, List<CommentView>> replies = new LinkedHashMap<>();
        for (Comment reply : shownReplies) {
            replies.computeIfAbsent(reply.parent().orElseThrow().id(), id -> new ArrayList<>())
                    .add(CommentView.of(reply, showDisposition, List.of()));
        }
        List<CommentView> comments = top.stream()
                .map(c -> CommentView.of(c, showDisposition, replies.getOrDefault(c.id(), List.of()))).toList();
        return new CommentPage(comments, new java.util.HashMap<>(totals));
    }

    /**
     * A page of the replies to a top-level comment of this round, oldest first, after the reply
     * {@code afterId}; empty when the comment is not a top-level comment of the round.
     */
    public Optional<List<CommentView>> replies(ConsultationRound round, long commentId, long afterId, int limit) {
        Optional<Comment> parent = rounds.comment(commentId)
                .filter(c -> c.round().id().equals(round.id()) && c.parent().isEmpty());
        if (parent.isEmpty()) {
            return Optional.empty();
        }
        boolean showDisposition = round.status() == RoundStatus.REPORT_PUBLISHED || managedByCaller(round);
        return Optional.of(rounds.replies(commentId, Math.max(afterId, 0), Math.min(Math.max(limit, 1), MAX_PAGE)).stream()
                .map(c -> CommentView.of(c, showDisposition, List.of())).toList());
    }

    /** The top-level comment of a round that replies answer, as the public sees it, with how many replies it has. */
    public Optional<CommentPage> thread(ConsultationRound round, long commentId) {
        return rounds.comment(commentId).filter(c -> c.round().id().equals(round.id()) && c.parent().isEmpty())
                .map(c -> {
                    boolean showDisposition = round.status() == RoundStatus.REPORT_PUBLISHED || managedByCaller(round);
                    Map<Long, Long> totals = rounds.replyCounts(List.of(c.id()));
                    return new CommentPage(List.of(CommentView.of(c, showDisposition, List.of())), new java.util.HashMap<>(totals));
                });
    }

    /** The platform's time now (the pages compare edit windows with it). */
    public java.time.Instant now() {
        return clock.instant();
    }

    public long commentCount(ConsultationRound round) {
        return rounds.commentCount(round);
    }

    /** The published report: every comment in the order of the sections, and the totals. */
    public Optional<Report> report(String slug) {
        return rounds.bySlug(slug).filter(r -> r.status() == RoundStatus.REPORT_PUBLISHED).map(round -> {
            List<CommentView> comments = rounds.allForReport(round).stream()
                    .map(c -> CommentView.of(c, true, List.of())).toList();
            Map<Disposition, Long> totals = new EnumMap<>(Disposition.class);
            for (Disposition d : Disposition.values()) {
                totals.put(d, comments.stream().filter(c -> c.disposition() == d).count());
            }
            round.sections().size();
            return new Report(round, comments, totals);
        });
    }

    /** The consultation report of a round. */
    public record Report(ConsultationRound round, List<CommentView> comments, Map<Disposition, Long> totals) {
    }

    /** Whether the caller manages the round (a reviewer of an organizer, or an administrator). */
    public boolean managedByCaller(ConsultationRound round) {
        if (Caller.accountId(session).isEmpty()) {
            return false;
        }
        Optional<Account> caller = Caller.accountId(session).flatMap(accounts::byId);
        return caller.isPresent() && round.isManagedBy(caller.get());
    }
}
