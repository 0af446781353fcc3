package org.duhbalkana.account;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Everything the platform holds about one person, for the download of their own data: the
 * account, what they wrote and marked, the petitions they signed with its address, what the
 * audit log says they did or what was done to their account and comments, and the mail sent to
 * them. Nothing in it is about another person: comments others wrote are named by their id and
 * round only, staff who acted on the account are not named, and no secret (password hash, link
 * token, mail body with its links) is in it.
 *
 * <p>Signatures and mail are found by the account's address, and only while that address is
 * confirmed: an account that has not proved it owns an address learns nothing that was sent to
 * or signed with it.
 */
public record PersonalData(
        long accountId,
        String name,
        String email,
        String municipality,
        String country,
        String language,
        Instant createdAt,
        Instant emailVerifiedAt,
        Set<Role> roles,
        List<String> reviewerOf,
        List<Comment> comments,
        List<Endorsement> endorsements,
        List<Flag> flags,
        List<Follow> follows,
        List<Signature> signatures,
        List<Action> audit,
        List<Mail> mails) {

    /**
     * A comment the person wrote, with the answer it got.
     *
     * @param section the article's number, or {@code null} for the whole draft
     * @param replyTo the comment it answers, or {@code null}
     */
    public record Comment(long id, String round, Integer section, Long replyTo, String stance, String text,
            Instant createdAt, Instant editedAt, String status, String hiddenReason, String disposition,
            String dispositionReason) {
    }

    /** "I agree" given to a comment. */
    public record Endorsement(long commentId, String round, Instant at) {
    }

    /** A comment the person flagged, and why. */
    public record Flag(long commentId, String round, String reason, Instant at) {
    }

    /** A round the person follows. */
    public record Follow(String round, Instant at) {
    }

    /** A confirmed signature made with the account's address. */
    public record Signature(String campaign, String name, String email, String municipality, String country,
            boolean consentUpdates, boolean shareName, Instant signedAt, Instant confirmedAt, String state) {
    }

    /**
     * An entry of the audit log about the person: made by them ({@code byYou}, with the network
     * address it came from), or by staff about their account or one of their comments (the staff
     * member and their address not shown).
     */
    public record Action(Instant at, String action, String subject, String details, boolean byYou, String address) {
    }

    /** A mail sent to the person's address: its subject and times, not its body (it held single-use links). */
    public record Mail(String subject, Instant createdAt, Instant sentAt) {
    }
}
