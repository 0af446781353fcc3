package org.duhbalkana.account;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.duhbalkana.platform.validation.Email;
import org.duhbalkana.platform.validation.Password;
import org.duhbalkana.platform.validation.PersonName;

/**
 * What a person gives to open an account, and why: the name is shown with what they write in
 * public, the address is where links and answers are sent, the municipality tells reviewers where
 * a comment comes from, the language is the one mails are written in.
 *
 * @param municipalityId the home municipality, or {@code null} for "other", with {@code country}
 * @param website        a field people do not see: robots fill it in (the honeypot)
 */
@org.duhbalkana.platform.validation.HomeGiven
public record SignUp(
        @NotNull(message = "{validation.required}") @PersonName String name,
        @NotNull(message = "{validation.required}") @Email String email,
        @NotNull(message = "{validation.required}") @Password String password,
        Long municipalityId,
        @Pattern(regexp = "[A-Z]{2}", message = "{validation.country}") String country,
        @NotNull(message = "{validation.language}") @Pattern(regexp = "sr-Latn|sr-Cyrl|bg|en", message = "{validation.language}") String language,
        String website) implements org.duhbalkana.platform.validation.HomeGiven.Home {

    @Override
    public String toString() {
        return "SignUp[municipality=" + municipalityId + ", country=" + country + ", language=" + language + "]";
    }
}
