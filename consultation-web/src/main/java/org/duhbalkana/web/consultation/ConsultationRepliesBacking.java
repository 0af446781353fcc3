package org.duhbalkana.web.consultation;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.duhbalkana.consultation.CommentView;
import org.duhbalkana.consultation.ConsultationReader;
import org.duhbalkana.consultation.ConsultationRound;
import org.duhbalkana.web.platform.Messages;

/**
 * {@code consultations/replies.xhtml?slug=…&comment=…&after=…}: the replies to one comment of a
 * public round, {@value #PAGE} at a time by keyset ("more replies"), for the replies that the round
 * page does not show under the comment. The comment's own look (author, time, text in the reader's
 * script) comes from the round page's bean, given the same slug.
 */
@Named("thread")
@RequestScoped
public class ConsultationRepliesBacking {

    /** Replies on one page. */
    public static final int PAGE = 50;

    @Inject
    ConsultationReader reader;

    /** The round page's bean: the comments' look (times in the round's zone, text in the reader's script). */
    @Inject
    ConsultationViewBacking roundPage;

    private String slug;
    private long comment;
    private long after;
    private ConsultationRound round;
    private CommentView parent;
    private long total;
    private List<CommentView> replies;

    /** On a GET: the round, the comment and a page of its replies, or 404. */
    public void load() {
        roundPage.setSlug(slug);
        round = reader.round(slug == null ? "" : slug).filter(r -> r.status().isPublic()).orElse(null);
        ConsultationReader.CommentPage thread = round == null ? null : reader.thread(round, comment).orElse(null);
        if (thread == null) {
            Messages.notFound();
            return;
        }
        parent = thread.comments().get(0);
        total = thread.repliesTotal(parent);
        replies = reader.replies(round, comment, after, PAGE).orElse(List.of());
    }

    public ConsultationRound getRound() {
        return round;
    }

    public CommentView getParent() {
        return parent;
    }

    public List<CommentView> getReplies() {
        return replies == null ? List.of() : replies;
    }

    public long getTotal() {
        return total;
    }

    public boolean isHasMore() {
        return getReplies().size() == PAGE;
    }

    public long getNextAfter() {
        List<CommentView> page = getReplies();
        return page.isEmpty() ? after : page.get(page.size() - 1).id();
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public long getComment() {
        return comment;
    }

    public void setComment(long comment) {
        this.comment = Math.max(0, comment);
    }

    public long getAfter() {
        return after;
    }

    public void setAfter(long after) {
        this.after = Math.max(0, after);
    }
}
