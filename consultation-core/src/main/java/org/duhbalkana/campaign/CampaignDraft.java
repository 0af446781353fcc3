package org.duhbalkana.campaign;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * What an organizer writes for a campaign.
 *
 * @param targetMunicipalityId the municipality asked, or {@code null} with {@code targetInstitution} named
 * @param roundSlug            an optional consultation round supporters are invited to comment on
 * @param deadline             the last day, in the target's zone: the campaign closes at 24:00
 * @param signatureGoal        with {@code petition}: the signatures aimed for
 * @param responseThreshold    with {@code petition}: the signatures at which the target owes a response
 */
public record CampaignDraft(
        @NotBlank(message = "{validation.required}") @Size(max = Campaign.MAX_TITLE, message = "{validation.tooLong}") String title,
        @NotBlank(message = "{validation.required}") @Size(max = Campaign.MAX_ASK, message = "{validation.tooLong}") String ask,
        @NotBlank(message = "{validation.required}") @Size(max = Campaign.MAX_DESCRIPTION, message = "{validation.tooLong}") String description,
        @NotNull(message = "{validation.language}") @Pattern(regexp = "sr-Latn|sr-Cyrl|bg|en", message = "{validation.language}") String language,
        Long targetMunicipalityId,
        @Size(max = Campaign.MAX_INSTITUTION, message = "{validation.tooLong}") String targetInstitution,
        String roundSlug,
        @NotNull(message = "{validation.required}") LocalDate deadline,
        @Min(value = 1, message = "{validation.retention}") @Max(value = Campaign.MAX_RETENTION_MONTHS, message = "{validation.retention}") int retentionMonths,
        boolean petition,
        @Min(value = 0, message = "{validation.goal}") @Max(value = Campaign.MAX_GOAL, message = "{validation.goal}") int signatureGoal,
        @Min(value = 0, message = "{validation.goal}") @Max(value = Campaign.MAX_GOAL, message = "{validation.goal}") int responseThreshold) {
}
