package org.duhbalkana.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The two limits of petition confirmation mail: defaults, and a bad value stops start-up naming its key. */
class SignatureMailLimitsTest {

    private static DefaultConfiguration with(Map<String, String> environment) {
        return new DefaultConfiguration(environment, new Properties());
    }

    @Test
    void defaultsAreThirtyPerAddressAndTwoThousandForTheSite() {
        SignatureMailLimits limits = SignatureMailLimits.read(with(Map.of()));
        assertThat(limits.perAddressHour()).isEqualTo(30);
        assertThat(limits.perHour()).isEqualTo(2000);
        assertThat(limits.limitsAddresses()).isTrue();
        assertThat(limits.limitsSite()).isTrue();
    }

    @Test
    void aMillionOrMoreMeansNoLimit() {
        SignatureMailLimits limits = SignatureMailLimits.read(with(Map.of(
                SignatureMailLimits.SIGNATURE_MAILS_PER_ADDRESS_HOUR, "100000000", SignatureMailLimits.SIGNATURE_MAILS_PER_HOUR, "5")));
        assertThat(limits.limitsAddresses()).isFalse();
        assertThat(limits.perHour()).isEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "many", "1e3", "99999999999"})
    void aValueThatIsNotAPositiveWholeNumberStopsStartUpNamingTheKey(String value) {
        for (String key : new String[] {SignatureMailLimits.SIGNATURE_MAILS_PER_ADDRESS_HOUR, SignatureMailLimits.SIGNATURE_MAILS_PER_HOUR}) {
            assertThatThrownBy(() -> Settings.read(with(Map.of(key, value))))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageStartingWith(key + " must be a whole number");
        }
    }

    @Test
    void theLauncherPassesBothKeysOn() {
        assertThat(Settings.KEYS).contains(SignatureMailLimits.SIGNATURE_MAILS_PER_ADDRESS_HOUR, SignatureMailLimits.SIGNATURE_MAILS_PER_HOUR);
    }
}
