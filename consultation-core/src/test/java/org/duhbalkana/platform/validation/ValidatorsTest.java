package org.duhbalkana.platform.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValidatorsTest {

    @ParameterizedTest
    @ValueSource(strings = {"Milica Jovanović", "Милица Јовановић", "Иван Петров", "Jean-Luc O'Neill", "Đorđe Đ. Ćirić",
            "Zoë Saldaña", "Li Na"})
    void namesAsPeopleWriteThem(String name) {
        assertThat(PersonName.Validator.valid(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "A", "Miлица", "Milica 😀", "<script>alert(1)</script>", "Robert'); DROP TABLE account;--",
            "Mil\u0000ica", "Milica\nJovanović", "R2D2", "Milica  Jovanović"})
    void namesThatAreNotNames(String name) {
        assertThat(PersonName.Validator.valid(name)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void anOverlongNameIsRefused() {
        assertThat(PersonName.Validator.valid("Ана".repeat(34))).isFalse();
        assertThat(PersonName.Validator.valid("a".repeat(10_000))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"četiri reči za lozinku", "0123456789", "пароля с интервали", "🐻🐻🐻🐻🐻🐻🐻🐻🐻🐻"})
    void passwordsOfTenCharactersOrMore(String password) {
        assertThat(Password.Validator.valid(password)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "short", "123456789", "ten chars\u0000x", "tab\tin password"})
    void passwordsRefused(String password) {
        assertThat(Password.Validator.valid(password)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void anOverlongPasswordIsRefused() {
        assertThat(Password.Validator.valid("x".repeat(129))).isFalse();
        assertThat(Password.Validator.valid("x".repeat(10_000))).isFalse();
    }
}
