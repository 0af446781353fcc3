package org.duhbalkana.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.duhbalkana.text.Language;
import org.junit.jupiter.api.Test;

class AccountTokenTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private static Account account() {
        return new Account(EmailAddress.parse("milica@example.org").orElseThrow(), "Milica", "hash",
                Optional.empty(), "DE", Language.SR_LATN, NOW);
    }

    @Test
    void aTokenWorksOnceWithinItsValidity() {
        AccountToken.Issued issued = AccountToken.issue(account(), TokenPurpose.RESET_PASSWORD, Optional.empty(), NOW);
        AccountToken token = issued.token();

        assertThat(issued.secret()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(AccountToken.hash(issued.secret())).hasSize(64).isNotEqualTo(issued.secret());
        assertThat(token.problem(TokenPurpose.RESET_PASSWORD, NOW.plus(Duration.ofMinutes(59)))).isEmpty();
        assertThat(token.problem(TokenPurpose.RESET_PASSWORD, NOW.plus(Duration.ofHours(1))))
                .contains(InvalidToken.Reason.EXPIRED);
        assertThat(token.problem(TokenPurpose.VERIFY_EMAIL, NOW)).contains(InvalidToken.Reason.UNKNOWN);

        token.use(NOW.plusSeconds(10));
        assertThat(token.problem(TokenPurpose.RESET_PASSWORD, NOW.plusSeconds(20))).contains(InvalidToken.Reason.USED);
    }

    @Test
    void verificationLinksLastTwoDays() {
        AccountToken token = AccountToken.issue(account(), TokenPurpose.VERIFY_EMAIL, Optional.empty(), NOW).token();

        assertThat(token.problem(TokenPurpose.VERIFY_EMAIL, NOW.plus(Duration.ofHours(47)))).isEmpty();
        assertThat(token.problem(TokenPurpose.VERIFY_EMAIL, NOW.plus(Duration.ofDays(2)))).contains(InvalidToken.Reason.EXPIRED);
    }

    @Test
    void aDeletedAccountsTokensAreUnknown() {
        Account account = account();
        AccountToken token = AccountToken.issue(account, TokenPurpose.RESET_PASSWORD, Optional.empty(), NOW).token();
        account.delete(NOW);

        assertThat(token.problem(TokenPurpose.RESET_PASSWORD, NOW)).contains(InvalidToken.Reason.UNKNOWN);
    }

    @Test
    void secretsDoNotRepeat() {
        assertThat(AccountToken.issue(account(), TokenPurpose.VERIFY_EMAIL, Optional.empty(), NOW).secret())
                .isNotEqualTo(AccountToken.issue(account(), TokenPurpose.VERIFY_EMAIL, Optional.empty(), NOW).secret());
    }
}
