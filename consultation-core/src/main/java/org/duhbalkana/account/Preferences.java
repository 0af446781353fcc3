package org.duhbalkana.account;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.duhbalkana.platform.validation.PersonName;

/** What a person may change about their account without confirming by mail. */
public record Preferences(
        @NotNull(message = "{validation.required}") @PersonName String name,
        Long municipalityId,
        @Pattern(regexp = "[A-Z]{2}", message = "{validation.country}") String country,
        @NotNull(message = "{validation.language}") @Pattern(regexp = "sr-Latn|sr-Cyrl|bg|en", message = "{validation.language}") String language) {
}
