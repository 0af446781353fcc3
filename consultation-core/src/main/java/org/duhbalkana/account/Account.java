package org.duhbalkana.account;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
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
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.duhbalkana.text.Language;

/**
 * A person's account: one on both sides of the border. It can comment and organize only once its
 * e-mail address is verified. Deleting it erases the personal data and keeps the row, so that
 * what the person said in public stays in the record under "deleted account".
 */
@Entity
@Table(name = "account")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "email", length = 254, unique = true)
    private String email;

    @Column(name = "display_name", nullable = false, length = 100)
    private String displayName;

    @Column(name = "password_hash", length = 400)
    private String passwordHash;

    // Lazy, like the roles and grants below: an account is read as the author of every comment
    // on a page, and eager loading cost up to three queries per author (EclipseLink loads lazy
    // attributes on first use, also after the transaction).
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "municipality_id")
    private Municipality municipality;

    @Column(name = "country", nullable = false, length = 2)
    private String country;

    @Column(name = "language", nullable = false, length = 10)
    private String language;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 12)
    private AccountStatus status;

    @Column(name = "email_verified_at")
    private Instant emailVerifiedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", length = 20)
    private Set<Role> roles = new HashSet<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "reviewer_grant", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "municipality_id")
    private Set<Long> reviewerOf = new HashSet<>();

    /**
     * Raised whenever sessions signed in before must end: a new password, a block, a role or
     * reviewer grant taken away. A session remembers the value it was signed in under.
     */
    @Column(name = "credentials_version", nullable = false)
    private int credentialsVersion;

    /** Created by {@code DEMO}: removed by {@code DEMO_PURGE}, and refused at start-up without {@code DEMO}. */
    @Column(name = "demo", nullable = false)
    private boolean demo;

    @Version
    @Column(name = "version", nullable = false)
    private int version;

    protected Account() {
        // for JPA
    }

    /**
     * A new, unverified account.
     *
     * @param home the municipality the person lives in, or empty for "other" with {@code country}
     */
    public Account(EmailAddress email, String displayName, String passwordHash, Optional<Municipality> home,
            String country, Language language, Instant now) {
        this.email = email.value();
        this.displayName = Objects.requireNonNull(displayName).strip();
        this.passwordHash = Objects.requireNonNull(passwordHash);
        this.municipality = home.orElse(null);
        this.country = home.map(m -> m.country().name()).orElseGet(() -> Objects.requireNonNull(country));
        this.language = language.tag();
        this.status = AccountStatus.ACTIVE;
        this.createdAt = now;
    }

    public Long id() {
        return id;
    }

    /** The address, or empty once the account is deleted. */
    public Optional<String> email() {
        return Optional.ofNullable(email);
    }

    public String displayName() {
        return displayName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Optional<Municipality> municipality() {
        return Optional.ofNullable(municipality);
    }

    public String country() {
        return country;
    }

    public Language language() {
        return Language.ofTag(language).orElse(Language.DEFAULT);
    }

    public AccountStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> emailVerifiedAt() {
        return Optional.ofNullable(emailVerifiedAt);
    }

    public boolean isVerified() {
        return emailVerifiedAt != null;
    }

    /** Whether the account may sign in at all. */
    public boolean canSignIn() {
        return status == AccountStatus.ACTIVE && passwordHash != null;
    }

    public Set<Role> roles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The municipalities (by id) this account answers for as a reviewer. */
    public Set<Long> reviewerOf() {
        return Set.copyOf(reviewerOf);
    }

    public boolean reviews(Municipality municipality) {
        return reviewerOf.contains(municipality.id());
    }

    /** The security groups of this account, as the identity store reports them. */
    public Set<String> groups() {
        Set<String> groups = new HashSet<>();
        groups.add(isVerified() ? Groups.CITIZEN : Groups.UNVERIFIED);
        if (isVerified()) {
            roles.forEach(role -> groups.add(role.group()));
            if (!reviewerOf.isEmpty()) {
                groups.add(Groups.REVIEWER);
            }
        }
        return groups;
    }

    public void verifyEmail(Instant now) {
        if (emailVerifiedAt == null) {
            emailVerifiedAt = now;
        }
    }

    /** A new password: every session signed in with the old one ends. */
    public void changePassword(String newHash) {
        this.passwordHash = Objects.requireNonNull(newHash);
        credentialsVersion++;
    }

    /** Sessions signed in under an older value than this one are ended at their next request. */
    public int credentialsVersion() {
        return credentialsVersion;
    }

    /** A moderator or an administrator: only an administrator may block them. */
    public boolean isStaff() {
        return roles.contains(Role.MODERATOR) || roles.contains(Role.ADMINISTRATOR);
    }

    /** A new address, confirmed through a link mailed to it: it counts as verified. */
    public void changeEmail(EmailAddress newAddress, Instant now) {
        this.email = newAddress.value();
        this.emailVerifiedAt = now;
    }

    public void changePreferences(String displayName, Optional<Municipality> home, String country, Language language) {
        this.displayName = Objects.requireNonNull(displayName).strip();
        this.municipality = home.orElse(null);
        this.country = home.map(m -> m.country().name()).orElseGet(() -> Objects.requireNonNull(country));
        this.language = language.tag();
    }

    /** The language of the interface and of mails, as chosen with the language switcher. */
    public void chooseLanguage(Language language) {
        this.language = language.tag();
    }

    public boolean grant(Role role) {
        return roles.add(role);
    }

    public boolean revoke(Role role) {
        boolean revoked = roles.remove(role);
        if (revoked) {
            credentialsVersion++;
        }
        return revoked;
    }

    public boolean grantReviewer(Municipality municipality) {
        return reviewerOf.add(municipality.id());
    }

    public boolean revokeReviewer(Municipality municipality) {
        boolean revoked = reviewerOf.remove(municipality.id());
        if (revoked) {
            credentialsVersion++;
        }
        return revoked;
    }

    /**
     * Blocked by {@code by}: staff (moderators and administrators) can lock each other out no
     * more than themselves. Only an administrator blocks a moderator or an administrator, and
     * nobody blocks their own account. The account's sessions end.
     *
     * @throws StaffProtected when {@code by} may not block this account
     */
    public void blockBy(Account by) {
        if (Objects.equals(by.id(), id) || (isStaff() && !(by.has(Role.ADMINISTRATOR) && by.canSignIn()))) {
            throw new StaffProtected();
        }
        block();
    }

    /** Use {@link #blockBy}, which knows who blocks. */
    void block() {
        if (status == AccountStatus.ACTIVE) {
            status = AccountStatus.BLOCKED;
            credentialsVersion++;
        }
    }

    public void unblock() {
        if (status == AccountStatus.BLOCKED) {
            status = AccountStatus.ACTIVE;
        }
    }

    /**
     * Erases the personal data: address, name, password, home, roles. The row stays, so that
     * public contributions keep their author as "deleted account".
     */
    public void delete(Instant now) {
        email = null;
        displayName = "";
        passwordHash = null;
        municipality = null;
        roles.clear();
        reviewerOf.clear();
        status = AccountStatus.DELETED;
        deletedAt = now;
    }

    public boolean isDeleted() {
        return status == AccountStatus.DELETED;
    }

    public Optional<Instant> deletedAt() {
        return Optional.ofNullable(deletedAt);
    }

    /** Marks this account as demo content (only {@code DEMO} does this). */
    public void markDemo() {
        demo = true;
    }

    public boolean isDemo() {
        return demo;
    }

    @Override
    public String toString() {
        return "Account[" + id + "]";
    }
}
