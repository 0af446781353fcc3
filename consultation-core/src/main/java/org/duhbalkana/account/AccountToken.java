package org.duhbalkana.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * A single-use, expiring token sent in a link. Only its SHA-256 hash is stored, so the database
 * alone cannot be used to take over an account.
 */
@Entity
@Table(name = "account_token")
public class AccountToken {


    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "account_id")
    private Account account;

    @Enumerated(EnumType.STRING)
    @Column(name = "purpose", nullable = false, length = 20)
    private TokenPurpose purpose;

    @Column(name = "token_hash", nullable = false, length = 64, unique = true)
    private String tokenHash;

    @Column(name = "new_email", length = 254)
    private String newEmail;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected AccountToken() {
    }

    private AccountToken(Account account, TokenPurpose purpose, String tokenHash, String newEmail, Instant now) {
        this.account = account;
        this.purpose = purpose;
        this.tokenHash = tokenHash;
        this.newEmail = newEmail;
        this.createdAt = now;
        this.expiresAt = now.plus(purpose.validity());
    }

    /** A new token and the secret that goes into the link (not stored). */
    public record Issued(AccountToken token, String secret) {
    }

    public static Issued issue(Account account, TokenPurpose purpose, Optional<EmailAddress> newEmail, Instant now) {
        String secret = org.duhbalkana.platform.Secrets.newSecret();
        return new Issued(new AccountToken(account, purpose, hash(secret), newEmail.map(EmailAddress::value).orElse(null),
                now), secret);
    }

    public static String hash(String secret) {
        return org.duhbalkana.platform.Secrets.hash(secret);
    }

    /** Why a token cannot be used, if it cannot. */
    public Optional<InvalidToken.Reason> problem(TokenPurpose expected, Instant now) {
        if (purpose != expected) {
            return Optional.of(InvalidToken.Reason.UNKNOWN);
        }
        if (usedAt != null) {
            return Optional.of(InvalidToken.Reason.USED);
        }
        if (!now.isBefore(expiresAt)) {
            return Optional.of(InvalidToken.Reason.EXPIRED);
        }
        if (account.isDeleted()) {
            return Optional.of(InvalidToken.Reason.UNKNOWN);
        }
        return Optional.empty();
    }

    public void use(Instant now) {
        usedAt = now;
    }

    public Account account() {
        return account;
    }

    public TokenPurpose purpose() {
        return purpose;
    }

    public Optional<String> newEmail() {
        return Optional.ofNullable(newEmail);
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public boolean isUsed() {
        return usedAt != null;
    }
}
