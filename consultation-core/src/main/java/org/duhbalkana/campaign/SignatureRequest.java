package org.duhbalkana.campaign;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.duhbalkana.platform.validation.Country;
import org.duhbalkana.platform.validation.Email;
import org.duhbalkana.platform.validation.PersonName;

/**
 * What a person gives to sign a petition, and why: the name is the signature itself (shown to
 * the organizer only if they agree), the address is where the confirmation link goes, the
 * municipality or country is counted in the public totals.
 *
 * @param municipalityId  where the signer lives, or {@code null} for "other", with {@code country}
 * @param country         an ISO 3166-1 alpha-2 code; required without a municipality
 * @param consentSignature the signer agrees that their signature is kept for the stated time (required, explicitly)
 * @param consentUpdates  the signer wants the campaign's updates and response by mail (unticked by default)
 * @param shareName       the signer lets the organizer see their name among the supporters
 * @param language        the language the confirmation mail is written in
 * @param website         a field people do not see: robots fill it in (the honeypot)
 */
@org.duhbalkana.platform.validation.HomeGiven
public record SignatureRequest(
        @NotNull(message = "{validation.required}") @PersonName String name,
        @NotNull(message = "{validation.required}") @Email String email,
        Long municipalityId,
        @Country String country,
        @AssertTrue(message = "{validation.consent}") boolean consentSignature,
        boolean consentUpdates,
        boolean shareName,
        @NotNull(message = "{validation.language}") @Pattern(regexp = "sr-Latn|sr-Cyrl|bg|en", message = "{validation.language}") String language,
        String website) implements org.duhbalkana.platform.validation.HomeGiven.Home {

    @Override
    public String toString() {
        return "SignatureRequest[municipality=" + municipalityId + ", country=" + country + "]";
    }
}
