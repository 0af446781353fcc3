package org.duhbalkana.campaign;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.duhbalkana.account.EmailAddress;
import org.duhbalkana.account.Municipality;

/**
 * One person's signature on a petition, given without an account. It counts only once its
 * mailed link has been followed, and not while it is held (over a rate limit) or after it is
 * invalidated. Its personal data (name, address, network address) is let go when the campaign's
 * retention time has passed; where it came from (municipality, country) stays for the totals.
 */
@Entity
@Table(name = "signature")
public class Signature {

    /** How long a confirmation link works. */
    public static final Duration LINK_LIFETIME = Duration.ofDays(7);
    public static final int MAX_NAME = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "campaign_id", nullable = false)
    private Campaign campaign;

    @Column(name = "name", length = MAX_NAME)
    private String name;

    @Column(name = "email", length = 254)
    private String email;

    @Column(name = "email_key", length = 254)
    private String emailKey;

    @Column(name = "client_address", length = 45)
    private String clientAddress;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "municipality_id")
    private Municipality municipality;

    @Column(name = "country", nullable = false, length = 2)
    private String country;

    @Column(name = "consent_updates", nullable = false)
    private boolean consentUpdates;

    @Column(name = "language", nullable = false, length = 10)
    private String language = "en";

    @Column(name = "share_name", nullable = false)
    private boolean shareName;

    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "earlier_token", length = 64)
    private String earlierToken;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    @Column(name = "held", nullable = false)
    private boolean held;

    @Column(name = "invalidated_at")
    private Instant invalidatedAt;

    @Column(name = "invalid_reason", length = 300)
    private String invalidReason;

    @Column(name = "counted", nullable = false)
    private boolean counted;

    @Column(name = "anonymized", nullable = false)
    private boolean anonymized;

    protected Signature() {
        // for JPA
    }

    /**
     * @param municipality where the signer lives, or empty for "other" with {@code country}
     * @param held         taken beyond a rate limit: it counts only once a moderator clears it
     */
    Signature(Campaign campaign, String name, EmailAddress email, Optional<Municipality> municipality, String country,
            boolean consentUpdates, boolean shareName, String tokenHash, String clientAddress, boolean held, Instant now) {
        this.campaign = campaign;
        this.name = name;
        this.email = email.value();
        this.emailKey = SignerAddress.key(email);
        this.municipality = municipality.orElse(null);
        this.country = municipality.map(m -> m.country().name()).orElse(country);
        this.consentUpdates = consentUpdates;
        this.shareName = shareName;
        this.tokenHash = tokenHash;
        this.clientAddress = clientAddress;
        this.held = held;
        this.createdAt = now;
    }

    /** The language the signer signed in: mails to them are written in it. */
    public org.duhbalkana.text.Language language() {
        return org.duhbalkana.text.Language.ofTag(language).orElse(org.duhbalkana.text.Language.EN);
    }

    void writeTo(org.duhbalkana.text.Language language) {
        this.language = language.tag();
    }

    /** Whether the mailed link still works. */
    public boolean linkExpired(Instant now) {
        return now.isAfter(createdAt.plus(LINK_LIFETIME));
    }

    /**
     * A fresh confirmation link for a signature not yet confirmed; the seven days start again. The
     * link mailed just before keeps working (mails may arrive out of order).
     */
    void newLink(String tokenHash, Instant now) {
        this.earlierToken = this.tokenHash;
        this.tokenHash = tokenHash;
        this.createdAt = now;
    }

    void confirm(Instant now) {
        confirmedAt = now;
    }

    void clear() {
        held = false;
    }

    void invalidate(String reason, Instant now) {
        invalidatedAt = now;
        invalidReason = reason;
    }

    public Long id() {
        return id;
    }

    public Campaign campaign() {
        return campaign;
    }

    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    public Optional<String> email() {
        return Optional.ofNullable(email);
    }

    public String country() {
        return country;
    }

    public Optional<Municipality> municipality() {
        return Optional.ofNullable(municipality);
    }

    public boolean consentUpdates() {
        return consentUpdates;
    }

    public boolean shareName() {
        return shareName;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> confirmedAt() {
        return Optional.ofNullable(confirmedAt);
    }

    public boolean isConfirmed() {
        return confirmedAt != null;
    }

    public boolean isHeld() {
        return held;
    }

    public boolean isInvalidated() {
        return invalidatedAt != null;
    }

    public Optional<String> invalidReason() {
        return Optional.ofNullable(invalidReason);
    }

    public boolean isCounted() {
        return counted;
    }

    public boolean isAnonymized() {
        return anonymized;
    }
}
