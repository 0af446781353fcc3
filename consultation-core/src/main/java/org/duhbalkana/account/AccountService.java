package org.duhbalkana.account;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.duhbalkana.moderation.AuditAction;
import org.duhbalkana.moderation.AuditLog;
import org.duhbalkana.notification.Mail;
import org.duhbalkana.notification.MailOutbox;
import org.duhbalkana.platform.AccessDenied;
import org.duhbalkana.platform.InputRejected;
import org.duhbalkana.platform.RequestOrigin;
import org.duhbalkana.platform.config.Settings;
import org.duhbalkana.platform.throttle.Throttle;
import org.duhbalkana.platform.throttle.ThrottleRule;
import org.duhbalkana.platform.validation.Email;
import org.duhbalkana.platform.validation.Password;
import org.duhbalkana.text.Language;

/**
 * Accounts: signing up, verifying the address, signing in, resetting and changing the password
 * and the address, preferences, a person's own data and deleting the account.
 *
 * <p>Nothing here tells a stranger whether an address has an account: signing up with a known
 * address and asking to reset the password of an unknown one give the same answer as the
 * ordinary case, and the owner of a known address is told by mail instead. Sign-in, and signing
 * up, cost the same time whether or not the account exists: both paths hash a password.
 *
 * <p>Every guess of a password (signing in, and the current password asked to change the password
 * or the address or to delete the account) is one attempt against the client's address and the
 * account, checked and counted in one step before the password is looked at.
 */
@Stateless
@DeclareRoles({Groups.CITIZEN, Groups.UNVERIFIED, Groups.ORGANIZER, Groups.REVIEWER, Groups.MODERATOR,
        Groups.ADMINISTRATOR})
public class AccountService {

    /** PBKDF2-HMAC-SHA512, 210,000 iterations (OWASP's figure for 2023 and after), 32-byte salt. */
    static final Map<String, String> HASH_PARAMETERS = Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "64");

    private static final Set<String> COUNTRIES = Set.of(java.util.Locale.getISOCountries());

    @Inject
    AccountRepository accounts;

    @Inject
    MunicipalityRepository municipalities;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @Inject
    Throttle throttle;

    @Inject
    MailOutbox mail;

    @Inject
    AuditLog audit;

    @Inject
    RequestOrigin origin;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    @Resource
    SessionContext session;

    private String dummyHash;

    @PostConstruct
    void init() {
        passwordHash.initialize(HASH_PARAMETERS);
        dummyHash = passwordHash.generate("not a password of anyone".toCharArray());
    }

    // ----- signing up

    /**
     * Opens an unverified account and mails the verification link; the answer is the same when
     * the address already has an account (its owner is mailed instead) and when the honeypot is
     * filled in (nothing happens).
     */
    @PermitAll
    public void signUp(@NotNull @Valid SignUp request) {
        throttle.take(ThrottleRule.SIGN_UP_ADDRESS, address());
        if (request.website() != null && !request.website().isBlank()) {
            return;
        }
        EmailAddress email = EmailAddress.parse(request.email()).orElseThrow();
        Optional<Municipality> home = home(request.municipalityId(), request.country());
        Language language = Language.ofTag(request.language()).orElseThrow();
        // Hashed whether or not the address has an account: the hash is most of the time this
        // takes, and an answer that came sooner for a known address would tell that it is known.
        String hash = passwordHash.generate(request.password().toCharArray());
        Optional<Account> existing = accounts.byEmail(email);
        if (existing.isPresent()) {
            Account owner = existing.get();
            mail.send(email.value(), owner.language(), Mail.SIGN_UP_EXISTING, owner.displayName(),
                    settings.link("/account/sign-in.xhtml"));
            return;
        }
        Instant now = clock.instant();
        Account account = new Account(email, request.name(), hash, home, request.country(), language, now);
        accounts.add(account);
        sendLink(account, TokenPurpose.VERIFY_EMAIL, Optional.empty(), Mail.VERIFY_EMAIL, "/account/verify.xhtml");
    }

    private Optional<Municipality> home(Long municipalityId, String country) {
        if (municipalityId != null) {
            return Optional.of(municipalities.byId(municipalityId)
                    .orElseThrow(() -> new InputRejected("home", "validation.municipality")));
        }
        if (country == null || !COUNTRIES.contains(country)) {
            throw new InputRejected("country", "validation.country");
        }
        return Optional.empty();
    }

    private void sendLink(Account account, TokenPurpose purpose, Optional<EmailAddress> to, Mail kind, String page) {
        Instant now = clock.instant();
        accounts.retireTokens(account, purpose, now);
        AccountToken.Issued issued = AccountToken.issue(account, purpose, to, now);
        accounts.add(issued.token());
        String recipient = to.map(EmailAddress::value).orElseGet(() -> account.email().orElseThrow());
        mail.send(recipient, account.language(), kind, account.displayName(),
                settings.link(page + "?token=" + issued.secret()));
    }

    /** Confirms the address of the account the link was sent for. */
    @PermitAll
    public void verifyEmail(@NotNull String token) {
        Instant now = clock.instant();
        AccountToken found = usable(token, TokenPurpose.VERIFY_EMAIL, now);
        found.use(now);
        found.account().verifyEmail(now);
    }

    /** The token of a link, if it can still be used; refuses with {@link InvalidToken} otherwise. */
    @PermitAll
    public TokenPurpose check(@NotNull String token, @NotNull TokenPurpose purpose) {
        return usable(token, purpose, clock.instant()).purpose();
    }

    private AccountToken usable(String token, TokenPurpose purpose, Instant now) {
        AccountToken found = accounts.token(token).orElseThrow(() -> new InvalidToken(InvalidToken.Reason.UNKNOWN));
        found.problem(purpose, now).ifPresent(reason -> {
            throw new InvalidToken(reason);
        });
        return found;
    }

    // ----- signing in

    /** Refuses with {@code TooManyAttempts} while this address or this account must wait. */
    @PermitAll
    public void checkSignInAllowed(String email) {
        throttle.check(ThrottleRule.SIGN_IN_ADDRESS, address());
        throttle.check(ThrottleRule.SIGN_IN_ACCOUNT, normalised(email));
    }

    /**
     * The account with this address and password, if it may sign in. The attempt is counted
     * against the client's address and the account before the password is looked at, in one
     * locked step with the check, so that guesses sent at once are held back like guesses sent
     * one after another; a success takes it back. The work done is the same for unknown addresses.
     */
    @PermitAll
    public Optional<SignedIn> authenticate(String email, String password) {
        String subject = normalised(email);
        if (throttle.attempt(ThrottleRule.SIGN_IN_ADDRESS, address(), ThrottleRule.SIGN_IN_ACCOUNT, subject).isPresent()) {
            return Optional.empty();
        }
        Optional<Account> account = EmailAddress.parse(email).flatMap(accounts::byEmail);
        char[] secret = password == null ? new char[0] : password.toCharArray();
        boolean matches = passwordHash.verify(secret, account.filter(Account::canSignIn).map(Account::passwordHash)
                .orElse(dummyHash));
        Arrays.fill(secret, '\0');
        if (account.isPresent() && account.get().canSignIn() && matches) {
            succeeded(subject);
            return Optional.of(signedIn(account.get()));
        }
        return Optional.empty();
    }

    /** A password was right: the account's failures are forgotten, the address's attempt taken back. */
    private void succeeded(String subject) {
        throttle.clear(ThrottleRule.SIGN_IN_ACCOUNT, subject);
        throttle.refund(ThrottleRule.SIGN_IN_ADDRESS, address());
    }

    private static SignedIn signedIn(Account a) {
        return new SignedIn(a.id(), a.displayName(), a.groups(), a.language(), a.credentialsVersion());
    }

    /**
     * A signed-in account: the principal's name is the account id; a session signed in under
     * {@code credentialsVersion} lasts while the account keeps it.
     */
    public record SignedIn(long accountId, String displayName, Set<String> groups, Language language,
            int credentialsVersion) {
    }

    /** The groups of a signed-in account now (roles can change during a session). */
    @PermitAll
    public Optional<SignedIn> current() {
        return Caller.accountId(session).flatMap(accounts::byId).filter(Account::canSignIn)
                .map(AccountService::signedIn);
    }

    /**
     * For every request of a signed-in session: the account as it is now, if the session may go
     * on (the account can still sign in, and nothing that ends sessions happened since it was
     * signed in under {@code credentialsVersion}); empty if the session must end.
     */
    @PermitAll
    public Optional<SignedIn> stillSignedIn(long accountId, int credentialsVersion) {
        return accounts.byId(accountId).filter(Account::canSignIn)
                .filter(a -> a.credentialsVersion() == credentialsVersion)
                .map(AccountService::signedIn);
    }

    // ----- password

    /** Mails a reset link if the address has an account; the same answer either way. */
    @PermitAll
    public void requestPasswordReset(@NotNull @Email String email) {
        throttle.take(ThrottleRule.MAIL_LINK_ADDRESS, address());
        EmailAddress.parse(email).flatMap(accounts::byEmail).filter(Account::canSignIn).ifPresent(account ->
                sendLink(account, TokenPurpose.RESET_PASSWORD, Optional.empty(), Mail.RESET_PASSWORD,
                        "/account/reset.xhtml"));
    }

    /** Sets a new password with the mailed link; the link then works no more. */
    @PermitAll
    public void resetPassword(@NotNull String token, @NotNull(message = "{validation.required}") @Password String newPassword) {
        Instant now = clock.instant();
        AccountToken found = usable(token, TokenPurpose.RESET_PASSWORD, now);
        found.use(now);
        Account account = found.account();
        account.changePassword(passwordHash.generate(newPassword.toCharArray()));
        // Whoever can read the mailbox has shown they own the address.
        account.verifyEmail(now);
        throttle.clear(ThrottleRule.SIGN_IN_ACCOUNT, account.email().orElseThrow());
        mail.send(account.email().orElseThrow(), account.language(), Mail.PASSWORD_CHANGED, account.displayName(),
                settings.link("/account/forgot.xhtml"));
    }

    /**
     * A new password, given the current one (a guess of it counts like a sign-in); the account's
     * other sessions end.
     *
     * @return the account's new credentials version, for the session that made the change to go on
     */
    @RolesAllowed({Groups.CITIZEN, Groups.UNVERIFIED})
    public int changePassword(@NotNull(message = "{validation.required}") String currentPassword,
            @NotNull(message = "{validation.required}") @Password String newPassword) {
        Account account = me();
        requirePassword(account, currentPassword);
        account.changePassword(passwordHash.generate(newPassword.toCharArray()));
        mail.send(account.email().orElseThrow(), account.language(), Mail.PASSWORD_CHANGED, account.displayName(),
                settings.link("/account/forgot.xhtml"));
        return account.credentialsVersion();
    }

    /**
     * The account's current password, asked before a change that someone at an unattended screen
     * must not make: one attempt under the sign-in throttle, refused with {@code TooManyAttempts}
     * while the account or the address must wait, with {@link WrongPassword} when it is wrong.
     */
    private void requirePassword(Account account, String password) {
        String subject = normalised(account.email().orElse(""));
        throttle.attempt(ThrottleRule.SIGN_IN_ADDRESS, address(), ThrottleRule.SIGN_IN_ACCOUNT, subject)
                .ifPresent(wait -> {
                    throw new org.duhbalkana.platform.TooManyAttempts(wait);
                });
        if (password == null || account.passwordHash() == null
                || !passwordHash.verify(password.toCharArray(), account.passwordHash())) {
            throw new WrongPassword();
        }
        succeeded(subject);
    }

    // ----- address

    /**
     * Mails a confirmation link to the new address; the account keeps its address until the link
     * is opened. If the new address belongs to another account, its owner is told instead.
     */
    @RolesAllowed({Groups.CITIZEN, Groups.UNVERIFIED})
    public void requestEmailChange(@NotNull(message = "{validation.required}") @Email String newEmail,
            @NotNull(message = "{validation.required}") String password) {
        throttle.take(ThrottleRule.MAIL_LINK_ADDRESS, address());
        Account account = me();
        requirePassword(account, password);
        EmailAddress address = EmailAddress.parse(newEmail).orElseThrow();
        if (accounts.byEmail(address).isPresent()) {
            if (!address.value().equals(account.email().orElse(null))) {
                mail.send(address.value(), account.language(), Mail.CHANGE_EMAIL_TAKEN, "",
                        settings.link("/account/sign-in.xhtml"));
            }
            return;
        }
        sendLink(account, TokenPurpose.CHANGE_EMAIL, Optional.of(address), Mail.CHANGE_EMAIL, "/account/confirm-email.xhtml");
    }

    /** Moves the account to the address the link was sent to. */
    @PermitAll
    public void confirmEmailChange(@NotNull String token) {
        Instant now = clock.instant();
        AccountToken found = usable(token, TokenPurpose.CHANGE_EMAIL, now);
        EmailAddress address = EmailAddress.parse(found.newEmail().orElseThrow()).orElseThrow();
        if (accounts.byEmail(address).isPresent()) {
            throw new InvalidToken(InvalidToken.Reason.USED);
        }
        found.use(now);
        found.account().changeEmail(address, now);
    }

    // ----- preferences, data, deletion

    @RolesAllowed({Groups.CITIZEN, Groups.UNVERIFIED})
    public Account me() {
        return Caller.accountId(session).flatMap(accounts::byId).filter(a -> !a.isDeleted())
                .orElseThrow(AccessDenied::new);
    }

    /** Keeps the language chosen with the switcher in the caller's profile (interface and mails). */
    @RolesAllowed({Groups.CITIZEN, Groups.UNVERIFIED})
    public void chooseLanguage(@NotNull Language language) {
        me().chooseLanguage(language);
    }

    @RolesAllowed({Groups.CITIZEN, Groups.UNVERIFIED})
    public void updatePreferences(@NotNull @Valid Preferences preferences) {
        Account account = me();
        Optional<Municipality> home = home(preferences.municipalityId(), preferences.country());
        account.changePreferences(preferences.name(), home, preferences.country(),
                Language.ofTag(preferences.language()).orElseThrow());
    }

    /** Deletes the caller's account after checking the password; public contributions stay, unnamed. */
    @RolesAllowed({Groups.CITIZEN, Groups.UNVERIFIED})
    public void deleteMyAccount(@NotNull(message = "{validation.required}") String password) {
        Account account = me();
        requirePassword(account, password);
        accounts.deleteTokens(account);
        long id = account.id();
        account.delete(clock.instant());
        audit.record(id, "deleted account", AuditAction.ACCOUNT_DELETED, "account " + id, null);
    }

    private String address() {
        return origin.address().orElse("unknown");
    }

    private static String normalised(String email) {
        return email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
