package org.duhbalkana.consultation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.duhbalkana.account.Account;

/**
 * What a person said about a draft, a section of it or another comment; kept as written (line
 * breaks included, never as HTML), and answered by the municipality with a disposition.
 */
@Entity
@Table(name = "round_comment")
public class Comment {

    public static final int MAX_LENGTH = 3000;
    public static final int MAX_REASON = 3000;
    public static final Duration EDIT_WINDOW = Duration.ofMinutes(15);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "round_id")
    private ConsultationRound round;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "section_id")
    private Section section;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private Comment parent;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id")
    private Account author;

    @Enumerated(EnumType.STRING)
    @Column(name = "stance", nullable = false, length = 10)
    private Stance stance;

    @Column(name = "body", nullable = false, length = MAX_LENGTH)
    private String body;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "edited_at")
    private Instant editedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 12)
    private CommentStatus status;

    @Column(name = "hidden_reason", length = 500)
    private String hiddenReason;

    @Column(name = "flag_count", nullable = false)
    private int flagCount;

    @Column(name = "endorsement_count", nullable = false)
    private int endorsementCount;

    @Enumerated(EnumType.STRING)
    @Column(name = "disposition", length = 20)
    private Disposition disposition;

    @Column(name = "disposition_reason", length = MAX_REASON)
    private String dispositionReason;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "answered_by")
    private Account answeredBy;

    @Column(name = "answered_at")
    private Instant answeredAt;

    /** The advocacy campaign this comment was written through, if any (reviewers see such comments as one campaign). */
    @Column(name = "campaign_id")
    private Long campaignId;


    /** The text in its search form ({@link org.duhbalkana.text.SearchText#column}), kept with the text. */
    /** Shown in the script it is written in: the author asked that it not be transliterated. */
    @Column(name = "as_written", nullable = false)
    private boolean asWritten;

    @Column(name = "search_text")
    private String searchText;

    @Version
    @Column(name = "version", nullable = false)
    private int version;

    protected Comment() {
    }

    Comment(ConsultationRound round, Section section, Comment parent, Account author, Stance stance, String text,
            Instant now) {
        this.round = round;
        this.section = section;
        this.parent = parent;
        this.author = author;
        this.stance = Objects.requireNonNull(stance);
        this.body = Texts.required(text, MAX_LENGTH, "consultation.error.commentLength");
        this.searchText = org.duhbalkana.text.SearchText.column(body);
        this.createdAt = now;
        this.status = CommentStatus.VISIBLE;
    }

    /** The author changes the text, within 15 minutes of writing it and while the round is open. */
    public void edit(Account editor, String text, Instant now) {
        if (!Objects.equals(editor.id(), author.id())) {
            throw new ConsultationRuleBroken("consultation.error.notAuthor");
        }
        if (now.isAfter(createdAt.plus(EDIT_WINDOW))) {
            throw new ConsultationRuleBroken("consultation.error.editWindow");
        }
        round.requireOpenFor(editor, now);
        if (status == CommentStatus.HIDDEN) {
            throw new ConsultationRuleBroken("consultation.error.hidden");
        }
        if (status == CommentStatus.PENDING) {
            // the moderators decide on the text that was flagged, not on a new one
            throw new ConsultationRuleBroken("consultation.error.underReview");
        }
        this.body = Texts.required(text, MAX_LENGTH, "consultation.error.commentLength");
        this.searchText = org.duhbalkana.text.SearchText.column(body);
        this.editedAt = now;
    }

    /** The author asks that the text be shown as written (or again in each reader's script). */
    public void showAsWritten(Account editor, boolean asWritten) {
        if (!Objects.equals(editor.id(), author.id())) {
            throw new ConsultationRuleBroken("consultation.error.notAuthor");
        }
        this.asWritten = asWritten;
    }

    public boolean asWritten() {
        return asWritten;
    }

    /** Marks the comment as written through a campaign (the campaign service checks that it invites comments on this round). */
    public void writtenThrough(long campaign) {
        this.campaignId = campaign;
    }

    public java.util.Optional<Long> campaignId() {
        return java.util.Optional.ofNullable(campaignId);
    }

    /** One more person agrees (the service makes sure each person counts once). */
    void endorsed(Account by) {
        if (Objects.equals(by.id(), author.id())) {
            throw new ConsultationRuleBroken("consultation.error.ownComment");
        }
        endorsementCount++;
    }

    /**
     * One more person flags it (the service checks who may, and how often). Flags never hide a
     * comment: it stays shown, marked as under review, until a moderator hides or restores it.
     */
    void flagged() {
        flagCount++;
        if (status == CommentStatus.VISIBLE) {
            status = CommentStatus.PENDING;
        }
    }

    /** Whether it waits for a moderator's decision (flagged, still shown). */
    public boolean isUnderReview() {
        return status == CommentStatus.PENDING;
    }

    /** A moderator hides it, with a reason shown in its place. */
    public void hide(String publicReason) {
        this.hiddenReason = Texts.required(publicReason, 500, "moderation.error.reason");
        this.status = CommentStatus.HIDDEN;
        round.answersChanged(); // what the organizers signed no longer shows this comment as it was
    }

    /** A moderator shows it again (no longer under review); its flags are forgotten. */
    public void restore() {
        this.status = CommentStatus.VISIBLE;
        this.hiddenReason = null;
        this.flagCount = 0;
        round.answersChanged();
    }

    /**
     * The municipality's answer. A reason is required unless the comment is accepted. Answering
     * stops once the report is published.
     */
    public void answer(Disposition kind, String reason, Account reviewer, Instant now) {
        if (round.status() == RoundStatus.REPORT_PUBLISHED || round.status() == RoundStatus.DRAFT
                || round.status() == RoundStatus.SCHEDULED) {
            throw new ConsultationRuleBroken("consultation.error.cannotAnswer");
        }
        String clean = Texts.optional(reason, MAX_REASON, "consultation.error.reasonLength");
        if (kind.needsReason() && clean == null) {
            throw new ConsultationRuleBroken("consultation.error.reasonRequired");
        }
        this.disposition = Objects.requireNonNull(kind);
        this.dispositionReason = clean;
        this.answeredBy = reviewer;
        this.answeredAt = now;
        round.answersChanged();
    }

    public boolean isAnswered() {
        return disposition != null;
    }

    /**
     * Whether this comment must be answered before the report: every comment, hidden ones too (a
     * hidden comment appears in the report with the reason for hiding it and its answer).
     */
    public boolean needsAnswer() {
        return true;
    }

    public Long id() {
        return id;
    }

    public ConsultationRound round() {
        return round;
    }

    public Optional<Section> section() {
        return Optional.ofNullable(section);
    }

    public Optional<Comment> parent() {
        return Optional.ofNullable(parent);
    }

    public Account author() {
        return author;
    }

    public Stance stance() {
        return stance;
    }

    public String body() {
        return body;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> editedAt() {
        return Optional.ofNullable(editedAt);
    }

    public CommentStatus status() {
        return status;
    }

    public Optional<String> hiddenReason() {
        return Optional.ofNullable(hiddenReason);
    }

    public int flagCount() {
        return flagCount;
    }

    public int endorsementCount() {
        return endorsementCount;
    }

    public Optional<Disposition> disposition() {
        return Optional.ofNullable(disposition);
    }

    public Optional<String> dispositionReason() {
        return Optional.ofNullable(dispositionReason);
    }

    public Optional<Account> answeredBy() {
        return Optional.ofNullable(answeredBy);
    }

    public Optional<Instant> answeredAt() {
        return Optional.ofNullable(answeredAt);
    }

    public int version() {
        return version;
    }

    @Override
    public String toString() {
        return "Comment[" + id + "]";
    }
}
