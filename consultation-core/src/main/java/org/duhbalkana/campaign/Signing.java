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
import org.duhbalkana.platform.throttle.Throttle;
import org.duhbalkana.platform.throttle.ThrottleRule;

/**
 * Anyone signs a petition, without an account. Whatever happened (a new signature, a repeat of
 * an address that signed, a robot caught by the honeypot) the answer is the same: "check your
 * mail". Only the mailbox's owner learns more. Signatures from an address beyond the hourly
 * limit are taken but held until a moderator clears them.
 */
@Stateless
@PermitAll
public class Signing {

    /** Signatures one network address gives in an hour before the next ones are held. */
    public static final ThrottleRule PER_ADDRESS =
            new ThrottleRule("SIGN_ADDRESS", Integer.getInteger("duhbalkana.signaturesPerAddressHour", 30),
                    java.time.Duration.ofHours(1), false, java.time.Duration.ofHours(1));

    /** A per-address limit at least this high means none: the counter row is not even touched. */
    static final int UNLIMITED = 1_000_000;

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
                    writer.again(slug, request);
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
     * Counts the attempt against its network address. Two first attempts from one address may race
     * to create its counter; the loser counts again. A counter that cannot be written does not
     * stop a signature: it is then simply not held.
     */
    private boolean overLimit(String address) {
        if (PER_ADDRESS.free() >= UNLIMITED) {
            return false; // no per-address limit (load tests from one machine)
        }
        return Throttle.takeOnceRaced(throttle, PER_ADDRESS, address) == Throttle.Taken.REFUSED;
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
