package org.duhbalkana.consultation;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.duhbalkana.account.Account;
import org.duhbalkana.account.AccountRepository;
import org.duhbalkana.account.Groups;
import org.duhbalkana.account.Municipality;
import org.duhbalkana.account.MunicipalityRepository;
import org.duhbalkana.platform.AccessDenied;
import org.duhbalkana.platform.InputRejected;
import org.duhbalkana.text.Language;

/**
 * Reviewers of an organizing municipality (and administrators) write rounds: title, summary,
 * sections added, edited, reordered while a draft; then schedule them under the jurisdiction
 * rules.
 */
@Stateless
@RolesAllowed({Groups.REVIEWER, Groups.ADMINISTRATOR})
public class ConsultationAuthoring {

    @Inject
    ConsultationRepository rounds;

    @Inject
    AccountRepository accounts;

    @Inject
    MunicipalityRepository municipalities;

    @Inject
    Clock clock;

    @Inject
    AttachmentStore files;

    @Resource
    SessionContext session;

    @jakarta.inject.Inject
    org.duhbalkana.moderation.AuditLog audit;

    /**
     * A new draft round; the caller must review at least one of its organizers. Every other
     * municipality named is invited (audited): the round cannot be scheduled until a reviewer of
     * each accepts.
     */
    public ConsultationRound create(@NotNull String slug, @NotNull String title, @NotNull String summary,
            @NotNull String languageTag, @NotNull List<String> organizerCodes) {
        Account caller = Managers.caller(session, accounts);
        Set<Municipality> organizers = new HashSet<>();
        for (String code : organizerCodes) {
            organizers.add(municipalities.byCode(code)
                    .orElseThrow(() -> new InputRejected("organizers", "validation.municipality")));
        }
        Language language = language(languageTag);
        ConsultationRound round = new ConsultationRound(slug, title, summary, language, organizers, caller, clock.instant());
        if (!caller.has(org.duhbalkana.account.Role.ADMINISTRATOR) && organizers.stream().noneMatch(caller::reviews)) {
            throw new AccessDenied();
        }
        if (rounds.bySlug(slug).isPresent()) {
            throw new InputRejected("slug", "consultation.error.slugTaken");
        }
        List<Municipality> invited = round.namedBy(caller, clock.instant());
        rounds.add(round);
        for (Municipality m : invited) {
            audit.record(caller.id(), caller.displayName(), org.duhbalkana.moderation.AuditAction.ORGANIZER_INVITED,
                    round.slug(), m.code());
        }
        return round;
    }

    /** A reviewer of an invited municipality accepts to organize the round with the others (audited). */
    public void accept(@NotNull String slug, @NotNull String municipalityCode) {
        answerInvitation(slug, municipalityCode, true);
    }

    /** A reviewer of an invited municipality declines: it is taken off the round (audited). */
    public void decline(@NotNull String slug, @NotNull String municipalityCode) {
        answerInvitation(slug, municipalityCode, false);
    }

    private void answerInvitation(String slug, String municipalityCode, boolean accept) {
        Account caller = Managers.caller(session, accounts);
        ConsultationRound round = rounds.bySlugLocked(slug).orElseThrow(() -> new InputRejected("slug", "consultation.error.noRound"));
        Municipality municipality = municipalities.byCode(municipalityCode)
                .orElseThrow(() -> new ConsultationRuleBroken("consultation.error.notInvited"));
        if (!caller.reviews(municipality)) {
            throw new AccessDenied();
        }
        if (accept) {
            round.accept(municipality, caller, clock.instant());
        } else {
            round.decline(municipality, caller, clock.instant());
        }
        audit.record(caller.id(), caller.displayName(), accept ? org.duhbalkana.moderation.AuditAction.ORGANIZER_ACCEPTED
                : org.duhbalkana.moderation.AuditAction.ORGANIZER_DECLINED, round.slug(), municipality.code());
    }

    /** The rounds whose organizers the caller is invited to join, as a reviewer, with the municipalities invited. */
    public List<OrganizerConsent> invitations() {
        Account caller = Managers.caller(session, accounts);
        List<OrganizerConsent> open = rounds.openInvitations(caller.reviewerOf());
        open.forEach(c -> c.round().title());
        return open;
    }

    /**
     * A round as its editor page shows it: to its managers, and read-only to reviewers of a
     * municipality invited to organize it (so they can read it before they accept).
     */
    public ConsultationRound forEditorPage(@NotNull String slug) {
        ConsultationRound round = rounds.bySlug(slug).orElseThrow(() -> new InputRejected("slug", "consultation.error.noRound"));
        Account caller = Managers.caller(session, accounts);
        if (!round.isManagedBy(caller) && round.invitationsFor(caller).isEmpty()) {
            throw new AccessDenied();
        }
        round.sections().size();
        round.translations().size();
        round.consents().size();
        return round;
    }

    /** Whether the caller may change this round (a reviewer of an organizer that accepted, or an administrator). */
    public boolean canEdit(@NotNull String slug) {
        return rounds.bySlug(slug).map(r -> r.isManagedBy(Managers.caller(session, accounts))).orElse(false);
    }

    /** The invited organizers of this round the caller may accept or decline for. */
    public List<Municipality> myInvitations(@NotNull String slug) {
        return rounds.bySlug(slug).map(r -> r.invitationsFor(Managers.caller(session, accounts))).orElse(List.of());
    }

    public void describe(@NotNull String slug, @NotNull String title, @NotNull String summary, @NotNull Set<String> tags) {
        managed(slug).describe(title, summary, tags);
    }

    /**
     * Gives the title and summary in another language, in any status: a translation changes no
     * word of the draft.
     */
    public void translate(@NotNull String slug, @NotNull String languageTag, @NotNull String title, @NotNull String summary) {
        managed(slug).translate(language(languageTag), title, summary);
    }

    public void removeTranslation(@NotNull String slug, @NotNull String languageTag) {
        managed(slug).removeTranslation(language(languageTag));
    }

    /** Whether the round's text is shown as written, never transliterated into the reader's script. */
    public void showAsWritten(@NotNull String slug, boolean asWritten) {
        managed(slug).showAsWritten(asWritten);
    }

    private static Language language(String tag) {
        return Language.ofTag(tag).orElseThrow(() -> new InputRejected("language", "validation.language"));
    }

    public void addSection(@NotNull String slug, @NotNull String heading, @NotNull String body) {
        managed(slug).addSection(heading, body);
    }

    public void editSection(@NotNull String slug, int number, @NotNull String heading, @NotNull String body) {
        managed(slug).editSection(number, heading, body);
    }

    public void moveSection(@NotNull String slug, int from, int to) {
        managed(slug).moveSection(from, to);
    }

    public void removeSection(@NotNull String slug, int number) {
        managed(slug).removeSection(number);
    }

    /**
     * Schedules the round by days in its deadline zone: it opens at the start of the first day (or
     * now, if that day is today) and stays open until 24:00 of the last.
     */
    public void scheduleDays(@NotNull String slug, @NotNull java.time.LocalDate firstDay, @NotNull java.time.LocalDate lastDay,
            String shortReason) {
        ConsultationRound round = managed(slug);
        java.time.ZoneId zone = round.deadlineZone();
        Instant now = clock.instant();
        Instant start = firstDay.atStartOfDay(zone).toInstant();
        Instant opens = start.isBefore(now) && firstDay.equals(java.time.LocalDate.ofInstant(now, zone)) ? now : start;
        round.schedule(opens, lastDay.plusDays(1).atStartOfDay(zone).toInstant(), shortReason, now);
    }

    /** Attaches a PDF (checked by content, at most 10 MB) to a round the caller manages, until its report is published. */
    public Attachment attach(@NotNull String slug, String fileName, @NotNull byte[] content) {
        ConsultationRound round = managed(slug);
        if (round.status() == RoundStatus.REPORT_PUBLISHED) {
            throw new ConsultationRuleBroken("attachment.error.closed");
        }
        Attachment attachment = new Attachment(round, fileName, content, Managers.caller(session, accounts), clock.instant());
        files.write(attachment.storedName(), content);
        rounds.add(attachment);
        return attachment;
    }

    /** Removes an attachment of a round the caller manages. */
    public void detach(@NotNull String slug, long attachmentId) {
        ConsultationRound round = managed(slug);
        Attachment attachment = rounds.attachment(attachmentId).filter(a -> a.round().id().equals(round.id()))
                .orElseThrow(() -> new ConsultationRuleBroken("attachment.error.none"));
        rounds.remove(attachment);
        files.delete(attachment.storedName());
    }

    /** A round the caller manages, in any status. */
    public ConsultationRound managed(String slug) {
        ConsultationRound round = rounds.bySlug(slug).orElseThrow(() -> new InputRejected("slug", "consultation.error.noRound"));
        Managers.managerOf(round, session, accounts);
        round.sections().size();
        round.translations().size();
        round.consents().size();
        return round;
    }
}
