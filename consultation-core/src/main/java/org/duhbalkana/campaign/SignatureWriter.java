package org.duhbalkana.campaign;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import org.duhbalkana.account.EmailAddress;
import org.duhbalkana.account.Municipality;
import org.duhbalkana.account.MunicipalityRepository;
import org.duhbalkana.notification.Mail;
import org.duhbalkana.notification.MailOutbox;
import org.duhbalkana.platform.InputRejected;
import org.duhbalkana.platform.Secrets;
import org.duhbalkana.platform.config.Settings;
import org.duhbalkana.text.Language;

/**
 * Writes one signing attempt in a transaction of its own, with its mail: a confirmation link for
 * a new signature (or a fresh one for a signature not yet confirmed), or a note to the owner of
 * an address that has already signed. The unique key on (campaign, address) is the last word
 * when two attempts with the same address race.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SignatureWriter {

    @Inject
    CampaignRepository campaigns;

    @Inject
    MunicipalityRepository municipalities;

    @Inject
    MailOutbox mail;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    @Inject
    org.duhbalkana.platform.throttle.Throttle throttle;

    /**
     * Mails about repeated attempts to one address for one petition: at most three an hour,
     * whoever makes the attempts (our form, a script, a form on another site). Beyond that the
     * attempt is answered as always and nothing is mailed, so an address cannot be flooded.
     */
    static final org.duhbalkana.platform.throttle.ThrottleRule REPEAT_MAILS = new org.duhbalkana.platform.throttle.ThrottleRule(
            "SIGN_REPEAT_MAIL", 3, java.time.Duration.ofHours(1), false, java.time.Duration.ofHours(1));

    /** Stores a new signature, or treats the attempt as a repeat when the address has signed. */
    public void sign(String slug, SignatureRequest request, boolean held, String clientAddress) {
        PetitionWindow petition = open(slug);
        // Every problem at once (Bean Validation has checked the shape already): one exception names them all.
        java.util.List<InputRejected.Problem> problems = new java.util.ArrayList<>();
        Optional<EmailAddress> parsed = EmailAddress.parse(request.email());
        if (parsed.isEmpty()) {
            problems.add(new InputRejected.Problem("email", "validation.email"));
        }
        Optional<Municipality> municipality = Optional.ofNullable(request.municipalityId()).flatMap(municipalities::byId);
        if (request.municipalityId() != null && municipality.isEmpty()) {
            problems.add(new InputRejected.Problem("home", "validation.municipality"));
        }
        String country = municipality.map(m -> m.country().name()).orElse(request.country());
        if (request.municipalityId() == null && (country == null || country.isBlank())) {
            problems.add(new InputRejected.Problem("country", "validation.country"));
        }
        if (!problems.isEmpty()) {
            throw new InputRejected(problems);
        }
        EmailAddress email = parsed.get();
        Campaign campaign = campaigns.reference(petition.id());
        Optional<Signature> existing = campaigns.signature(campaign, SignerAddress.key(email));
        if (existing.isPresent()) {
            repeat(petition, existing.get(), request);
            return;
        }
        String secret = Secrets.newSecret();
        Signature signature = new Signature(campaign, request.name().strip(), email, municipality, country,
                request.consentUpdates(), request.shareName(), Secrets.hash(secret), clientAddress, held, clock.instant());
        signature.writeTo(language(request));
        campaigns.add(signature);
        if (!held) {
            mailLink(petition, email.value(), language(request), secret);
        }
        // held: nothing is mailed; a moderator who releases it mails the link then (SignatureModeration)
    }

    /**
     * Confirms the signature the link belongs to, in a transaction of its own (see {@link
     * Signing#confirm}). A usable link is confirmed by one statement; only a link that cannot be
     * used is read, to tell why.
     */
    public SignatureOutcome confirm(String token) {
        String hash = Secrets.hash(token);
        if (campaigns.confirmByToken(hash, clock.instant())) {
            return SignatureOutcome.CONFIRMED;
        }
        return campaigns.signatureByToken(hash).map(s -> {
            SignatureOutcome state = Signing.state(s, clock.instant());
            if (state != SignatureOutcome.CONFIRMED) {
                return state;
            }
            // Usable when read: confirm it by its key, as the rules of Signing.state say; if a
            // confirmation of the same link won the race a moment ago, this one is told so.
            return campaigns.confirm(s.id(), clock.instant()) ? SignatureOutcome.CONFIRMED : SignatureOutcome.ALREADY_CONFIRMED;
        }).orElse(SignatureOutcome.UNKNOWN);
    }

    /** A second attempt with an address that already signed (found after a race on the unique key). */
    public void again(String slug, SignatureRequest request, boolean held) {
        PetitionWindow petition = open(slug);
        EmailAddress email = EmailAddress.parse(request.email()).orElseThrow(() -> new InputRejected("email", "validation.email"));
        campaigns.signature(campaigns.reference(petition.id()), SignerAddress.key(email)).ifPresent(s -> {
            if (!held) {
                repeat(petition, s, request);
            }
        });
    }

    /** A repeat within the mail limits (a held attempt mails nothing). */
    private void repeat(PetitionWindow campaign, Signature existing, SignatureRequest request) {
        String address = existing.email().orElse(null);
        if (address == null || existing.isHeld()) {
            return; // a held signature is mailed only when a moderator releases it
        }
        if (!mayMailAgain(campaign, address)) {
            return; // the earlier mails (and the earlier link) stand
        }
        if (existing.isConfirmed()) {
            mail.sendAbout(campaign.mailTopic(), address, language(request), Mail.SIGNATURE_AGAIN,
                    SignerName.forMail(existing.name().orElse("")), campaign.title(),
                    settings.link("/campaigns/view.xhtml?slug=" + campaign.slug()));
        } else {
            String secret = Secrets.newSecret();
            existing.newLink(Secrets.hash(secret), clock.instant());
            mailLink(campaign, address, language(request), secret);
        }
    }

    /**
     * Counts a repeat mail to the address (in a transaction of its own, so a lost race for the
     * address's counter leaves this one intact); if the counter stays busy, the other attempts mail it.
     */
    private boolean mayMailAgain(PetitionWindow campaign, String address) {
        String subject = campaign.id() + ":" + SignerAddress.key(EmailAddress.parse(address).orElseThrow());
        return org.duhbalkana.platform.throttle.Throttle.takeOnceRaced(throttle, REPEAT_MAILS, subject)
                == org.duhbalkana.platform.throttle.Throttle.Taken.TAKEN;
    }

    /** The confirmation link; the mail carries no name: whoever typed it has not yet shown the address is theirs. */
    private void mailLink(PetitionWindow campaign, String address, Language language, String secret) {
        mail.sendAbout(campaign.mailTopic(), address, language, Mail.SIGNATURE_CONFIRM, "", campaign.title(),
                settings.link("/campaigns/confirm.xhtml?token=" + secret));
    }

    private PetitionWindow open(String slug) {
        PetitionWindow campaign = campaigns.petitionWindow(slug).filter(PetitionWindow::isPublicPetition)
                .orElseThrow(() -> new CampaignRuleBroken("campaign.error.noPetition"));
        if (!campaign.takesSignatures(clock.instant())) {
            throw new PetitionClosed();
        }
        return campaign;
    }

    private static Language language(SignatureRequest request) {
        return Language.ofTag(request.language()).orElse(Language.EN);
    }
}
