package org.duhbalkana.web.moderation;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duhbalkana.consultation.Moderation;
import org.duhbalkana.web.platform.Messages;

/**
 * {@code moderation/queue.xhtml?after=…}: flagged comments (still shown, under review), 25 a page
 * by keyset, each with the reasons given and who flagged it; hide with a public reason, restore,
 * block the author; in bulk.
 */
@Named("moderationQueue")
@ViewScoped
public class ModerationQueueBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Moderation moderation;

    private long after;
    private Moderation.QueuePage page = new Moderation.QueuePage(List.of(), false, 0);
    private final Map<Long, Boolean> selected = new HashMap<>();
    private String reason;

    public void load() {
        try {
            page = moderation.queue(after);
        } catch (RuntimeException e) {
            Messages.show("queue", e);
        }
    }

    public void hide() {
        // every error of the submit at once: no comment chosen, and no reason
        boolean none = chosen().isEmpty();
        if (reason == null || reason.isBlank()) {
            if (none) {
                Messages.error(null, "review.noneSelected");
            }
            Messages.error("queue:reason", "moderation.error.reason");
            FacesContext.getCurrentInstance().validationFailed();
            load();
            return;
        }
        act(() -> moderation.hide(chosen(), reason == null ? "" : reason), "moderation.hidden");
    }

    public void restore() {
        act(() -> moderation.restore(chosen()), "moderation.restored");
    }

    public void block(long commentId) {
        act(() -> moderation.blockAuthor(commentId), "moderation.blocked");
    }

    private void act(Runnable action, String done) {
        if (chosen().isEmpty() && !done.equals("moderation.blocked")) {
            Messages.error(null, "review.noneSelected");
            return;
        }
        try {
            action.run();
            Messages.info(done);
            selected.clear();
            reason = null;
        } catch (RuntimeException e) {
            Messages.show("queue", e);
        }
        load();
    }

    private List<Long> chosen() {
        List<Long> ids = new ArrayList<>();
        selected.forEach((id, on) -> {
            if (Boolean.TRUE.equals(on)) {
                ids.add(id);
            }
        });
        return ids;
    }

    public List<Moderation.QueueItem> getItems() {
        return page.items();
    }

    public boolean isHasMore() {
        return page.hasMore();
    }

    public long getTotal() {
        return page.total();
    }

    /** The keyset of the next page: the last comment of this one. */
    public long getNextAfter() {
        List<Moderation.QueueItem> items = page.items();
        return items.isEmpty() ? after : items.get(items.size() - 1).id();
    }

    public Map<Long, Boolean> getSelected() {
        return selected;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public long getAfter() {
        return after;
    }

    public void setAfter(long after) {
        this.after = Math.max(0, after);
    }
}
