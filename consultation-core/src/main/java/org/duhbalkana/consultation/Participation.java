package org.duhbalkana.consultation;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.Optional;
import org.duhbalkana.account.Account;
import org.duhbalkana.account.AccountRepository;
import org.duhbalkana.account.Groups;

/**
 * Citizens take part: comment on a section or the whole draft, reply, edit within 15 minutes,
 * endorse others' comments once, flag a comment, follow a round. Only verified accounts comment.
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

    /** Anyone signed in may flag a comment, once, with a reason; after three flags it is hidden for review. */
    @RolesAllowed({Groups.CITIZEN, Groups.UNVERIFIED})
    public void flag(long commentId, @NotNull String reason) {
        Comment comment = comment(commentId);
        String clean = Texts.required(reason, 500, "moderation.error.reason");
        if (rounds.flag(comment, me().id(), clean, clock.instant())) {
            comment.flagged();
        }
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
