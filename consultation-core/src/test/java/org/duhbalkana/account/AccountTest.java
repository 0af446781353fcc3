package org.duhbalkana.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.duhbalkana.text.Language;
import org.junit.jupiter.api.Test;

class AccountTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private static Account account() {
        return new Account(EmailAddress.parse(" Milica@Example.ORG ").orElseThrow(), " Milica Jovanović ", "hash",
                Optional.of(new Municipality("knjazevac", Country.RS, "Knjaževac", "Књажевац")), "XX", Language.SR_CYRL, NOW);
    }

    @Test
    void aNewAccountIsUnverifiedAndLivesInItsMunicipalitysCountry() {
        Account account = account();

        assertThat(account.email()).contains("milica@example.org");
        assertThat(account.displayName()).isEqualTo("Milica Jovanović");
        assertThat(account.country()).isEqualTo("RS");
        assertThat(account.language()).isEqualTo(Language.SR_CYRL);
        assertThat(account.isVerified()).isFalse();
        assertThat(account.groups()).containsExactly(Groups.UNVERIFIED);
    }

    @Test
    void rolesCountOnlyOnceTheAddressIsVerified() {
        Account account = account();
        account.grant(Role.ORGANIZER);
        assertThat(account.groups()).containsExactly(Groups.UNVERIFIED);

        account.verifyEmail(NOW);
        assertThat(account.groups()).containsExactlyInAnyOrder(Groups.CITIZEN, Groups.ORGANIZER);
    }

    @Test
    void deletionErasesPersonalDataAndKeepsTheRow() {
        Account account = account();
        account.verifyEmail(NOW);
        account.grant(Role.MODERATOR);

        account.delete(NOW.plusSeconds(60));

        assertThat(account.email()).isEmpty();
        assertThat(account.displayName()).isEmpty();
        assertThat(account.passwordHash()).isNull();
        assertThat(account.municipality()).isEmpty();
        assertThat(account.roles()).isEmpty();
        assertThat(account.canSignIn()).isFalse();
        assertThat(account.isDeleted()).isTrue();
        assertThat(account.deletedAt()).contains(NOW.plusSeconds(60));
    }

    @Test
    void aBlockedAccountCannotSignIn() {
        Account account = account();
        account.block();
        assertThat(account.canSignIn()).isFalse();
        account.unblock();
        assertThat(account.canSignIn()).isTrue();
    }
}
