package org.duhbalkana.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.duhbalkana.account.Account;
import org.duhbalkana.account.Country;
import org.duhbalkana.account.EmailAddress;
import org.duhbalkana.account.Municipality;
import org.duhbalkana.account.Role;
import org.duhbalkana.platform.AccessDenied;
import org.duhbalkana.text.Language;
import org.duhbalkana.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** The rules of campaigns and their petitions, without a database; time is passed in. */
class CampaignTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final Municipality ZAJECAR = municipality(1, "zajecar", Country.RS, "Zaječar", "Зајечар");
    private static final Municipality VIDIN = municipality(2, "vidin", Country.BG, "Vidin", "Видин");

    private static Municipality municipality(long id, String code, Country country, String latin, String cyrillic) {
        return Fixtures.municipality(id, code, country, latin, cyrillic);
    }

    private static void set(Object target, String field, Object value) {
        Fixtures.setField(target, field, value);
    }

    private static Account person(long id, String email) {
        Account a = new Account(EmailAddress.parse(email).orElseThrow(), "Stefan Nikolić", "hash", Optional.of(ZAJECAR), null,
                Language.SR_LATN, NOW);
        set(a, "id", id);
        a.verifyEmail(NOW);
        return a;
    }

    private static final Account ORGANIZER = person(1, "organizer@example.org");

    private static Campaign draft(Optional<Municipality> target, String institution) {
        Campaign c = new Campaign("staza-2027", ORGANIZER, Language.SR_LATN, NOW);
        c.describe("Staza", "Tražimo projekat staze.", "Opis.", target, institution, Optional.empty(),
                NOW.plus(Duration.ofDays(30)), 6, NOW);
        c.petition(1000, 100);
        return c;
    }

    private static Campaign published() {
        Campaign c = draft(Optional.of(ZAJECAR), null);
        c.submit(ORGANIZER, NOW);
        c.approve(NOW);
        return c;
    }

    @Test
    void aCampaignGoesFromDraftThroughReviewToPublishedAndClosed() {
        Campaign c = draft(Optional.of(ZAJECAR), null);
        assertThat(c.status()).isEqualTo(CampaignStatus.DRAFT);
        assertThat(c.takesSignatures(NOW)).isFalse();
        c.submit(ORGANIZER, NOW);
        assertThat(c.status()).isEqualTo(CampaignStatus.PENDING_REVIEW);
        assertThatThrownBy(() -> c.describe("X", "Y", "Z", Optional.of(ZAJECAR), null, Optional.empty(), NOW.plusSeconds(60), 6, NOW))
                .isInstanceOf(CampaignRuleBroken.class).hasMessage("campaign.error.notDraft");
        c.approve(NOW);
        assertThat(c.status()).isEqualTo(CampaignStatus.PUBLISHED);
        assertThat(c.takesSignatures(NOW)).isTrue();
        assertThat(c.takesSignatures(NOW.plus(Duration.ofDays(30)))).isFalse();
        assertThat(c.isPastDeadline(NOW.plus(Duration.ofDays(30)))).isTrue();
        c.close(NOW.plus(Duration.ofDays(30)));
        assertThat(c.status()).isEqualTo(CampaignStatus.CLOSED);
        assertThatThrownBy(() -> c.close(NOW)).hasMessage("campaign.error.notPublished");
    }

    @Test
    void aModeratorSendsACampaignBackWithAReasonAndTheOrganizerMayResubmit() {
        Campaign c = draft(Optional.of(ZAJECAR), null);
        assertThatThrownBy(() -> c.approve(NOW)).hasMessage("campaign.error.notPending");
        c.submit(ORGANIZER, NOW);
        assertThatThrownBy(() -> c.reject("  ")).hasMessage("campaign.error.reason");
        c.reject("Nije jasno šta se traži.");
        assertThat(c.status()).isEqualTo(CampaignStatus.DRAFT);
        assertThat(c.reviewReason()).contains("Nije jasno šta se traži.");
        c.submit(ORGANIZER, NOW);
        assertThat(c.reviewReason()).isEmpty();
        assertThatThrownBy(() -> c.submit(person(2, "someone@example.org"), NOW)).isInstanceOf(AccessDenied.class);
    }

    @Test
    void theTargetIsAMunicipalityOrANamedInstitutionNotBothNorNeither() {
        assertThat(draft(Optional.empty(), "Ministarstvo poljoprivrede").targetInstitution()).contains("Ministarstvo poljoprivrede");
        assertThatThrownBy(() -> draft(Optional.of(ZAJECAR), "Ministarstvo")).hasMessage("campaign.error.target");
        assertThatThrownBy(() -> draft(Optional.empty(), "  ")).hasMessage("campaign.error.target");
    }

    @Test
    void badTextsDatesGoalsAndRetentionAreRefused() {
        Campaign c = new Campaign("staza-2027", ORGANIZER, Language.SR_LATN, NOW);
        assertThatThrownBy(() -> c.describe("", "Ask", "Opis", Optional.of(ZAJECAR), null, Optional.empty(), NOW.plusSeconds(60), 6, NOW))
                .hasMessage("campaign.error.title");
        assertThatThrownBy(() -> c.describe("T", "A".repeat(Campaign.MAX_ASK + 1), "Opis", Optional.of(ZAJECAR), null, Optional.empty(),
                NOW.plusSeconds(60), 6, NOW)).hasMessage("campaign.error.ask");
        assertThatThrownBy(() -> c.describe("T", "Ask", "Opis\u0007", Optional.of(ZAJECAR), null, Optional.empty(), NOW.plusSeconds(60), 6, NOW))
                .hasMessage("campaign.error.description");
        assertThatThrownBy(() -> c.describe("T", "Ask", "Opis", Optional.of(ZAJECAR), null, Optional.empty(), NOW, 6, NOW))
                .hasMessage("campaign.error.deadline");
        assertThatThrownBy(() -> c.describe("T", "Ask", "Opis", Optional.of(ZAJECAR), null, Optional.empty(), NOW.plusSeconds(60), 25, NOW))
                .hasMessage("campaign.error.retention");
        assertThatThrownBy(() -> c.petition(100, 101)).hasMessage("campaign.error.goal");
        assertThatThrownBy(() -> c.petition(0, 0)).hasMessage("campaign.error.goal");
        assertThatThrownBy(() -> new Campaign("Staza 2027!", ORGANIZER, Language.SR_LATN, NOW)).hasMessage("campaign.error.slug");
    }

    @Test
    void crossingTheThresholdMakesAResponseDueAndOnlyTheTargetsReviewerMayGiveIt() {
        Campaign c = published();
        c.counted(99, 0, NOW);
        assertThat(c.isResponseDue()).isFalse();
        assertThatThrownBy(() -> c.respond(reviewerOf(VIDIN, 3), "Odgovor.", NOW)).isInstanceOf(AccessDenied.class);
        Account zajecarReviewer = reviewerOf(ZAJECAR, 4);
        assertThatThrownBy(() -> c.respond(zajecarReviewer, "Odgovor.", NOW)).hasMessage("campaign.error.responseNotDue");
        c.counted(1, 0, NOW.plusSeconds(5));
        assertThat(c.isResponseDue()).isTrue();
        assertThat(c.responseDueAt()).contains(NOW.plusSeconds(5));
        assertThat(c.progressPercent()).isEqualTo(10);
        assertThatThrownBy(() -> c.respond(ORGANIZER, "Odgovor.", NOW)).isInstanceOf(AccessDenied.class);
        c.respond(zajecarReviewer, "Projekat ulazi u budžet za 2027.", NOW.plusSeconds(60));
        assertThat(c.responseText()).contains("Projekat ulazi u budžet za 2027.");
        assertThat(c.isResponseDue()).isFalse();
    }

    @Test
    void forANamedInstitutionTheOrganizerPostsTheResponse() {
        Campaign c = draft(Optional.empty(), "Ministarstvo poljoprivrede");
        c.submit(ORGANIZER, NOW);
        c.approve(NOW);
        c.counted(100, 0, NOW);
        c.respond(ORGANIZER, "Ministarstvo je odgovorilo da razmatra izmene.", NOW);
        assertThat(c.responseText()).isPresent();
    }

    @Test
    void personalDataIsDueForRemovalTheSetMonthsAfterClosingInTheTargetsZone() {
        Campaign c = published();
        assertThat(c.anonymizeAt()).isEmpty();
        Instant closed = Instant.parse("2027-01-15T12:00:00Z");
        c.close(closed);
        Instant due = ZonedDateTime.parse("2027-07-15T13:00:00+02:00[Europe/Belgrade]").toInstant();
        assertThat(c.anonymizeAt()).contains(due);
        assertThat(c.isDueForAnonymizing(due.minusSeconds(1))).isFalse();
        assertThat(c.isDueForAnonymizing(due)).isTrue();
        c.anonymized(due);
        assertThat(c.isDueForAnonymizing(due.plus(Duration.ofDays(1)))).isFalse();
    }

    @Test
    void theDeadlineIsKeptInTheTargetsZone() {
        assertThat(draft(Optional.of(VIDIN), null).zone()).isEqualTo(Country.BG.zone());
        assertThat(draft(Optional.of(ZAJECAR), null).zone()).isEqualTo(Country.RS.zone());
    }

    @Test
    void oneAddressOneSignatureWhateverTheSpellingOrTheTag() {
        assertThat(key("  Ana.Ilic+peticija@Gmail.com ")).isEqualTo("anailic@gmail.com");
        assertThat(key("anailic@googlemail.com")).isEqualTo("anailic@gmail.com");
        assertThat(key("ana+x@outlook.com")).isEqualTo("ana@outlook.com");
        assertThat(key("ana-kampanja@yahoo.com")).isEqualTo("ana@yahoo.com");
        // Providers not known to use tags: the address is kept as it is (lower case).
        assertThat(key("Ana+X@Primer.RS")).isEqualTo("ana+x@primer.rs");
        assertThat(key("ana.ilic@abv.bg")).isEqualTo("ana.ilic@abv.bg");
    }

    @Test
    void aConfirmationLinkWorksForSevenDaysAndARepeatStartsThemAgain() {
        Campaign c = published();
        Signature s = new Signature(c, "Ana Ilić", EmailAddress.parse("ana@example.org").orElseThrow(), Optional.of(VIDIN), null,
                true, false, "first-hash", "192.0.2.1", false, NOW);
        assertThat(s.country()).isEqualTo("BG");
        assertThat(s.linkExpired(NOW.plus(Duration.ofDays(7)))).isFalse();
        assertThat(s.linkExpired(NOW.plus(Duration.ofDays(7)).plusSeconds(1))).isTrue();
        s.newLink("second-hash", NOW.plus(Duration.ofDays(6)));
        assertThat(s.linkExpired(NOW.plus(Duration.ofDays(12)))).isFalse();
        assertThat(s.isConfirmed()).isFalse();
        s.confirm(NOW.plus(Duration.ofDays(12)));
        assertThat(s.isConfirmed()).isTrue();
    }

    private static String key(String address) {
        return SignerAddress.key(EmailAddress.parse(address).orElseThrow());
    }

    private static Account reviewerOf(Municipality m, long id) {
        Account a = person(id, "reviewer" + id + "@example.org");
        a.grantReviewer(m);
        return a;
    }

    @Test
    void administratorsManageEveryCampaign() {
        Account admin = person(9, "admin@example.org");
        admin.grant(Role.ADMINISTRATOR);
        assertThat(published().isManagedBy(admin)).isTrue();
        assertThat(published().isManagedBy(person(8, "other@example.org"))).isFalse();
    }

    @Test
    void aDraftCarriesItsTitleAndAskInOtherLanguagesWhichModeratorsReadBeforeItIsPublic() {
        Campaign c = draft(Optional.of(ZAJECAR), null);
        c.translate(Language.BG, "Пътека", "Искаме проект за пътеката.");
        c.translate(Language.EN, "Trail", "We ask for a trail project.");
        c.showAsWritten(true);

        assertThat(c.translationFor(Language.BG)).map(t -> t.summary()).contains("Искаме проект за пътеката.");
        assertThat(c.translationFor(Language.SR_CYRL)).isEmpty();
        assertThat(c.asWritten()).isTrue();
        assertThat(c.searchText()).contains("trail project");
        assertThatThrownBy(() -> c.translate(Language.SR_CYRL, "Стаза", "Тражимо."))
                .isInstanceOf(CampaignRuleBroken.class).hasMessage("translation.error.originalLanguage");
        assertThatThrownBy(() -> c.translate(Language.EN, "Trail", "x".repeat(Campaign.MAX_ASK + 1)))
                .isInstanceOf(CampaignRuleBroken.class).hasMessage("campaign.error.ask");

        c.submit(ORGANIZER, NOW);
        assertThatThrownBy(() -> c.translate(Language.EN, "Path", "A path."))
                .isInstanceOf(CampaignRuleBroken.class).hasMessage("campaign.error.notDraft");
        assertThatThrownBy(() -> c.removeTranslation(Language.EN)).hasMessage("campaign.error.notDraft");
        assertThat(c.translationFor(Language.EN)).map(t -> t.title()).contains("Trail");
    }
}
