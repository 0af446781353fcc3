package org.duhbalkana.platform.validation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Set;
import java.util.TreeSet;
import org.duhbalkana.account.SignUp;
import org.duhbalkana.campaign.SignatureRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A request with neither a municipality nor a country is refused on "country", with its other problems, in one pass. */
class HomeGivenTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void open() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    private static Set<String> fields(Set<? extends ConstraintViolation<?>> violations) {
        Set<String> fields = new TreeSet<>();
        violations.forEach(v -> fields.add(v.getPropertyPath().toString() + "=" + v.getMessageTemplate()));
        return fields;
    }

    @Test
    void anEmptySignatureIsRefusedOnEveryFieldAtOnce() {
        SignatureRequest empty = new SignatureRequest(null, null, null, null, false, false, false, "en", null);
        assertThat(fields(validator.validate(empty))).containsExactly(
                "consentSignature={validation.consent}", "country={validation.country}",
                "email={validation.required}", "name={validation.required}");
    }

    @Test
    void aMunicipalityOrACountryIsEnough() {
        assertThat(validator.validate(new SignatureRequest("Ana Petrović", "ana@example.org", 1L, null, true, false, false, "en", null)))
                .isEmpty();
        assertThat(validator.validate(new SignatureRequest("Ana Petrović", "ana@example.org", null, "AT", true, false, false, "en", null)))
                .isEmpty();
        assertThat(fields(validator.validate(new SignatureRequest("Ana Petrović", "ana@example.org", null, " ", true, false, false, "en", null))))
                .contains("country={validation.country}");
    }

    @Test
    void aSignUpWithoutAHomeSaysSoWithItsOtherProblems() {
        SignUp signUp = new SignUp("Ana Petrović", "not-an-address", "short", null, null, "en", null);
        assertThat(fields(validator.validate(signUp))).extracting(f -> f.substring(0, f.indexOf('=')))
                .containsExactly("country", "email", "password");
    }
}
