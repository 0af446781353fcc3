package org.duhbalkana.consultation;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.duhbalkana.account.Account;
import org.duhbalkana.account.AccountRepository;
import org.duhbalkana.account.Groups;
import org.duhbalkana.moderation.AuditAction;
import org.duhbalkana.moderation.AuditLog;

/**
 * Moderators work the queue of flagged comments (still shown, under review): they see why and by
 * whom each was flagged, a page at a time, and decide: hide with a public reason, or restore;
 * block the author; in bulk.
 */
@Stateless
@RolesAllowed(Groups.MODERATOR)
public class Moderation {

    public static final int PAGE_SIZE = 25;

    @Inject
    ConsultationRepository rounds;

    @Inject
    AccountRepository accounts;

    @Inject
    AuditLog audit;

    @Resource
    SessionContext session;

    /** A page of the queue, oldest first, after the comment with this id (0: the first page). */
    public QueuePage queue(long afterId) {
        List<Comment> page = rounds.moderationQueue(Math.max(0, afterId), PAGE_SIZE + 1);
        boolean more = page.size() > PAGE_SIZE;
        List<Comment> shown = more ? page.subList(0, PAGE_SIZE) : page;
        java.util.Map<Long, List<FlagView>> flags = new java.util.HashMap<>();
        for (FlagView f : rounds.flagsOn(shown.stream().map(Comment::id).toList())) {
            flags.computeIfAbsent(f.commentId(), id -> new java.util.ArrayList<>()).add(f);
        }
        List<QueueItem> items = shown.stream().map(c -> new QueueItem(c.id(), c.round().slug(), c.round().title(),
                c.author().isDeleted() ? "" : c.author().displayName(), c.author().id(), c.body(), c.status(), c.flagCount(),
                c.createdAt(), List.copyOf(flags.getOrDefault(c.id(), List.of())))).toList();
        return new QueuePage(items, more, rounds.moderationQueueSize());
    }

    /** A comment in the queue, with its flags. */
    public record QueueItem(long id, String roundSlug, String roundTitle, String author, long authorId, String text,
            CommentStatus status, int flagCount, java.time.Instant createdAt, List<FlagView> flags)
            implements java.io.Serializable {
    }

    /** A page of the queue; whether more follow; how many wait in all. */
    public record QueuePage(List<QueueItem> items, boolean hasMore, long total) implements java.io.Serializable {
    }

    public void hide(@NotNull List<Long> commentIds, @NotNull String publicReason) {
        Account moderator = Managers.caller(session, accounts);
        for (Long id : commentIds) {
            Comment comment = rounds.comment(id).orElseThrow(() -> new ConsultationRuleBroken("consultation.error.noComment"));
            comment.hide(publicReason);
            audit.record(moderator.id(), moderator.displayName(), AuditAction.COMMENT_HIDDEN, "comment " + id, publicReason);
        }
    }

    public void restore(@NotNull List<Long> commentIds) {
        Account moderator = Managers.caller(session, accounts);
        for (Long id : commentIds) {
            rounds.comment(id).orElseThrow(() -> new ConsultationRuleBroken("consultation.error.noComment")).restore();
            audit.record(moderator.id(), moderator.displayName(), AuditAction.COMMENT_RESTORED, "comment " + id, null);
        }
    }

    /** Blocks the author of a comment from signing in; a moderator or an administrator only an administrator blocks. */
    public void blockAuthor(long commentId) {
        Account moderator = Managers.caller(session, accounts);
        Account author = rounds.comment(commentId).orElseThrow(() -> new ConsultationRuleBroken("consultation.error.noComment"))
                .author();
        author.blockBy(moderator);
        audit.record(moderator.id(), moderator.displayName(), AuditAction.ACCOUNT_BLOCKED, "account " + author.id(),
                "comment " + commentId);
    }
}
