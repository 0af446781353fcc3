package org.duhbalkana.campaign;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
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
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.duhbalkana.account.Account;
import org.duhbalkana.account.Country;
import org.duhbalkana.account.Municipality;
import org.duhbalkana.account.Role;
import org.duhbalkana.consultation.ConsultationRound;
import org.duhbalkana.text.Language;
import org.duhbalkana.text.SearchText;
import org.duhbalkana.text.Translation;

/**
 * An advocacy campaign: an ask put to a municipality or a named institution by a deadline,
 * launched by an organizer, public once a moderator approves it, and optionally carrying a
 * petition with a signature goal and a threshold at which the target owes an official response.
 */
@Entity
@Table(name = "campaign")
public class Campaign {

    public static final int MAX_TITLE = 200;
    public static final int MAX_ASK = 500;
    public static final int MAX_DESCRIPTION = 10_000;
    public static final int MAX_INSTITUTION = 200;
    public static final int MAX_REASON = 1000;
    public static final int MAX_RESPONSE = 10_000;
    public static final int DEFAULT_RETENTION_MONTHS = 6;
    public static final int MAX_RETENTION_MONTHS = 24;
    public static final int MAX_GOAL = 10_000_000;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "slug", nullable = false, unique = true, length = 80)
    private String slug;

    @Column(name = "title", nullable = false, length = MAX_TITLE)
    private String title;

    @Column(name = "ask", nullable = false, length = MAX_ASK)
    private String ask;

    @Column(name = "description", nullable = false)
    private String description;

    @Column(name = "language", nullable = false, length = 10)
    private String language;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "target_municipality")
    private Municipality targetMunicipality;

    @Column(name = "target_institution", length = MAX_INSTITUTION)
    private String targetInstitution;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "round_id")
    private ConsultationRound round;

    @Column(name = "deadline", nullable = false)
    private Instant deadline;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private CampaignStatus status;

    @Column(name = "review_reason", length = MAX_REASON)
    private String reviewReason;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organizer_id", nullable = false)
    private Account organizer;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "retention_months", nullable = false)
    private int retentionMonths = DEFAULT_RETENTION_MONTHS;

    @Column(name = "anonymized_at")
    private Instant anonymizedAt;

    @Column(name = "petition", nullable = false)
    private boolean petition;

    @Column(name = "signature_goal")
    private Integer signatureGoal;

    @Column(name = "response_threshold")
    private Integer responseThreshold;

    @Column(name = "signature_count", nullable = false)
    private int signatureCount;

    @Column(name = "invalidated_count", nullable = false)
    private int invalidatedCount;

    @Column(name = "response_due_at")
    private Instant responseDueAt;

    @Column(name = "response_text")
    private String responseText;

    @Column(name = "response_at")
    private Instant responseAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "response_by")
    private Account responseBy;


    /** The title and the ask in other languages, at most one per language. */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "campaign_translation", joinColumns = @JoinColumn(name = "campaign_id"))
    private List<Translation> translations = new ArrayList<>();

    /** Shown in the script it is written in: the organizer asked that it not be transliterated. */
    @Column(name = "as_written", nullable = false)
    private boolean asWritten;

    /** Created by {@code DEMO}: removed by {@code DEMO_PURGE}, and refused at start-up without {@code DEMO}. */
    @Column(name = "demo", nullable = false)
    private boolean demo;

    /** The text in its search form ({@link org.duhbalkana.text.SearchText#column}), kept with the text. */
    @Column(name = "search_text")
    private String searchText;

    @Version
    @Column(name = "version", nullable = false)
    private int version;

    protected Campaign() {
        // for JPA
    }

    /** A new campaign in DRAFT, its organizer the account that wrote it. */
    public Campaign(String slug, Account organizer, Language language, Instant now) {
        if (slug == null || slug.length() < 3 || slug.length() > 80 || !SLUG.matcher(slug).matches()) {
            throw new CampaignRuleBroken("campaign.error.slug");
        }
        this.slug = slug;
        this.organizer = organizer;
        this.language = language.tag();
        this.status = CampaignStatus.DRAFT;
        this.createdAt = now;
        this.title = "";
        this.ask = "";
        this.description = "";
        this.deadline = now;
    }

    /**
     * Sets what the campaign says and to whom, while it is a DRAFT.
     *
     * @param target      a municipality from our list, or empty with {@code institution} named
     * @param deadline    when the campaign (and its petition) closes; must be in the future
     */
    public void describe(String title, String ask, String description, Optional<Municipality> target,
            String institution, Optional<ConsultationRound> round, Instant deadline, int retentionMonths, Instant now) {
        requireDraft();
        this.title = Texts.required(title, MAX_TITLE, "campaign.error.title");
        this.ask = Texts.required(ask, MAX_ASK, "campaign.error.ask");
        this.description = Texts.required(description, MAX_DESCRIPTION, "campaign.error.description");
        String named = Texts.optional(institution, MAX_INSTITUTION, "campaign.error.institution");
        if (target.isPresent() == (named != null)) {
            throw new CampaignRuleBroken("campaign.error.target");
        }
        if (deadline == null || !deadline.isAfter(now)) {
            throw new CampaignRuleBroken("campaign.error.deadline");
        }
        if (retentionMonths < 1 || retentionMonths > MAX_RETENTION_MONTHS) {
            throw new CampaignRuleBroken("campaign.error.retention", MAX_RETENTION_MONTHS);
        }
        this.targetMunicipality = target.orElse(null);
        this.targetInstitution = named;
        this.round = round.orElse(null);
        this.deadline = deadline;
        this.retentionMonths = retentionMonths;
        indexText();
    }

    private void indexText() {
        this.searchText = SearchText.column(this.title, this.ask, this.description, Translation.words(translations));
    }

    // ----- translations and script: while a draft, so that moderators read them before they are public

    /** Gives the title and the ask in another language (replacing an earlier translation in that language). */
    public void translate(Language into, String title, String ask) {
        requireDraft();
        String t = Texts.required(title, MAX_TITLE, "campaign.error.title");
        String a = Texts.required(ask, MAX_ASK, "campaign.error.ask");
        if (!Translation.put(translations, language(), new Translation(into, t, a))) {
            throw new CampaignRuleBroken("translation.error.originalLanguage");
        }
        indexText();
    }

    /** Removes the translation into this language, while a draft. */
    public void removeTranslation(Language language) {
        requireDraft();
        if (Translation.remove(translations, language)) {
            indexText();
        }
    }

    /** Whether the text is shown as written, never in the reader's other script; while a draft. */
    public void showAsWritten(boolean asWritten) {
        requireDraft();
        this.asWritten = asWritten;
    }

    public List<Translation> translations() {
        return Collections.unmodifiableList(translations);
    }

    /** The translation a reader of this language reads, if there is one. */
    public Optional<Translation> translationFor(Language reader) {
        return Translation.forReader(translations, language(), reader);
    }

    /** The text in its search form. */
    String searchText() {
        return searchText;
    }

    public boolean asWritten() {
        return asWritten;
    }

    /** Gives the campaign a petition (or changes it), while it is a DRAFT. */
    public void petition(int goal, int threshold) {
        requireDraft();
        if (goal < 1 || goal > MAX_GOAL || threshold < 1 || threshold > goal) {
            throw new CampaignRuleBroken("campaign.error.goal");
        }
        this.petition = true;
        this.signatureGoal = goal;
        this.responseThreshold = threshold;
    }

    public void noPetition() {
        requireDraft();
        this.petition = false;
        this.signatureGoal = null;
        this.responseThreshold = null;
    }

    /** The organizer sends the draft to the moderators. */
    public void submit(Account by, Instant now) {
        requireOrganizer(by);
        requireDraft();
        if (title.isEmpty() || ask.isEmpty()) {
            throw new CampaignRuleBroken("campaign.error.incomplete");
        }
        if (!deadline.isAfter(now)) {
            throw new CampaignRuleBroken("campaign.error.deadline");
        }
        status = CampaignStatus.PENDING_REVIEW;
        reviewReason = null;
    }

    /** A moderator makes the campaign public. */
    public void approve(Instant now) {
        if (status != CampaignStatus.PENDING_REVIEW) {
            throw new CampaignRuleBroken("campaign.error.notPending");
        }
        if (!deadline.isAfter(now)) {
            throw new CampaignRuleBroken("campaign.error.deadline");
        }
        status = CampaignStatus.PUBLISHED;
        publishedAt = now;
        reviewReason = null;
    }

    /** A moderator sends the campaign back to its organizer, with a reason they and the public may read. */
    public void reject(String reason) {
        if (status != CampaignStatus.PENDING_REVIEW) {
            throw new CampaignRuleBroken("campaign.error.notPending");
        }
        reviewReason = Texts.required(reason, MAX_REASON, "campaign.error.reason");
        status = CampaignStatus.DRAFT;
    }

    /** Closes the campaign: its organizer (or an administrator) at will, the scheduler at the deadline. */
    public void close(Instant now) {
        if (status != CampaignStatus.PUBLISHED) {
            throw new CampaignRuleBroken("campaign.error.notPublished");
        }
        status = CampaignStatus.CLOSED;
        closedAt = now;
    }

    /** Whether the scheduler should close it now. */
    public boolean isPastDeadline(Instant now) {
        return status == CampaignStatus.PUBLISHED && !deadline.isAfter(now);
    }

    /** Whether its petition takes signatures now. */
    public boolean takesSignatures(Instant now) {
        return takesSignatures(petition, status, deadline, now);
    }

    /** The rule, also for what signing reads of a campaign ({@link PetitionWindow}). */
    static boolean takesSignatures(boolean petition, CampaignStatus status, Instant deadline, Instant now) {
        return petition && status == CampaignStatus.PUBLISHED && deadline.isAfter(now);
    }

    /** When the signers' personal data is let go: the set number of months after it closed. */
    public Optional<Instant> anonymizeAt() {
        return Optional.ofNullable(closedAt).map(c -> c.atZone(zone()).plusMonths(retentionMonths).toInstant());
    }

    public boolean isDueForAnonymizing(Instant now) {
        return anonymizedAt == null && anonymizeAt().filter(at -> !at.isAfter(now)).isPresent();
    }

    void anonymized(Instant now) {
        anonymizedAt = now;
    }

    /** The counting job adds what it counted; crossing the threshold makes a response due. */
    void counted(int added, int invalidated, Instant now) {
        signatureCount += added;
        invalidatedCount += invalidated;
        if (petition && responseDueAt == null && responseThreshold != null && signatureCount >= responseThreshold) {
            responseDueAt = now;
        }
    }

    /** Sets the counts to what a full recount found. */
    void recounted(int confirmed, int invalidated, Instant now) {
        signatureCount = confirmed;
        invalidatedCount = invalidated;
        counted(0, 0, now);
    }

    /** The official response of the target, once the threshold is crossed. */
    public void respond(Account by, String text, Instant now) {
        if (!mayRespond(by)) {
            throw new org.duhbalkana.platform.AccessDenied();
        }
        if (responseDueAt == null) {
            throw new CampaignRuleBroken("campaign.error.responseNotDue");
        }
        this.responseText = Texts.required(text, MAX_RESPONSE, "campaign.error.response");
        this.responseAt = now;
        this.responseBy = by;
    }

    /** A reviewer of the target municipality, or the organizer when the target is a named institution. */
    public boolean mayRespond(Account who) {
        if (who == null) {
            return false;
        }
        if (targetMunicipality != null) {
            return who.reviews(targetMunicipality) || who.has(Role.ADMINISTRATOR);
        }
        return isOrganizedBy(who) || who.has(Role.ADMINISTRATOR);
    }

    public boolean isOrganizedBy(Account who) {
        return who != null && organizer.id().equals(who.id());
    }

    /** The organizer or an administrator may change and close it. */
    public boolean isManagedBy(Account who) {
        return who != null && (isOrganizedBy(who) || who.has(Role.ADMINISTRATOR));
    }

    void requireOrganizer(Account by) {
        if (!isManagedBy(by)) {
            throw new org.duhbalkana.platform.AccessDenied();
        }
    }

    private void requireDraft() {
        if (status != CampaignStatus.DRAFT) {
            throw new CampaignRuleBroken("campaign.error.notDraft");
        }
    }

    /** The zone its deadline is set and shown in: the target's country, else the organizer's. */
    public ZoneId zone() {
        if (targetMunicipality != null) {
            return targetMunicipality.country().zone();
        }
        return organizer.municipality().map(m -> m.country().zone()).orElse(Country.RS.zone());
    }

    public ZonedDateTime deadlineInZone() {
        return deadline.atZone(zone());
    }

    /**
     * The topic under which mails to this campaign's signers are written to the outbox, so that
     * they go when the signers' personal data goes ({@link CampaignRepository#anonymize}).
     */
    static String mailTopic(long campaignId) {
        return "campaign:" + campaignId;
    }

    String mailTopic() {
        return mailTopic(id);
    }

    public Long id() {
        return id;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String ask() {
        return ask;
    }

    public String description() {
        return description;
    }

    public Language language() {
        return Language.ofTag(language).orElse(Language.SR_LATN);
    }

    public Optional<Municipality> targetMunicipality() {
        return Optional.ofNullable(targetMunicipality);
    }

    public Optional<String> targetInstitution() {
        return Optional.ofNullable(targetInstitution);
    }

    public Optional<ConsultationRound> round() {
        return Optional.ofNullable(round);
    }

    public Instant deadline() {
        return deadline;
    }

    public CampaignStatus status() {
        return status;
    }

    public Optional<String> reviewReason() {
        return Optional.ofNullable(reviewReason);
    }

    public Account organizer() {
        return organizer;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> publishedAt() {
        return Optional.ofNullable(publishedAt);
    }

    public Optional<Instant> closedAt() {
        return Optional.ofNullable(closedAt);
    }

    public int retentionMonths() {
        return retentionMonths;
    }

    public Optional<Instant> anonymizedAt() {
        return Optional.ofNullable(anonymizedAt);
    }

    public boolean hasPetition() {
        return petition;
    }

    public int signatureGoal() {
        return signatureGoal == null ? 0 : signatureGoal;
    }

    public int responseThreshold() {
        return responseThreshold == null ? 0 : responseThreshold;
    }

    public int signatureCount() {
        return signatureCount;
    }

    public int invalidatedCount() {
        return invalidatedCount;
    }

    /** Percent of the goal reached, 0 to 100. */
    public int progressPercent() {
        return signatureGoal == null || signatureGoal == 0 ? 0 : (int) Math.min(100, signatureCount * 100L / signatureGoal);
    }

    public Optional<Instant> responseDueAt() {
        return Optional.ofNullable(responseDueAt);
    }

    public boolean isResponseDue() {
        return responseDueAt != null && responseText == null;
    }

    public Optional<String> responseText() {
        return Optional.ofNullable(responseText);
    }

    public Optional<Instant> responseAt() {
        return Optional.ofNullable(responseAt);
    }

    public int version() {
        return version;
    }

    @Override
    public String toString() {
        return "Campaign[" + slug + ", " + status + "]";
    }

    /** Marks this campaign as demo content (only {@code DEMO} does this). */
    public void markDemo() {
        demo = true;
    }

    public boolean isDemo() {
        return demo;
    }
}
