package org.duhbalkana.consultation;

import java.time.Instant;
import java.util.List;
import org.duhbalkana.account.Account;

/**
 * A comment as the public sees it: the author's display name only (none for a deleted account;
 * the author's id is kept for the page's own use, such as offering the author an edit, and is
 * never published),
 * no text when hidden (the reason instead), and the disposition only once the report is published
 * (or to the round's managers).
 */
public record CommentView(
        long id,
        Long parentId,
        Integer section,
        String author,
        boolean authorDeleted,
        long authorId,
        Stance stance,
        String body,
        CommentStatus status,
        String hiddenReason,
        Instant createdAt,
        Instant editedAt,
        int endorsements,
        Disposition disposition,
        String dispositionReason,
        int version,
        Long campaignId,
        boolean asWritten,
        List<CommentView> replies) implements java.io.Serializable {

    static CommentView of(Comment c, boolean showDisposition, List<CommentView> replies) {
        return of(c, showDisposition, replies, c.status() != CommentStatus.HIDDEN);
    }

    /** As the round's reviewers see it in their queue: the text of a hidden comment too, since they answer it. */
    static CommentView forReviewers(Comment c) {
        return of(c, true, List.of(), true);
    }

    private static CommentView of(Comment c, boolean showDisposition, List<CommentView> replies, boolean shown) {
        Account author = c.author();
        return new CommentView(c.id(), c.parent().map(Comment::id).orElse(null),
                c.section().map(Section::number).orElse(null),
                author.isDeleted() ? null : author.displayName(), author.isDeleted(), author.id(), c.stance(),
                shown ? c.body() : null, c.status(), c.hiddenReason().orElse(null), c.createdAt(),
                c.editedAt().orElse(null), c.endorsementCount(),
                showDisposition ? c.disposition().orElse(null) : null,
                showDisposition ? c.dispositionReason().orElse(null) : null,
                c.version(), c.campaignId().orElse(null), c.asWritten(), replies);
    }

    /** Whether the author may still change it: in the first 15 minutes, while shown and not under review. */
    public boolean editableAt(java.time.Instant now) {
        return status == CommentStatus.VISIBLE && !now.isAfter(createdAt.plus(Comment.EDIT_WINDOW));
    }

    /** Hidden by a moderator: the reason is shown instead of the text. */
    public boolean isHidden() {
        return status == CommentStatus.HIDDEN;
    }

    /** Flagged and still shown, until a moderator decides. */
    public boolean isUnderReview() {
        return status == CommentStatus.PENDING;
    }
}
