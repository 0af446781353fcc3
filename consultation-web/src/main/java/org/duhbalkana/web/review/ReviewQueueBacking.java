package org.duhbalkana.web.review;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duhbalkana.consultation.CommentView;
import org.duhbalkana.consultation.ConsultationRound;
import org.duhbalkana.consultation.Disposition;
import org.duhbalkana.consultation.Review;
import org.duhbalkana.consultation.RoundStatus;
import org.duhbalkana.consultation.Stance;
import org.duhbalkana.web.consultation.RoundText;
import org.duhbalkana.web.platform.LanguageBacking;
import org.duhbalkana.web.platform.Messages;

/**
 * {@code review/queue.xhtml?slug=…}: the organizing municipality's feedback queue: comments
 * filtered by article, stance, flagged and answered; one answer given to the selected comments;
 * progress; and publishing the report once all are answered.
 */
@Named("reviewQueue")
@ViewScoped
public class ReviewQueueBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Review review;

    @Inject
    LanguageBacking language;

    private String slug;
    private transient java.util.Map<Long, org.duhbalkana.campaign.Campaign> campaigns;

    @Inject
    org.duhbalkana.campaign.CampaignParticipation campaignParticipation;

    /** The campaign a comment was written through: reviewers see a campaign's comments as one campaign. */
    public String campaignOf(org.duhbalkana.consultation.CommentView c) {
        if (c.campaignId() == null) {
            return null;
        }
        if (campaigns == null) {
            campaigns = campaignParticipation.invitingOn(slug);
        }
        org.duhbalkana.campaign.Campaign found = campaigns.get(c.campaignId());
        return found == null ? "#" + c.campaignId() : found.title();
    }
    private int section;
    private String stance = "";
    private String answered = "";
    private boolean flagged;
    private long after;

    private String title = "";
    private RoundStatus status;
    private List<CommentView> comments = List.of();
    private Review.Progress progress;
    private final Map<Long, Boolean> selected = new HashMap<>();
    private String disposition = Disposition.ACCEPTED.name();
    private String reason;
    private boolean loaded;
    private boolean joint;
    private boolean answers;

    public void load() {
        try {
            ConsultationRound round = review.managed(slug == null ? "" : slug);
            title = RoundText.forReader(round.title(), round.language(), language.getCurrent());
            status = round.status();
            joint = round.organizers().size() > 1;
            answers = review.answersFor(slug);
            comments = review.queue(slug, section, stance.isEmpty() ? null : Stance.valueOf(stance),
                    answered.isEmpty() ? null : Boolean.valueOf(answered), flagged, after);
            progress = review.progress(slug);
            loaded = true;
        } catch (RuntimeException e) {
            Messages.show("answer", e);
        }
    }

    /** Gives the chosen answer to every selected comment, as the reviewer saw them. */
    public void answer() {
        Map<Long, Integer> versions = new LinkedHashMap<>();
        for (CommentView c : comments) {
            if (Boolean.TRUE.equals(selected.get(c.id()))) {
                versions.put(c.id(), c.version());
            }
        }
        // Every problem of the answer at once: nothing picked, no answer chosen, no reason where one is needed.
        boolean wrong = false;
        if (versions.isEmpty()) {
            Messages.error(null, "review.noneSelected");
            wrong = true;
        }
        Disposition chosen = disposition == null || disposition.isBlank() ? null : Disposition.valueOf(disposition);
        if (chosen == null) {
            Messages.error("answer:disposition", "validation.disposition.required");
            wrong = true;
        } else if (chosen.needsReason() && (reason == null || reason.isBlank())) {
            Messages.error("answer:reason", "consultation.error.reasonRequired");
            wrong = true;
        }
        if (wrong) {
            jakarta.faces.context.FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        try {
            review.answerAll(versions, Disposition.valueOf(disposition), reason);
            Messages.info("review.answered", versions.size());
            selected.clear();
            reason = null;
        } catch (RuntimeException e) {
            Messages.show("answer", e);
        }
        load();
    }

    /**
     * Signs the report for the caller's municipalities; it is published once every organizer has
     * signed (at once, for a round of one municipality).
     */
    public void publish() {
        try {
            List<org.duhbalkana.consultation.OrganizerName> waiting = review.publishReport(slug);
            if (waiting.isEmpty()) {
                Messages.info("review.published");
            } else {
                Messages.info("review.signed", names(waiting));
            }
        } catch (RuntimeException e) {
            Messages.show("answer", e);
        }
        load();
    }

    private String names(List<org.duhbalkana.consultation.OrganizerName> organizers) {
        return organizers.stream().map(o -> o.name(language.getCurrent())).reduce((a, b) -> a + ", " + b).orElse("");
    }

    /** The organizers that have not signed the report yet, in the reader's script. */
    public String getUnsigned() {
        return progress == null ? "" : names(progress.unsigned());
    }

    /** Whether the reader answers and signs for this round (a reviewer of an organizer; not an administrator). */
    public boolean isAnswers() {
        return answers;
    }

    public boolean isJoint() {
        return joint;
    }

    /** The opening words of a comment (the name of its checkbox, with its author). */
    public String opening(CommentView c) {
        String text = text(c);
        if (text == null) {
            return "";
        }
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= 60 ? flat : flat.substring(0, flat.lastIndexOf(' ', 60) > 20 ? flat.lastIndexOf(' ', 60) : 60) + "…";
    }

    public String text(CommentView c) {
        return RoundText.commentForReader(c.body(), language.getCurrent(), c.asWritten());
    }

    public boolean isCanPublish() {
        return answers && status == RoundStatus.CLOSED && progress != null && progress.answered() == progress.total();
    }

    public Disposition[] getDispositions() {
        return Disposition.values();
    }

    public Stance[] getStances() {
        return Stance.values();
    }

    public boolean isLoaded() {
        return loaded;
    }

    public String getTitle() {
        return title;
    }

    public RoundStatus getStatus() {
        return status;
    }

    public List<CommentView> getComments() {
        return comments;
    }

    public Review.Progress getProgress() {
        return progress;
    }

    public Map<Long, Boolean> getSelected() {
        return selected;
    }

    public boolean isHasMore() {
        return comments.size() == Review.PAGE_SIZE;
    }

    public long getNextAfter() {
        return comments.isEmpty() ? after : comments.get(comments.size() - 1).id();
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public int getSection() {
        return section;
    }

    public void setSection(int section) {
        this.section = Math.max(0, section);
    }

    public String getStance() {
        return stance;
    }

    public void setStance(String stance) {
        this.stance = stance == null || java.util.Arrays.stream(Stance.values()).noneMatch(s -> s.name().equals(stance)) ? "" : stance;
    }

    public String getAnswered() {
        return answered;
    }

    public void setAnswered(String answered) {
        this.answered = "true".equals(answered) || "false".equals(answered) ? answered : "";
    }

    public boolean isFlagged() {
        return flagged;
    }

    public void setFlagged(boolean flagged) {
        this.flagged = flagged;
    }

    public long getAfter() {
        return after;
    }

    public void setAfter(long after) {
        this.after = Math.max(0, after);
    }

    public String getDisposition() {
        return disposition;
    }

    public void setDisposition(String disposition) {
        this.disposition = disposition;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
