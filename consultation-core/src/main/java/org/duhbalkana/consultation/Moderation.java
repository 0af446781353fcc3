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

/** Moderators work the queue of flagged comments: hide with a public reason, restore, block the author; in bulk. */
@Stateless
@RolesAllowed(Groups.MODERATOR)
public class Moderation {

    public static final int PAGE_SIZE = 50;

    @Inject
    ConsultationRepository rounds;

    @Inject
    AccountRepository accounts;

    @Inject
    AuditLog audit;

    @Resource
    SessionContext session;

    public List<Comment> queue(long afterId) {
        return rounds.moderationQueue(afterId, PAGE_SIZE);
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
