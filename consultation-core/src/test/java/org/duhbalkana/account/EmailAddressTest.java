package org.duhbalkana.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"ime@primer.rs", "  Ime.Prezime@Primer.RS ", "a+tag@mail.example.bg", "x_y-z@sub.domain.org"})
    void ordinaryAddressesAreAcceptedAndNormalised(String text) {
        assertThat(EmailAddress.parse(text)).hasValueSatisfying(a -> {
            assertThat(a.value()).isEqualTo(a.value().strip().toLowerCase(java.util.Locale.ROOT));
            assertThat(a.value()).contains("@");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "no-at-sign", "two@@example.org", "a@b", "a@.example.org", ".a@example.org",
            "a..b@example.org", "<script>@example.org", "a b@example.org", "milica@пример.срб", "a@example.org\u0000",
            "robert'); DROP TABLE account;--@x.org"})
    void malformedAddressesAreRefused(String text) {
        assertThat(EmailAddress.parse(text)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void anOverlongAddressIsRefused() {
        assertThat(EmailAddress.parse("a".repeat(250) + "@example.org")).isEmpty();
        assertThat(EmailAddress.parse("a".repeat(10_000))).isEmpty();
    }
}
