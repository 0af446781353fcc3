package org.duhbalkana.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.duhbalkana.text.Language;
import org.junit.jupiter.api.Test;

class MunicipalityTest {

    @Test
    void theNameFollowsTheReadersScript() {
        Municipality zajecar = new Municipality("zajecar", Country.RS, "Zaječar", "Зајечар");

        assertThat(zajecar.name(Language.SR_LATN)).isEqualTo("Zaječar");
        assertThat(zajecar.name(Language.SR_CYRL)).isEqualTo("Зајечар");
        assertThat(zajecar.name(Language.BG)).isEqualTo("Зајечар");
        assertThat(zajecar.name(Language.EN)).isEqualTo("Zaječar");
    }

    @Test
    void eachNameMustBeInItsOwnScript() {
        assertThatThrownBy(() -> new Municipality("vidin", Country.BG, "Видин", "Видин"))
                .hasMessageContaining("Latin name");
        assertThatThrownBy(() -> new Municipality("vidin", Country.BG, "Vidin", "Vidin"))
                .hasMessageContaining("Cyrillic name");
        assertThatThrownBy(() -> new Municipality("vidin", Country.BG, "Vidin<script>", "Видин"))
                .hasMessageContaining("Latin name");
    }

    @Test
    void theCodeIsAStableLowerCaseSlug() {
        assertThatThrownBy(() -> new Municipality("Novo Selo", Country.BG, "Novo Selo", "Ново село"))
                .hasMessageContaining("code");
        assertThat(new Municipality("novo-selo", Country.BG, "Novo Selo", "Ново село").code()).isEqualTo("novo-selo");
    }

    @Test
    void theCountryKeepsItsTimeZone() {
        assertThat(Country.RS.zone().getId()).isEqualTo("Europe/Belgrade");
        assertThat(Country.BG.zone().getId()).isEqualTo("Europe/Sofia");
    }
}
