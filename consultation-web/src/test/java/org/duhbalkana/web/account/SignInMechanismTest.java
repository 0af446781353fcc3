package org.duhbalkana.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignInMechanismTest {

    @ParameterizedTest
    @ValueSource(strings = {"/account/profile.xhtml", "/municipality/settings.xhtml?code=vidin", "/admin/audit.xhtml?page=2"})
    void aPathOfThisSiteIsWhereSignInReturns(String next) {
        assertThat(SignInMechanism.safeNext(next, "")).contains(next);
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example/x", "https://evil.example/", "evil.example", "/\\evil.example", "/x\r\nSet-Cookie: a=b", "",
            "/\t/evil.example", "\\\\evil.example", "/ /evil.example", "/x\\..\\..\\evil", "http:/evil.example"})
    void anywhereElseIsIgnored(String next) {
        assertThat(SignInMechanism.safeNext(next, "")).isEmpty();
    }
}
