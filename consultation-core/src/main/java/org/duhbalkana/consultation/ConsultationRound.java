package org.duhbalkana.consultation;

import jakarta.persistence.CascadeType;
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
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.duhbalkana.account.Account;
import org.duhbalkana.account.Country;
import org.duhbalkana.account.Municipality;
import org.duhbalkana.account.Role;
import org.duhbalkana.text.Language;
import org.duhbalkana.text.SearchText;
import org.duhbalkana.text.Translation;

/**
 * A consultation round: a draft decision in numbered sections that one or more municipalities put
 * to the public for a set period, then answer comment by comment and report on.
 */
@Entity
@Table(name = "consultation_round")
public class ConsultationRound {

    public static final int MAX_TITLE = 200;
    public static final int MAX_SUMMARY = 2000;
    public static final int MAX_REASON = 1000;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} -]{0,39}");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "slug", nullable = false, unique = true, length = 80)
    private String slug;

    @Column(name = "title", nullable = false, length = MAX_TITLE)
    private String title;

    @Column(name = "summary", nullable = false, length = MAX_SUMMARY)
    private String summary;

    @Column(name = "language", nullable = false, length = 10)
    private String language;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private RoundStatus status;

    @Column(name = "opens_at")
    private Instant opensAt;

    @Column(name = "closes_at")
    private Instant closesAt;

    @Column(name = "short_period_reason", length = MAX_REASON)
    private String shortPeriodReason;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "created_by")
    private Account createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "report_published_at")
    private Instant reportPublishedAt;

    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(name = "round_organizer", joinColumns = @JoinColumn(name = "round_id"),
            inverseJoinColumns = @JoinColumn(name = "municipality_id"))
    private Set<Municipality> organizers = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "round_tag", joinColumns = @JoinColumn(name = "round_id"))
    @Column(name = "tag", length = 40)
    private Set<String> tags = new HashSet<>();

    @OneToMany(mappedBy = "round", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
    @OrderBy("position")
    private List<Section> sections = new ArrayList<>();

    /** The title and summary in other languages, at most one per language. */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "round_translation", joinColumns = @JoinColumn(name = "round_id"))
    private List<Translation> translations = new ArrayList<>();

    /**
     * The consent of the organizers: invitations, acceptances, refusals and the report's
     * signatures. An organizer without one (a round written before consent was asked) counts as
     * having accepted.
     */
    @OneToMany(mappedBy = "round", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
    private List<OrganizerConsent> consents = new ArrayList<>();

    /** Shown in the script it is written in: the authors asked that it not be transliterated. */
    @Column(name = "as_written", nullable = false)
    private boolean asWritten;

    /** Created by {@code DEMO}: removed by {@code DEMO_PURGE}, and refused at start-up without {@code DEMO}. */
    @Column(name = "demo", nullable = false)
    private boolean demo;

    /** Title, summary and tags in their search form ({@link org.duhbalkana.text.SearchText#column}). */
    @Column(name = "search_text")
    private String searchText;

    @Version
    @Column(name = "version", nullable = false)
    private int version;

    protected ConsultationRound() {
    }

    public ConsultationRound(String slug, String title, String summary, Language language, Set<Municipality> organizers,
            Account createdBy, Instant now) {
        if (slug == null || slug.length() > 80 || !SLUG.matcher(slug).matches()) {
            throw new ConsultationRuleBroken("consultation.error.slug");
        }
        if (organizers == null || organizers.isEmpty()) {
            throw new ConsultationRuleBroken("consultation.error.organizers");
        }
        this.slug = slug;
        this.language = language.tag();
        this.organizers = new HashSet<>(organizers);
        this.createdBy = createdBy;
        this.createdAt = now;
        this.status = RoundStatus.DRAFT;
        describe(title, summary, Set.of());
    }

    // ----- authoring, while a draft

    /** Sets the title, summary and topic tags. */
    public void describe(String title, String summary, Set<String> tags) {
        requireDraft();
        this.title = Texts.required(title, MAX_TITLE, "consultation.error.title");
        this.summary = Texts.required(summary, MAX_SUMMARY, "consultation.error.summary");
        Set<String> clean = new HashSet<>();
        for (String tag : tags) {
            String t = tag.strip().toLowerCase(Locale.ROOT);
            if (!TAG.matcher(t).matches()) {
                throw new ConsultationRuleBroken("consultation.error.tag");
            }
            clean.add(t);
        }
        this.tags = clean;
        indexText();
    }

    private void indexText() {
        this.searchText = SearchText.column(this.title, this.summary, String.join(" ", tags),
                Translation.words(translations));
    }

    // ----- translations and script, in any status: they change no word of the draft

    /**
     * Gives the title and summary in another language (replacing an earlier translation in that
     * language). The draft's articles stay in the language they were written in.
     */
    public void translate(Language into, String title, String summary) {
        String t = Texts.required(title, MAX_TITLE, "consultation.error.title");
        String s = Texts.required(summary, MAX_SUMMARY, "consultation.error.summary");
        if (!Translation.put(translations, language(), new Translation(into, t, s))) {
            throw new ConsultationRuleBroken("translation.error.originalLanguage");
        }
        indexText();
    }

    /** Removes the translation into this language. */
    public void removeTranslation(Language language) {
        if (Translation.remove(translations, language)) {
            indexText();
        }
    }

    /** Whether the text is shown as written, never in the reader's other script. */
    public void showAsWritten(boolean asWritten) {
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

    public Section addSection(String heading, String body) {
        requireDraft();
        Section section = new Section(this, ordered().size() + 1, heading, body);
        sections.add(section);
        return section;
    }

    public void editSection(int number, String heading, String body) {
        requireDraft();
        section(number).orElseThrow(() -> new ConsultationRuleBroken("consultation.error.noSection")).edit(heading, body);
    }

    /** Moves a section to another place; the others are renumbered. */
    public void moveSection(int from, int to) {
        requireDraft();
        if (from < 1 || from > ordered().size() || to < 1 || to > ordered().size()) {
            throw new ConsultationRuleBroken("consultation.error.noSection");
        }
        Section moved = ordered().remove(from - 1);
        sections.add(to - 1, moved);
        renumber();
    }

    public void removeSection(int number) {
        requireDraft();
        if (number < 1 || number > ordered().size()) {
            throw new ConsultationRuleBroken("consultation.error.noSection");
        }
        ordered().remove(number - 1);
        renumber();
    }

    private void renumber() {
        for (int i = 0; i < sections.size(); i++) {
            sections.get(i).moveTo(i + 1);
        }
    }

    private void requireDraft() {
        if (status != null && status != RoundStatus.DRAFT) {
            throw new ConsultationRuleBroken("consultation.error.notDraft");
        }
    }

    // ----- lifecycle

    /**
     * Schedules the round: it opens and closes on its own at the given instants. The period must
     * meet the jurisdiction rules of every organizer; a reason (shown publicly) may shorten a
     * Bulgarian round to 14 days.
     */
    public void schedule(Instant opens, Instant closes, String shortReason, Instant now) {
        requireDraft();
        if (!awaitingConsent().isEmpty()) {
            throw new ConsultationRuleBroken("consultation.error.awaitingConsent");
        }
        if (ordered().isEmpty()) {
            throw new ConsultationRuleBroken("consultation.error.noSections");
        }
        if (opens == null || closes == null || opens.isBefore(now.minus(Duration.ofMinutes(5))) || !closes.isAfter(opens)) {
            throw new ConsultationRuleBroken("consultation.error.period");
        }
        String reason = Texts.optional(shortReason, MAX_REASON, "consultation.error.reason");
        int minimum = JurisdictionRules.minimumDays(organizers, reason != null);
        if (Duration.between(opens, closes).compareTo(Duration.ofDays(minimum)) < 0) {
            throw new ConsultationRuleBroken("consultation.error.tooShort", minimum);
        }
        int withoutReason = JurisdictionRules.minimumDays(organizers, false);
        this.opensAt = opens;
        this.closesAt = closes;
        this.shortPeriodReason = Duration.between(opens, closes).compareTo(Duration.ofDays(withoutReason)) < 0 ? reason : null;
        this.status = RoundStatus.SCHEDULED;
    }

    /**
     * Moves the round on as time passes: a scheduled round opens, an open round closes (both at
     * once if the site was down across the whole period). Running it twice changes nothing.
     *
     * @return whether the status changed
     */
    public boolean advance(Instant now) {
        RoundStatus before = status;
        if (status == RoundStatus.SCHEDULED && !now.isBefore(opensAt)) {
            status = RoundStatus.OPEN;
        }
        if (status == RoundStatus.OPEN && !now.isBefore(closesAt)) {
            status = RoundStatus.CLOSED;
        }
        return status != before;
    }

    /** Publishes the consultation report: only when closed and every comment is answered. */
    public void publishReport(long unanswered, Instant now) {
        publishReport(unanswered, 0, now);
    }

    /**
     * Publishes the consultation report: only when closed, every comment (hidden ones too) is
     * answered, and no comment waits for a moderator's decision.
     */
    public void publishReport(long unanswered, long pendingModeration, Instant now) {
        requireReportReady(unanswered, pendingModeration);
        status = RoundStatus.REPORT_PUBLISHED;
        reportPublishedAt = now;
    }

    private void requireReportReady(long unanswered, long pendingModeration) {
        if (status != RoundStatus.CLOSED) {
            throw new ConsultationRuleBroken("consultation.error.notClosed");
        }
        if (unanswered > 0) {
            throw new ConsultationRuleBroken("consultation.error.unanswered", unanswered);
        }
        if (pendingModeration > 0) {
            throw new ConsultationRuleBroken("consultation.error.pendingModeration", pendingModeration);
        }
    }

    // ----- the organizers' consent

    /**
     * Records who named the organizers: the municipalities the creator reviews accept by naming
     * themselves; every other one is invited, and takes part only once one of its own reviewers
     * accepts. An administrator reviews none, so every organizer of their round is invited.
     *
     * @return the municipalities invited
     */
    public List<Municipality> namedBy(Account creator, Instant now) {
        requireDraft();
        if (!consents.isEmpty()) {
            throw new IllegalStateException("the organizers of " + slug + " are already named");
        }
        List<Municipality> invited = new ArrayList<>();
        organizers.stream().sorted(java.util.Comparator.comparing(Municipality::code)).forEach(m -> {
            boolean own = creator.reviews(m);
            consents.add(new OrganizerConsent(this, m, own ? OrganizerConsent.Status.ACCEPTED : OrganizerConsent.Status.INVITED,
                    creator.id(), now));
            if (!own) {
                invited.add(m);
            }
        });
        return invited;
    }

    /** A reviewer of an invited municipality accepts: the municipality organizes the round with the others. */
    public void accept(Municipality municipality, Account reviewer, Instant now) {
        invitation(municipality, reviewer).answer(OrganizerConsent.Status.ACCEPTED, reviewer.id(), now);
    }

    /**
     * A reviewer of an invited municipality declines: it is taken off the round (the refusal stays
     * on record). Were it the only organizer left, it stays, and the round cannot be scheduled.
     */
    public void decline(Municipality municipality, Account reviewer, Instant now) {
        invitation(municipality, reviewer).answer(OrganizerConsent.Status.DECLINED, reviewer.id(), now);
        if (organizers.size() > 1) {
            organizers.remove(municipality);
        }
    }

    private OrganizerConsent invitation(Municipality municipality, Account reviewer) {
        requireDraft();
        if (!reviewer.reviews(municipality) || !organizers.contains(municipality)) {
            throw new ConsultationRuleBroken("consultation.error.notInvited");
        }
        return consent(municipality).filter(c -> c.status() == OrganizerConsent.Status.INVITED)
                .orElseThrow(() -> new ConsultationRuleBroken("consultation.error.notInvited"));
    }

    public Optional<OrganizerConsent> consent(Municipality municipality) {
        return consents.stream().filter(c -> c.municipality().equals(municipality)).findFirst();
    }

    public List<OrganizerConsent> consents() {
        return Collections.unmodifiableList(consents);
    }

    /** Whether this organizer takes part: it accepted, or was never asked (a round written before consent was asked). */
    private boolean takesPart(Municipality municipality) {
        return consent(municipality).map(OrganizerConsent::isAccepted).orElse(true);
    }

    /** The organizers that have not accepted (yet): while there is one, the round cannot be scheduled. */
    public Set<Municipality> awaitingConsent() {
        Set<Municipality> waiting = new HashSet<>();
        organizers.stream().filter(m -> !takesPart(m)).forEach(waiting::add);
        return waiting;
    }

    /** The invited organizers this account reviews and may accept or decline for. */
    public List<Municipality> invitationsFor(Account account) {
        return organizers.stream().filter(account::reviews)
                .filter(m -> consent(m).map(c -> c.status() == OrganizerConsent.Status.INVITED).orElse(false)).toList();
    }

    /** The organizers that take part and that this account reviews: it answers comments and signs the report for them. */
    public List<Municipality> answeredForBy(Account account) {
        return organizers.stream().filter(account::reviews).filter(this::takesPart).toList();
    }

    /**
     * A reviewer signs the report for the organizers they review (only once it may be published);
     * the report is published once every organizer has signed.
     *
     * @return the organizers signed for
     */
    public List<Municipality> signReport(Account reviewer, long unanswered, long pendingModeration, Instant now) {
        requireReportReady(unanswered, pendingModeration);
        List<Municipality> mine = answeredForBy(reviewer);
        if (mine.isEmpty()) {
            throw new ConsultationRuleBroken("consultation.error.cannotSign");
        }
        for (Municipality m : mine) {
            OrganizerConsent consent = consent(m).orElseGet(() -> {
                OrganizerConsent implicit = new OrganizerConsent(this, m, OrganizerConsent.Status.ACCEPTED, reviewer.id(), now);
                consents.add(implicit);
                return implicit;
            });
            consent.sign(reviewer.id(), now);
        }
        return mine;
    }

    /** The organizers that have not signed the report yet. */
    public List<Municipality> unsigned() {
        return organizers.stream().filter(m -> consent(m).map(c -> !c.isSigned()).orElse(true))
                .sorted(java.util.Comparator.comparing(Municipality::code)).toList();
    }

    /** An answer changed: the report's signatures no longer cover it, and are withdrawn. */
    void answersChanged() {
        if (status == RoundStatus.CLOSED) {
            consents.forEach(OrganizerConsent::unsign);
        }
    }

    // ----- comments

    /** A new comment on a section (or, with none, on the whole draft). */
    public Comment comment(Account author, Optional<Section> section, Stance stance, String text, Instant now) {
        requireOpenFor(author, now);
        section.ifPresent(s -> {
            if (s.round() != this) {
                throw new ConsultationRuleBroken("consultation.error.noSection");
            }
        });
        return new Comment(this, section.orElse(null), null, author, stance, text, now);
    }

    /** A reply to a comment; replies have no replies of their own. */
    public Comment reply(Account author, Comment parent, String text, Instant now) {
        requireOpenFor(author, now);
        if (parent.round() != this || parent.parent().isPresent()) {
            throw new ConsultationRuleBroken("consultation.error.replyLevel");
        }
        if (parent.status() == CommentStatus.HIDDEN) {
            throw new ConsultationRuleBroken("consultation.error.hidden");
        }
        return new Comment(this, parent.section().orElse(null), parent, author, Stance.NEUTRAL, text, now);
    }

    void requireOpenFor(Account author, Instant now) {
        if (status != RoundStatus.OPEN || (closesAt != null && !now.isBefore(closesAt))) {
            throw new ConsultationRuleBroken("consultation.error.notOpen");
        }
        if (author == null || !author.isVerified() || !author.canSignIn()) {
            throw new ConsultationRuleBroken("consultation.error.notVerified");
        }
    }

    /**
     * Whether the account may write and see this round as its own: a reviewer of an organizer that
     * takes part (not one merely invited), or an administrator.
     */
    public boolean isManagedBy(Account account) {
        return account.has(Role.ADMINISTRATOR) || organizers.stream().anyMatch(m -> account.reviews(m) && takesPart(m));
    }

    /** Whether the account answers comments for this round: a reviewer of an organizer that takes part. */
    public boolean isAnsweredBy(Account account) {
        return !answeredForBy(account).isEmpty();
    }

    // ----- reading

    public Long id() {
        return id;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String summary() {
        return summary;
    }

    public Language language() {
        return Language.ofTag(language).orElse(Language.DEFAULT);
    }

    public RoundStatus status() {
        return status;
    }

    public Optional<Instant> opensAt() {
        return Optional.ofNullable(opensAt);
    }

    public Optional<Instant> closesAt() {
        return Optional.ofNullable(closesAt);
    }

    public Optional<String> shortPeriodReason() {
        return Optional.ofNullable(shortPeriodReason);
    }

    public Optional<Instant> reportPublishedAt() {
        return Optional.ofNullable(reportPublishedAt);
    }

    public Set<Municipality> organizers() {
        return Collections.unmodifiableSet(organizers);
    }

    public Set<String> tags() {
        return Collections.unmodifiableSet(tags);
    }

    /**
     * The sections in their order. A query that fetches them with the round (a join) may hand them
     * over in any order, and the editing methods address them by position.
     */
    private List<Section> ordered() {
        for (int i = 1; i < sections.size(); i++) {
            if (sections.get(i - 1).number() > sections.get(i).number()) {
                sections.sort(java.util.Comparator.comparingInt(Section::number));
                break;
            }
        }
        return sections;
    }

    public List<Section> sections() {
        return Collections.unmodifiableList(ordered());
    }

    public Optional<Section> section(int number) {
        return number >= 1 && number <= ordered().size() ? Optional.of(ordered().get(number - 1)) : Optional.empty();
    }

    public Instant createdAt() {
        return createdAt;
    }

    /**
     * The time zone the deadline is set and shown in: for a joint round, the zone where it ends
     * first (Bulgaria's, an hour ahead of Serbia's).
     */
    public ZoneId deadlineZone() {
        return organizers.stream().anyMatch(m -> m.country() == Country.BG) ? Country.BG.zone() : Country.RS.zone();
    }

    public int version() {
        return version;
    }

    @Override
    public String toString() {
        return "ConsultationRound[" + slug + ", " + status + "]";
    }

    /** Marks this round as demo content (only {@code DEMO} does this). */
    public void markDemo() {
        demo = true;
    }

    public boolean isDemo() {
        return demo;
    }
}
