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

    private static Account withId(long id, Role... roles) {
        Account account = account();
        org.duhbalkana.testing.Fixtures.setField(account, "id", id);
        account.verifyEmail(NOW);
        for (Role role : roles) {
            account.grant(role);
        }
        return account;
    }

    @Test
    void aModeratorBlocksCitizensButNoStaffAndNobodyTheirOwnAccount() {
        Account moderator = withId(1, Role.MODERATOR);
        Account otherModerator = withId(2, Role.MODERATOR);
        Account administrator = withId(3, Role.ADMINISTRATOR);
        Account citizen = withId(4);
        Account organizer = withId(5, Role.ORGANIZER);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> administrator.blockBy(moderator))
                .isInstanceOf(StaffProtected.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> otherModerator.blockBy(moderator))
                .isInstanceOf(StaffProtected.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> moderator.blockBy(moderator))
                .isInstanceOf(StaffProtected.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> administrator.blockBy(administrator))
                .isInstanceOf(StaffProtected.class);
        assertThat(administrator.canSignIn()).isTrue();
        assertThat(otherModerator.canSignIn()).isTrue();

        citizen.blockBy(moderator);
        organizer.blockBy(moderator);
        otherModerator.blockBy(administrator);
        assertThat(citizen.status()).isEqualTo(AccountStatus.BLOCKED);
        assertThat(organizer.status()).isEqualTo(AccountStatus.BLOCKED);
        assertThat(otherModerator.status()).isEqualTo(AccountStatus.BLOCKED);

        // A blocked administrator blocks nobody of the staff.
        Account blockedAdministrator = withId(6, Role.ADMINISTRATOR);
        blockedAdministrator.block();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> moderator.blockBy(blockedAdministrator))
                .isInstanceOf(StaffProtected.class);
    }

    @Test
    void aNewPasswordABlockAndATakenRoleEndSessionsAGrantDoesNot() {
        Account account = withId(7, Role.ORGANIZER);
        int signedInUnder = account.credentialsVersion();

        account.grant(Role.MODERATOR);
        account.grantReviewer(org.duhbalkana.testing.Fixtures.municipality(9, "bor", Country.RS, "Bor", "Бор"));
        assertThat(account.credentialsVersion()).isEqualTo(signedInUnder);

        account.revoke(Role.MODERATOR);
        assertThat(account.credentialsVersion()).isEqualTo(signedInUnder + 1);
        account.revoke(Role.MODERATOR);
        assertThat(account.credentialsVersion()).as("nothing taken, nothing ended").isEqualTo(signedInUnder + 1);
        account.revokeReviewer(org.duhbalkana.testing.Fixtures.municipality(9, "bor", Country.RS, "Bor", "Бор"));
        assertThat(account.credentialsVersion()).isEqualTo(signedInUnder + 2);
        account.changePassword("another hash");
        assertThat(account.credentialsVersion()).isEqualTo(signedInUnder + 3);
        account.block();
        assertThat(account.credentialsVersion()).isEqualTo(signedInUnder + 4);
        account.unblock();
        assertThat(account.credentialsVersion()).as("unblocking revives no old session").isEqualTo(signedInUnder + 4);
    }
}
