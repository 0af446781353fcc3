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

    /** A page of top-level comments with their replies. */
    public List<CommentView> comments(ConsultationRound round, int sectionNumber, long afterId, int limit) {
        ConsultationRound attached = rounds.reference(round.id());
        Optional<Section> section = sectionNumber == 0 ? Optional.empty() : rounds.section(round.id(), sectionNumber);
        if (sectionNumber != 0 && section.isEmpty()) {
            return List.of();
        }
        boolean showDisposition = round.status() == RoundStatus.REPORT_PUBLISHED || managedByCaller(round);
        List<Comment> top = rounds.topLevel(attached, section, afterId, Math.min(Math.max(limit, 1), MAX_PAGE));
        Map<Long, List<CommentView>> replies = new LinkedHashMap<>();
        for (Comment reply : rounds.replies(top.stream().map(Comment::id).toList())) {
            replies.computeIfAbsent(reply.parent().orElseThrow().id(), id -> new ArrayList<>())
                    .add(CommentView.of(reply, showDisposition, List.of()));
        }
        return top.stream().map(c -> CommentView.of(c, showDisposition, replies.getOrDefault(c.id(), List.of()))).toList();
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
