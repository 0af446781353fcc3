package org.duhbalkana.web.consultation;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.text.Collator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duhbalkana.account.Groups;
import org.duhbalkana.consultation.CommentView;
import org.duhbalkana.consultation.ConsultationReader;
import org.duhbalkana.consultation.ConsultationRound;
import org.duhbalkana.consultation.Participation;
import org.duhbalkana.consultation.RoundStatus;
import org.duhbalkana.consultation.Section;
import org.duhbalkana.consultation.Stance;
import org.duhbalkana.text.Language;
import org.duhbalkana.web.platform.LanguageBacking;
import org.duhbalkana.web.platform.Messages;

/**
 * {@code consultations/view.xhtml?slug=…&section=…&after=…}: a round, its sections, a page of its
 * comments (with "more" by keyset), and the forms to comment, reply, endorse, flag and follow.
 * View scoped: the buttons of each comment act on the comments the reader saw.
 */
@Named("round")
@ViewScoped
public class ConsultationViewBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Comments shown at first and on each "more": enough to read on, few enough to render fast. */
    public static final int PAGE = 20;

    @Inject
    ConsultationReader reader;

    @Inject
    Participation participation;

    @Inject
    org.duhbalkana.campaign.CampaignParticipation campaignParticipation;

    @Inject
    LanguageBacking language;

    @Inject
    SecurityContext security;

    private String slug;
    private int section;
    private long after;
    private transient ConsultationRound round;
    private List<CommentView> comments = List.of();
    private long total;
    private boolean found;
    private transient Boolean manager;

    private int commentSection;
    /** The campaign a supporter came from ({@code ?campaign=slug}): their comment is marked as part of it. */
    private String campaign;
    private transient java.util.Map<Long, org.duhbalkana.campaign.Campaign> campaigns;
    private String stance = Stance.NEUTRAL.name();
    private String text;
    private boolean asWritten;
    /** {@code ?original=true}: the reader asked for the title and summary in the original language. */
    private boolean original;
    private transient org.duhbalkana.web.platform.Translated shown;
    private final Map<Long, String> replies = new HashMap<>();
    private final Map<Long, String> flagReasons = new HashMap<>();
    private final Map<Long, String> edits = new HashMap<>();

    /** The round's attachments (PDFs), as links for download. */
    public java.util.List<org.duhbalkana.consultation.Attachment> getAttachments() {
        return round() == null ? java.util.List.of() : reader.attachments(round());
    }

    /** The campaign this visitor comments through, when the link named one that invites comments here. */
    public org.duhbalkana.campaign.Campaign getCampaignInvite() {
        if (campaign == null || campaign.isBlank()) {
            return null;
        }
        try {
            return campaignParticipation.inviting(campaign, slug);
        } catch (RuntimeException notInviting) {
            return null;
        }
    }

    /** The title of the campaign a comment was written through, or null. */
    public String campaignOf(CommentView c) {
        if (c.campaignId() == null) {
            return null;
        }
        if (campaigns == null) {
            campaigns = campaignParticipation.invitingOn(slug);
        }
        org.duhbalkana.campaign.Campaign found = campaigns.get(c.campaignId());
        return found == null ? null : RoundText.forReader(found.title(), found.language(), language.getCurrent());
    }

    public String getCampaign() {
        return campaign;
    }

    public void setCampaign(String campaign) {
        this.campaign = campaign;
    }

    public void load() {
        round = reader.round(slug == null ? "" : slug).orElse(null);
        found = round != null;
        if (!found) {
            Messages.notFound();
            return;
        }
        comments = reader.comments(round, section, after, PAGE);
        total = reader.commentCount(round);
    }

    private ConsultationRound round() {
        if (round == null && found) {
            round = reader.round(slug).orElse(null);
        }
        return round;
    }

    // ----- actions

    public void comment() {
        try {
            if (campaign != null && !campaign.isBlank()) {
                campaignParticipation.comment(campaign, slug, commentSection, Stance.valueOf(stance), text == null ? "" : text);
            } else {
                participation.comment(slug, commentSection, Stance.valueOf(stance), text == null ? "" : text, asWritten);
            }
            text = null;
            asWritten = false;
            Messages.info("round.commented");
            reload();
        } catch (RuntimeException e) {
            Messages.show("comment", e);
        }
    }

    public void reply(long parentId) {
        try {
            participation.reply(parentId, replies.getOrDefault(parentId, ""));
            replies.remove(parentId);
            Messages.info("round.replied");
            reload();
        } catch (RuntimeException e) {
            Messages.show("comments", e);
        }
    }

    public void edit(long commentId) {
        try {
            participation.edit(commentId, edits.getOrDefault(commentId, ""));
            edits.remove(commentId);
            Messages.info("round.edited");
            reload();
        } catch (RuntimeException e) {
            Messages.show("comments", e);
        }
    }

    /** Whether the reader wrote this comment and may still change it. */
    public boolean editable(CommentView c) {
        java.security.Principal me = security.getCallerPrincipal();
        if (me == null || !isOpen()) {
            return false;
        }
        try {
            return Long.parseLong(me.getName()) == c.authorId() && c.editableAt(reader.now());
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public void endorse(long commentId) {
        try {
            participation.endorse(commentId);
            Messages.info("round.endorsed");
            reload();
        } catch (RuntimeException e) {
            Messages.show("comments", e);
        }
    }

    public void flag(long commentId) {
        try {
            participation.flag(commentId, flagReasons.getOrDefault(commentId, ""));
            flagReasons.remove(commentId);
            Messages.info("round.flagged");
            reload();
        } catch (RuntimeException e) {
            Messages.show("comments", e);
        }
    }

    public void follow() {
        try {
            if (participation.follows(slug)) {
                participation.unfollow(slug);
                Messages.info("round.unfollowed");
            } else {
                participation.follow(slug);
                Messages.info("round.followed");
            }
        } catch (RuntimeException e) {
            Messages.show("follow", e);
        }
    }

    private void reload() {
        round = null;
        shown = null;
        load();
    }

    // ----- what the page shows

    public ConsultationRound getRound() {
        return round();
    }

    /** The title and summary in the reader's language when translated (unless the original was asked for). */
    public org.duhbalkana.web.platform.Translated getShown() {
        if (shown == null && round() != null) {
            ConsultationRound r = round();
            shown = org.duhbalkana.web.platform.Translated.of(r.title(), r.summary(), r.language(), r.asWritten(),
                    r.translationFor(reader()), reader(), original);
        }
        return shown;
    }

    public String getTitle() {
        return round() == null ? "" : getShown().title();
    }

    public String getSummary() {
        return getShown().summary();
    }

    /** The {@code lang} of the draft's articles as shown. */
    public String getDraftLang() {
        return RoundText.shownLanguage(round().language(), reader(), round().asWritten()).tag();
    }

    public String heading(Section s) {
        return RoundText.forReader(s.heading(), round().language(), reader(), round().asWritten());
    }

    public String body(Section s) {
        return RoundText.forReader(s.body(), round().language(), reader(), round().asWritten());
    }

    public String commentText(CommentView c) {
        return RoundText.commentForReader(c.body(), reader(), c.asWritten());
    }

    public boolean isAsWritten() {
        return asWritten;
    }

    public void setAsWritten(boolean asWritten) {
        this.asWritten = asWritten;
    }

    public boolean isOriginal() {
        return original;
    }

    public void setOriginal(boolean original) {
        this.original = original;
    }

    public String organizers() {
        Collator collator = Collator.getInstance(language.getLocale());
        return round().organizers().stream().map(m -> m.name(reader())).sorted(collator::compare)
                .reduce((a, b) -> a + ", " + b).orElse("");
    }

    public String getOpens() {
        return RoundText.time(round().opensAt().orElse(null), round().deadlineZone(), reader());
    }

    public String getCloses() {
        return RoundText.time(round().closesAt().orElse(null), round().deadlineZone(), reader());
    }

    public String time(CommentView c) {
        return RoundText.time(c.createdAt(), round().deadlineZone(), reader());
    }

    public boolean isOpen() {
        return round() != null && round().status() == RoundStatus.OPEN;
    }

    public boolean isCanComment() {
        return isOpen() && security.isCallerInRole(Groups.CITIZEN);
    }

    /** Whether the reader writes and answers this round (a reviewer of an organizer, or an administrator). */
    public boolean isManager() {
        if (manager == null) {
            manager = round() != null && (security.isCallerInRole(Groups.REVIEWER) || security.isCallerInRole(Groups.ADMINISTRATOR))
                    && reader.managedByCaller(round());
        }
        return manager;
    }

    public boolean isSignedIn() {
        return security.getCallerPrincipal() != null;
    }

    public boolean isHasMore() {
        return comments.size() == PAGE;
    }

    public long getNextAfter() {
        return comments.isEmpty() ? after : comments.get(comments.size() - 1).id();
    }

    public List<CommentView> getComments() {
        return comments;
    }

    public long getTotal() {
        return total;
    }

    public Stance[] getStances() {
        return Stance.values();
    }

    private Language reader() {
        return language.getCurrent();
    }

    public Map<Long, String> getReplies() {
        return replies;
    }

    public Map<Long, String> getEdits() {
        return edits;
    }

    public Map<Long, String> getFlagReasons() {
        return flagReasons;
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

    public long getAfter() {
        return after;
    }

    public void setAfter(long after) {
        this.after = Math.max(0, after);
    }

    public int getCommentSection() {
        return commentSection;
    }

    public void setCommentSection(int commentSection) {
        this.commentSection = commentSection;
    }

    public String getStance() {
        return stance;
    }

    public void setStance(String stance) {
        this.stance = stance;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }
}
