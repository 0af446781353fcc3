package org.duhbalkana.web.consultation;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
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
 * Request scoped, and the page keeps no view state for a visitor who is not signed in: reading a
 * round writes no session. A postback comes with the view parameters, so the round and its page
 * of comments (ordered by id, addressed by keyset) are read again as the reader saw them.
 */
@Named("round")
@RequestScoped
public class ConsultationViewBacking {
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
    private ConsultationRound round;
    private boolean loaded;
    private List<CommentView> comments;
    private Map<Long, Long> replyTotals = Map.of();
    private List<org.duhbalkana.consultation.Attachment> attachments;
    private Long total;
    private Boolean manager;
    private Long callerId;
    private boolean citizen;

    private int commentSection;
    /** The campaign a supporter came from ({@code ?campaign=slug}): their comment is marked as part of it. */
    private String campaign;
    private java.util.Map<Long, org.duhbalkana.campaign.Campaign> campaigns;
    private String stance = Stance.NEUTRAL.name();
    private String text;
    private boolean asWritten;
    /** {@code ?original=true}: the reader asked for the title and summary in the original language. */
    private boolean original;
    private org.duhbalkana.web.platform.Translated shown;
    private final Map<Long, String> replies = new HashMap<>();
    private final Map<Long, String> flagReasons = new HashMap<>();
    private final Map<Long, String> edits = new HashMap<>();

    /** The round's attachments (PDFs), as links for download. */
    /** Read once per request: the page asks whether there are any, then lists them. */
    public java.util.List<org.duhbalkana.consultation.Attachment> getAttachments() {
        if (attachments == null) {
            attachments = round() == null ? java.util.List.of() : reader.attachments(round());
        }
        return attachments;
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

    /**
     * On a postback the view parameters reach this bean only when the model is updated, after the
     * forms were decoded; the forms' "rendered" and the comments' rows are asked for before that.
     * So each form sends them back as plain fields (round-params.xhtml), read here at once; the
     * services check everything they are used for.
     */
    @jakarta.annotation.PostConstruct
    void fromPostedParameters() {
        jakarta.faces.context.FacesContext context = jakarta.faces.context.FacesContext.getCurrentInstance();
        if (context == null || !context.isPostback()) {
            return;
        }
        Map<String, String> posted = context.getExternalContext().getRequestParameterMap();
        slug = posted.get("slug");
        campaign = posted.get("campaign");
        try {
            section = Integer.parseInt(posted.getOrDefault("section", "0"));
            after = Long.parseLong(posted.getOrDefault("after", "0"));
        } catch (NumberFormatException e) {
            section = 0;
            after = 0;
        }
    }

    /** On a GET: the round, or 404. */
    public void load() {
        if (round() == null) {
            Messages.notFound();
        }
    }

    /** The round, read once per request (on a postback too: the form sends the slug back). */
    private ConsultationRound round() {
        if (!loaded) {
            loaded = true;
            round = reader.round(slug == null ? "" : slug).orElse(null);
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
        long me = callerId();
        return me != 0 && isOpen() && me == c.authorId() && c.editableAt(reader.now());
    }

    /**
     * The signed-in reader's account id, 0 for a visitor. Asked of the container once per request
     * (a page asks for every comment it shows, and a role check goes through the whole
     * authorization machinery).
     */
    private long callerId() {
        if (callerId == null) {
            java.security.Principal me = security.getCallerPrincipal();
            long id = 0;
            if (me != null) {
                try {
                    id = Long.parseLong(me.getName());
                } catch (NumberFormatException e) {
                    id = -1;
                }
            }
            callerId = id;
            citizen = id != 0 && security.isCallerInRole(Groups.CITIZEN);
        }
        return callerId;
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
        loaded = false;
        round = null;
        comments = null;
        attachments = null;
        total = null;
        shown = null;
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

    /** The {@code lang} of a comment's text as shown (told from its letters: a comment has no language of its own). */
    public String commentLang(CommentView c) {
        return RoundText.commentLang(commentText(c), reader());
    }

    /** The {@code lang} of free text written by people (a moderator's reason, a reviewer's answer), told from its letters. */
    public String textLang(String text) {
        return RoundText.commentLang(text, reader());
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
        return isOpen() && callerId() != 0 && citizen;
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
        return callerId() != 0;
    }

    public boolean isHasMore() {
        return getComments().size() == PAGE;
    }

    public long getNextAfter() {
        List<CommentView> page = getComments();
        return page.isEmpty() ? after : page.get(page.size() - 1).id();
    }

    /** A page of comments, read once per request. */
    public List<CommentView> getComments() {
        if (comments == null) {
            ConsultationReader.CommentPage page = round() == null ? null : reader.commentPage(round(), section, after, PAGE);
            comments = page == null ? List.of() : page.comments();
            replyTotals = page == null ? Map.of() : page.replyTotals();
        }
        return comments;
    }

    /** How many replies a comment of the page has in all (at most {@link ConsultationReader#REPLIES_SHOWN} are shown under it). */
    public long repliesTotal(CommentView c) {
        getComments();
        return replyTotals.getOrDefault(c.id(), 0L);
    }

    /** How many of a comment's replies are not shown under it (they are on its replies page). */
    public long repliesNotShown(CommentView c) {
        return Math.max(0, repliesTotal(c) - c.replies().size());
    }

    /** The replies page of a comment, from the first reply not shown under it. */
    public String repliesHref(CommentView c) {
        long last = c.replies().isEmpty() ? 0 : c.replies().get(c.replies().size() - 1).id();
        return "/consultations/replies.xhtml?slug=" + slug + "&comment=" + c.id() + "&after=" + last;
    }

    public long getTotal() {
        if (total == null) {
            total = round() == null ? 0L : reader.commentCount(round());
        }
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
