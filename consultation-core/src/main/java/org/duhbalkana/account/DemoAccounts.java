package org.duhbalkana.account;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.duhbalkana.platform.config.Settings;
import org.duhbalkana.text.Language;

/**
 * With {@code DEMO} on, one verified account for each role, all with the password
 * {@value #PASSWORD} (listed in the README). Never created otherwise. Created once; a restart
 * leaves them as they are. They are marked as demo content: a start without {@code DEMO} refuses
 * them, {@code DEMO_PURGE} deletes them ({@link org.duhbalkana.platform.startup.DemoContent}).
 */
@Singleton
@Startup
@DependsOn("ApplicationStartup")
public class DemoAccounts {

    public static final String PASSWORD = "demo-lozinka-2026";

    /** A demo account the other demo content refers to (it exists once the demo accounts are written). */
    public static Account existing(AccountRepository accounts, String email) {
        return accounts.byEmail(EmailAddress.parse(email).orElseThrow()).orElseThrow();
    }

    private static final Logger LOG = Logger.getLogger(DemoAccounts.class.getName());

    /** A demo account: address, name, home, roles, the municipality it reviews. */
    public record Demo(String email, String name, String home, List<Role> roles, Optional<String> reviews) {
    }

    public static final List<Demo> ACCOUNTS = List.of(
            new Demo("citizen@demo.example", "Milica Jovanović", "knjazevac", List.of(), Optional.empty()),
            new Demo("gragjanin@demo.example", "Иван Петров", "vidin", List.of(), Optional.empty()),
            new Demo("organizer@demo.example", "Stefan Nikolić", "zajecar", List.of(Role.ORGANIZER), Optional.empty()),
            new Demo("reviewer.zajecar@demo.example", "Jelena Marković", "zajecar", List.of(), Optional.of("zajecar")),
            new Demo("reviewer.vidin@demo.example", "Мария Георгиева", "vidin", List.of(), Optional.of("vidin")),
            new Demo("moderator@demo.example", "Nikola Popović", "bor", List.of(Role.MODERATOR), Optional.empty()),
            new Demo("admin@demo.example", "Ana Stojanović", "zajecar", List.of(Role.ADMINISTRATOR), Optional.empty()));

    @Inject
    Settings settings;

    @Inject
    AccountRepository accounts;

    @Inject
    MunicipalityRepository municipalities;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @Inject
    Clock clock;

    @PostConstruct
    void seed() {
        if (!settings.demo()) {
            return;
        }
        passwordHash.initialize(AccountService.HASH_PARAMETERS);
        int created = 0;
        for (Demo demo : ACCOUNTS) {
            EmailAddress email = EmailAddress.parse(demo.email()).orElseThrow();
            if (accounts.byEmail(email).isPresent()) {
                continue;
            }
            Municipality home = municipalities.byCode(demo.home()).orElseThrow();
            Language language = home.country() == Country.BG ? Language.BG : Language.SR_LATN;
            Account account = new Account(email, demo.name(), passwordHash.generate(PASSWORD.toCharArray()),
                    Optional.of(home), null, language, clock.instant());
            account.verifyEmail(clock.instant());
            account.markDemo();
            demo.roles().forEach(account::grant);
            demo.reviews().flatMap(municipalities::byCode).ifPresent(account::grantReviewer);
            accounts.add(account);
            created++;
        }
        int count = created;
        LOG.info(() -> "Demo accounts: " + count + " created, " + (ACCOUNTS.size() - count) + " already there");
    }
}
