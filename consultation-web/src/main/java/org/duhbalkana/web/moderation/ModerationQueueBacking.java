package org.duhbalkana.web.moderation;

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

/** {@code moderation/queue.xhtml}: flagged comments; hide with a public reason, restore, block the author; in bulk. */
@Named("moderationQueue")
@ViewScoped
public class ModerationQueueBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Moderation moderation;

    private List<Item> items = List.of();
    private final Map<Long, Boolean> selected = new HashMap<>();
    private String reason;

    /** A queued comment as the moderator sees it. */
    public record Item(long id, String round, String author, String text, String status, int flags) implements Serializable {
    }

    public void load() {
        try {
            items = moderation.queue(0).stream().map(c -> new Item(c.id(), c.round().slug(),
                    c.author().isDeleted() ? "" : c.author().displayName(), c.body(), c.status().name(), c.flagCount())).toList();
        } catch (RuntimeException e) {
            Messages.show("queue", e);
        }
    }

    public void hide() {
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

    public List<Item> getItems() {
        return items;
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
}
