package org.duhbalkana.consultation;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.duhbalkana.account.Account;
import org.duhbalkana.account.AccountRepository;
import org.duhbalkana.account.Groups;
import org.duhbalkana.platform.RequestOrigin;
import org.duhbalkana.platform.config.Settings;
import org.duhbalkana.platform.throttle.Throttle;
import org.duhbalkana.platform.throttle.ThrottleRule;

/**
 * Citizens take part: comment on a section or the whole draft, reply, edit within 15 minutes,
 * endorse others' comments once, flag a comment, follow a round. Only confirmed accounts comment
 * and flag (checked against the account as it is now). Comments and replies are limited per
 * account and per network address in ten minutes, flags per account per hour and per round
 * ({@link Settings.Limits}); a flag never hides a comment, it puts it under review.
 */
@Stateless
public class Participation {

    @Inject
    ConsultationRepository rounds;

    @Inject
    AccountRepository accounts;

    @Inject
    Clock clock;

    @Resource
    SessionContext session;

    @Inject
    Settings settings;

    @Inject
    Throttle throttle;

    @Inject
    RequestOrigin origin;

    static final Duration COMMENT_WINDOW = Duration.ofMinutes(10);
    static final Duration FLAG_WINDOW = Duration.ofHours(1);

    /**
     * @param sectionNumber the section commented on, or 0 for the whole draft
     */
    @RolesAllowed(Groups.CITIZEN)
    public Comment comment(@NotNull String slug, int sectionNumber, @NotNull Stance stance, @NotNull String text) {
        return comment(slug, sectionNumber, stance, text, false);
    }

    /**
     * @param sectionNumber the section commented on, or 0 for the whole draft
     * @param asWritten     shown in the script it is written in, never transliterated for the reader
     */
    @RolesAllowed(Groups.CITIZEN)
    public Comment comment(@NotNull String slug, int sectionNumber, @NotNull Stance stance, @NotNull String text,
            boolean asWritten) {
        ConsultationRound round = round(slug);
        Optional<Section> section = sectionNumber == 0 ? Optional.empty()
                : Optional.of(round.section(sectionNumber).orElseThrow(() -> new ConsultationRuleBroken("consultation.error.noSection")));
        Account me = me();
        Comment comment = round.comment(me, section, stance, text, clock.instant());
        comment.showAsWritten(me, asWritten);
        withinCommentLimits(me);
        rounds.add(comment);
        return comment;
    }

    @RolesAllowed(Groups.CITIZEN)
    public Comment reply(long parentId, @NotNull String text) {
        return reply(parentId, text, false);
    }

    @RolesAllowed(Groups.CITIZEN)
    public Comment reply(long parentId, @NotNull String text, boolean asWritten) {
        Comment parent = comment(parentId);
        Account me = me();
        Comment reply = parent.round().reply(me, parent, text, clock.instant());
        reply.showAsWritten(me, asWritten);
        withinCommentLimits(me);
        rounds.add(reply);
        return reply;
    }

    @RolesAllowed(Groups.CITIZEN)
    public void edit(long commentId, @NotNull String text) {
        comment(commentId).edit(me(), text, clock.instant());
    }

    /** The author changes the text and whether it is shown as written, within the edit window. */
    @RolesAllowed(Groups.CITIZEN)
    public void edit(long commentId, @NotNull String text, boolean asWritten) {
        Comment comment = comment(commentId);
        Account me = me();
        comment.edit(me, text, clock.instant());
        comment.showAsWritten(me, asWritten);
    }

    /** Counts the caller's agreement once; a second endorsement changes nothing. */
    @RolesAllowed(Groups.CITIZEN)
    public boolean endorse(long commentId) {
        Comment comment = comment(commentId);
        Account me = me();
        comment.endorsed(me);
        if (!rounds.endorse(comment, me.id(), clock.instant())) {
            throw new ConsultationRuleBroken("consultation.error.endorsedAlready");
        }
        return true;
    }

    /**
     * A confirmed account flags a comment, once, with a reason. The comment stays shown, marked as
     * under review, until a moderator hides or restores it. Refused for an account that has not
     * confirmed its address (as it is now, whatever its session says), over the limits per hour
     * and per round, and for a comment already hidden.
     */
    @RolesAllowed({Groups.CITIZEN, Groups.UNVERIFIED})
    public void flag(long commentId, @NotNull String reason) {
        Account me = me();
        if (!me.isVerified()) {
            throw new ConsultationRuleBroken("consultation.error.flagNotVerified");
        }
        Comment comment = comment(commentId);
        if (comment.status() == CommentStatus.HIDDEN) {
            throw new ConsultationRuleBroken("consultation.error.hidden");
        }
        String clean = Texts.required(reason, 500, "moderation.error.reason");
        Instant now = clock.instant();
        rounds.lockAccount(me.id());
        Settings.Limits limits = settings.limits();
        ConsultationRepository.Counted lastHour = rounds.flagsSince(me.id(), now.minus(FLAG_WINDOW));
        if (lastHour.count() >= limits.flagsPerHour()) {
            throw new ConsultationRuleBroken("consultation.error.flagLimitHour", limits.flagsPerHour(),
                    minutesUntil(lastHour.oldest().plus(FLAG_WINDOW), now));
        }
        if (rounds.flagsOnRound(me.id(), comment.round()) >= limits.flagsPerRound()) {
            throw new ConsultationRuleBroken("consultation.error.flagLimitRound", limits.flagsPerRound());
        }
        if (rounds.flag(comment, me.id(), clean, now)) {
            comment.flagged();
        }
    }

    /**
     * Refuses a comment or reply over the limits: per account (counted from the comments
     * themselves, the account's row locked so that two at once cannot both pass) and per network
     * address (counted by the platform's throttle) in ten minutes.
     */
    private void withinCommentLimits(Account me) {
        Instant now = clock.instant();
        Settings.Limits limits = settings.limits();
        rounds.lockAccount(me.id());
        ConsultationRepository.Counted recent = rounds.commentsSince(me.id(), now.minus(COMMENT_WINDOW));
        if (recent.count() >= limits.commentsPerAccount()) {
            throw new ConsultationRuleBroken("consultation.error.commentLimitAccount", limits.commentsPerAccount(),
                    minutesUntil(recent.oldest().plus(COMMENT_WINDOW), now));
        }
        java.util.Optional<String> address = origin.address();
        if (address.isPresent()) {
            ThrottleRule rule = new ThrottleRule("COMMENT_ADDRESS", limits.commentsPerAddress(), COMMENT_WINDOW, false,
                    COMMENT_WINDOW);
            if (Throttle.takeOnceRaced(throttle, rule, address.get()) != Throttle.Taken.TAKEN) {
                throw new ConsultationRuleBroken("consultation.error.commentLimitAddress");
            }
        }
    }

    /** Whole minutes from now until then, at least one. */
    private static long minutesUntil(Instant then, Instant now) {
        long seconds = Math.max(0, Duration.between(now, then).getSeconds());
        return Math.max(1, (seconds + 59) / 60);
    }

    @RolesAllowed({Groups.CITIZEN, Groups.UNVERIFIED})
    public void follow(@NotNull String slug) {
        rounds.follow(round(slug), me().id(), clock.instant());
    }

    @RolesAllowed({Groups.CITIZEN, Groups.UNVERIFIED})
    public void unfollow(@NotNull String slug) {
        rounds.unfollow(round(slug), me().id());
    }

    @RolesAllowed({Groups.CITIZEN, Groups.UNVERIFIED})
    public boolean follows(@NotNull String slug) {
        return rounds.follows(round(slug), me().id());
    }

    private ConsultationRound round(String slug) {
        return rounds.bySlug(slug).filter(r -> r.status().isPublic())
                .orElseThrow(() -> new ConsultationRuleBroken("consultation.error.noRound"));
    }

    private Comment comment(long id) {
        return rounds.comment(id).filter(c -> c.round().status().isPublic())
                .orElseThrow(() -> new ConsultationRuleBroken("consultation.error.noComment"));
    }

    private Account me() {
        return Managers.caller(session, accounts);
    }
}
