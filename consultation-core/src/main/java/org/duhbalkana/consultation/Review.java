package org.duhbalkana.consultation;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.duhbalkana.account.Account;
import org.duhbalkana.account.AccountRepository;
import org.duhbalkana.account.Groups;
import org.duhbalkana.moderation.AuditAction;
import org.duhbalkana.moderation.AuditLog;
import org.duhbalkana.notification.Mail;
import org.duhbalkana.notification.MailOutbox;
import org.duhbalkana.platform.config.Settings;

/**
 * The organizing municipality's reviewers answer every comment with a disposition (one answer may
 * go to several comments that say the same), see their progress, and publish the report. Two
 * reviewers answering the same comment at once: one wins, the other is told.
 */
@Stateless
@RolesAllowed({Groups.REVIEWER, Groups.ADMINISTRATOR})
public class Review {

    @PersistenceContext(unitName = "consultation")
    EntityManager em;

    @Inject
    ConsultationRepository rounds;

    @Inject
    AccountRepository accounts;

    @Inject
    AuditLog audit;

    @Inject
    MailOutbox mail;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    @Resource
    SessionContext session;

    /**
     * Gives the same answer to one or several comments, by id with the version of each the reviewer
     * saw; if someone answered one of them since, {@link ConcurrentAnswer} and nothing is changed.
     */
    public void answerAll(@NotNull Map<Long, Integer> commentVersions, @NotNull Disposition disposition, String reason) {
        Account reviewer = null;
        for (Map.Entry<Long, Integer> entry : commentVersions.entrySet()) {
            Comment comment = rounds.comment(entry.getKey())
                    .orElseThrow(() -> new ConsultationRuleBroken("consultation.error.noComment"));
            Account manager = Managers.answererOf(comment.round(), session, accounts);
            reviewer = manager;
            if (comment.version() != entry.getValue()) {
                throw new ConcurrentAnswer();
            }
            comment.answer(disposition, reason, manager, clock.instant());
            audit.record(manager.id(), manager.displayName(), AuditAction.DISPOSITION_GIVEN,
                    "comment " + comment.id(), disposition.name());
        }
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ConcurrentAnswer();
        } catch (PersistenceException e) {
            if (e.getCause() instanceof OptimisticLockException
                    || e.getClass().getName().contains("OptimisticLock")) {
                throw new ConcurrentAnswer();
            }
            throw e;
        }
    }

    public static final int PAGE_SIZE = 50;

    /** A page of the round's comments for its reviewers, with their answers so far. */
    public java.util.List<CommentView> queue(@NotNull String slug, int sectionNumber, Stance stance, Boolean answered,
            boolean flaggedOnly, long afterId) {
        ConsultationRound round = round(slug);
        java.util.Optional<Section> section = sectionNumber == 0 ? java.util.Optional.empty() : round.section(sectionNumber);
        return rounds.reviewQueue(round, section, java.util.Optional.ofNullable(stance), java.util.Optional.ofNullable(answered),
                        flaggedOnly, afterId, PAGE_SIZE).stream()
                .map(CommentView::forReviewers).toList();
    }

    /** Whether the caller answers this round's comments and signs its report (an administrator does not). */
    public boolean answersFor(@NotNull String slug) {
        return round(slug).isAnsweredBy(Managers.caller(session, accounts));
    }

    /** The round as its reviewers see it (drafts and all). */
    public ConsultationRound managed(@NotNull String slug) {
        ConsultationRound round = round(slug);
        round.sections().size();
        return round;
    }

    /** Answered and total comments to answer. */
    public Progress progress(@NotNull String slug) {
        ConsultationRound round = round(slug);
        long total = rounds.toAnswer(round);
        return new Progress(total - rounds.unanswered(round), total, rounds.pendingModeration(round),
                round.unsigned().stream().map(OrganizerName::of).toList());
    }

    /**
     * The round's comments counted for the reviewers' dashboard: per article (0 = the whole
     * draft), per stance, per disposition ("UNANSWERED" for those still to answer) and per day
     * (in the round's deadline zone). Replies and hidden comments are counted too.
     */
    public Figures figures(@NotNull String slug) {
        ConsultationRound round = round(slug);
        java.util.Map<Integer, Long> perSection = new java.util.TreeMap<>();
        rounds.countBy(round, "s.position").forEach((k, n) -> perSection.merge(k == null ? 0 : ((Number) k).intValue(), n, Long::sum));
        java.util.Map<String, Long> perStance = new java.util.LinkedHashMap<>();
        rounds.countBy(round, "c.stance").forEach((k, n) -> perStance.put(k.toString(), n));
        java.util.Map<String, Long> perDisposition = new java.util.LinkedHashMap<>();
        rounds.countBy(round, "c.disposition").forEach((k, n) -> perDisposition.put(k == null ? "UNANSWERED" : k.toString(), n));
        java.util.Map<java.time.LocalDate, Long> perDay = new java.util.TreeMap<>();
        rounds.commentTimes(round).forEach(t -> perDay.merge(t.atZone(round.deadlineZone()).toLocalDate(), 1L, Long::sum));
        java.util.Map<org.duhbalkana.text.Language, String> titles = new java.util.EnumMap<>(org.duhbalkana.text.Language.class);
        round.translations().forEach(t -> titles.put(t.language(), t.title()));
        return new Figures(round.title(), perSection, perStance, perDisposition, perDay, round.language(), round.asWritten(),
                titles);
    }

    /**
     * What the reviewers' dashboard shows, with the round's title: as written (in {@code language},
     * shown as written when {@code asWritten}) and its translations, by language.
     */
    public record Figures(String title, java.util.Map<Integer, Long> perSection, java.util.Map<String, Long> perStance,
            java.util.Map<String, Long> perDisposition, java.util.Map<java.time.LocalDate, Long> perDay,
            org.duhbalkana.text.Language language, boolean asWritten,
            java.util.Map<org.duhbalkana.text.Language, String> translatedTitles)
            implements java.io.Serializable {

        /** The title's translation for a reader of this language, if there is one. */
        public java.util.Optional<org.duhbalkana.text.Translation> translationFor(org.duhbalkana.text.Language reader) {
            java.util.List<org.duhbalkana.text.Translation> all = translatedTitles.entrySet().stream()
                    .map(e -> new org.duhbalkana.text.Translation(e.getKey(), e.getValue(), "")).toList();
            return org.duhbalkana.text.Translation.forReader(all, language, reader);
        }
    }

    /**
     * How far the answering has come: answered of all comments (hidden ones too), how many wait for
     * a moderator, and the organizers that have not signed the report yet.
     */
    public record Progress(long answered, long total, long pendingModeration, java.util.List<OrganizerName> unsigned)
            implements java.io.Serializable {
        public int percent() {
            return total == 0 ? 100 : (int) (answered * 100 / total);
        }
    }

    /**
     * Signs the consultation report for the organizers the caller reviews (only when the round is
     * closed, every comment answered and none waits for a moderator); once every organizer has
     * signed, the report is published, and everyone who commented or follows the round is mailed
     * in their language with a link to it. A joint round's report is thus published only with the
     * consent of each municipality; a later change of an answer withdraws the signatures.
     *
     * @return the organizers that have still to sign (none: the report is published)
     */
    public java.util.List<OrganizerName> publishReport(@NotNull String slug) {
        ConsultationRound round = rounds.bySlugLocked(slug)
                .orElseThrow(() -> new ConsultationRuleBroken("consultation.error.noRound"));
        Account manager = Managers.answererOf(round, session, accounts);
        long unanswered = rounds.unanswered(round);
        long pending = rounds.pendingModeration(round);
        for (org.duhbalkana.account.Municipality m : round.signReport(manager, unanswered, pending, clock.instant())) {
            audit.record(manager.id(), manager.displayName(), AuditAction.REPORT_SIGNED, round.slug(), m.code());
        }
        java.util.List<org.duhbalkana.account.Municipality> unsigned = round.unsigned();
        if (!unsigned.isEmpty()) {
            return unsigned.stream().map(OrganizerName::of).toList();
        }
        round.publishReport(unanswered, pending, clock.instant());
        audit.record(manager.id(), manager.displayName(), AuditAction.REPORT_PUBLISHED, round.slug(), null);
        Set<Long> recipients = new LinkedHashSet<>(rounds.commenterIds(round));
        recipients.addAll(rounds.followers(round));
        for (Account a : accounts.withAddress(recipients)) {
            mail.send(a.email().orElseThrow(), a.language(), Mail.REPORT_PUBLISHED, a.displayName(),
                    settings.link("/consultations/report.xhtml?slug=" + round.slug()), round.title());
        }
        return java.util.List.of();
    }

    private ConsultationRound round(String slug) {
        ConsultationRound round = rounds.bySlug(slug)
                .orElseThrow(() -> new ConsultationRuleBroken("consultation.error.noRound"));
        Managers.managerOf(round, session, accounts);
        return round;
    }
}
