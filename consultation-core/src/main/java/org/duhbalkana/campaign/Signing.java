package org.duhbalkana.campaign;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Clock;
import org.duhbalkana.platform.RequestOrigin;
import org.duhbalkana.platform.Secrets;
import org.duhbalkana.platform.config.SignatureMailLimits;
import org.duhbalkana.platform.throttle.Throttle;
import org.duhbalkana.platform.throttle.ThrottleRule;

/**
 * Anyone signs a petition, without an account. Whatever happened (a new signature, a repeat of
 * an address that signed, a robot caught by the honeypot) the answer is the same: "check your
 * mail". Only the mailbox's owner learns more. Signing is not an open mailer: attempts from one
 * network address beyond {@code SIGNATURE_MAILS_PER_ADDRESS_HOUR} an hour, and attempts beyond
 * {@code SIGNATURE_MAILS_PER_HOUR} an hour for the whole site, are taken but held, and nothing is
 * mailed for them until a moderator releases them (which mails the confirmation links then).
 */
@Stateless
@PermitAll
public class Signing {

    /** The counter of signing attempts per network address, over {@code SIGNATURE_MAILS_PER_ADDRESS_HOUR}. */
    static final String PER_ADDRESS_SCOPE = "SIGN_ADDRESS";

    /** The counter of signing attempts that may mail, for the whole site, over {@code SIGNATURE_MAILS_PER_HOUR}. */
    static final String SITE_SCOPE = "SIGN_MAIL_SITE";

    @Inject
    SignatureMailLimits limits;

    @Inject
    SignatureWriter writer;

    @Inject
    CampaignRepository campaigns;

    @Inject
    Throttle throttle;

    @Inject
    RequestOrigin origin;

    @Inject
    Clock clock;

    /**
     * Takes a signing attempt and mails the address.
     *
     * @throws PetitionClosed          when the petition takes no more signatures
     * @throws CampaignRuleBroken      when there is no such public petition
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void sign(@NotNull String slug, @NotNull @Valid SignatureRequest request) {
        if (request.website() != null && !request.website().isBlank()) {
            return; // a robot: it is told what a person is told, and nothing is kept
        }
        String address = origin.address().orElse("unknown");
        boolean held = overLimit(address);
        for (int attempt = 1; ; attempt++) {
            try {
                writer.sign(slug, request, held, address);
                return;
            } catch (EJBException e) {
                if (isDuplicate(e)) {
                    writer.again(slug, request, held);
                    return;
                }
                if (!isDeadlock(e) || attempt == 3) {
                    throw e;
                }
                // Under a surge InnoDB may pick this insert as a deadlock victim: it changed nothing; try again.
            }
        }
    }

    static boolean isDeadlock(Throwable e) {
        return causedBy(e, t -> t instanceof java.sql.SQLTransactionRollbackException
                || (t.getMessage() != null && t.getMessage().contains("Deadlock found")));
    }

    /**
     * Counts the attempt against its network address, then (when that leaves it within its limit)
     * against the whole site's hourly budget of mail: over either, the attempt is held and nothing
     * is mailed. Two first attempts may race to create a counter; the loser counts again. A counter
     * that cannot be written (many attempts racing for it) holds the signature too: a held signature
     * loses nothing, a moderator releases it, while a surge must not slip mail past the limit.
     */
    private boolean overLimit(String address) {
        if (limits.limitsAddresses()
                && Throttle.takeOnceRaced(throttle, rule(PER_ADDRESS_SCOPE, limits.perAddressHour()), address) != Throttle.Taken.TAKEN) {
            return true;
        }
        return limits.limitsSite()
                && Throttle.takeOnceRaced(throttle, rule(SITE_SCOPE, limits.perHour()), "site") != Throttle.Taken.TAKEN;
    }

    private static ThrottleRule rule(String scope, int perHour) {
        return new ThrottleRule(scope, perHour, java.time.Duration.ofHours(1), false, java.time.Duration.ofHours(1));
    }

    /** What the link would do, without doing it (for the page a mailed link opens). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public SignatureOutcome check(String token) {
        return campaigns.signatureByToken(Secrets.hash(token == null ? "" : token))
                .map(s -> state(s, clock.instant()))
                .orElse(SignatureOutcome.UNKNOWN);
    }

    /**
     * Confirms the signature the link belongs to; a link works once and for seven days. A
     * confirmation that InnoDB picks as a deadlock victim (under a surge) is tried again.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public SignatureOutcome confirm(String token) {
        for (int attempt = 1; ; attempt++) {
            try {
                return writer.confirm(token == null ? "" : token);
            } catch (EJBException e) {
                if (!isDeadlock(e) || attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** CONFIRMED here means "can be confirmed now". */
    static SignatureOutcome state(Signature s, java.time.Instant now) {
        if (s.isConfirmed()) {
            return SignatureOutcome.ALREADY_CONFIRMED;
        }
        if (s.linkExpired(now)) {
            return SignatureOutcome.EXPIRED;
        }
        if (!s.campaign().takesSignatures(now)) {
            return SignatureOutcome.CLOSED;
        }
        return SignatureOutcome.CONFIRMED;
    }

    static boolean isDuplicate(Throwable e) {
        return causedBy(e, t -> t instanceof SQLIntegrityConstraintViolationException
                || (t.getMessage() != null && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains("uq_signature_email")));
    }

    /** Whether the failure or any of its causes is of the kind. */
    private static boolean causedBy(Throwable e, java.util.function.Predicate<Throwable> kind) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (kind.test(t)) {
                return true;
            }
        }
        return false;
    }
}
