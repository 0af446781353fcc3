package org.duhbalkana.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.duhbalkana.account.Account;
import org.duhbalkana.account.Country;
import org.duhbalkana.account.EmailAddress;
import org.duhbalkana.account.Municipality;
import org.duhbalkana.account.Role;
import org.duhbalkana.platform.BusinessException;
import org.duhbalkana.text.Language;
import org.duhbalkana.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** Lifecycle, jurisdiction, comment and disposition rules, with time given explicitly. */
class ConsultationRoundTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final Municipality ZAJECAR = municipality(1, "zajecar", Country.RS, "Zaječar", "Зајечар");
    private static final Municipality VIDIN = municipality(2, "vidin", Country.BG, "Vidin", "Видин");

    private static Municipality municipality(long id, String code, Country country, String latin, String cyrillic) {
        return Fixtures.municipality(id, code, country, latin, cyrillic);
    }

    private static void set(Object target, String field, Object value) {
        Fixtures.setField(target, field, value);
    }

    private static Account person(long id, String email, boolean verified) {
        Account a = new Account(EmailAddress.parse(email).orElseThrow(), "Ana Ilić", "hash", Optional.of(ZAJECAR), null,
                Language.SR_LATN, NOW);
        set(a, "id", id);
        if (verified) {
            a.verifyEmail(NOW);
        }
        return a;
    }

    private static ConsultationRound round(Set<Municipality> organizers) {
        ConsultationRound round = new ConsultationRound("turizam-2027", "Strategija turizma", "Nacrt strategije.",
                Language.SR_LATN, organizers, person(99, "author@example.org", true), NOW);
        round.addSection("Član 1", "Predmet strategije.");
        round.addSection("Član 2", "Ciljevi.");
        return round;
    }

    private static ConsultationRound open(Set<Municipality> organizers) {
        ConsultationRound round = round(organizers);
        round.schedule(NOW, NOW.plus(Duration.ofDays(30)), null, NOW);
        round.advance(NOW);
        return round;
    }

    private static String key(Runnable action) {
        try {
            action.run();
        } catch (BusinessException e) {
            return e.messageKey();
        }
        return "no rule broken";
    }

    @Test
    void aRoundMovesFromDraftToOpenToClosedOnTimeAndOnlyForward() {
        ConsultationRound round = round(Set.of(ZAJECAR));
        Instant opens = NOW.plus(Duration.ofDays(1));
        round.schedule(opens, opens.plus(Duration.ofDays(15)), null, NOW);

        assertThat(round.status()).isEqualTo(RoundStatus.SCHEDULED);
        assertThat(round.advance(NOW)).isFalse();
        assertThat(round.advance(opens)).isTrue();
        assertThat(round.status()).isEqualTo(RoundStatus.OPEN);
        assertThat(round.advance(opens.plusSeconds(60))).isFalse();
        assertThat(round.advance(opens.plus(Duration.ofDays(15)))).isTrue();
        assertThat(round.status()).isEqualTo(RoundStatus.CLOSED);
        assertThat(round.advance(opens.plus(Duration.ofDays(40)))).isFalse();
        assertThat(key(() -> round.addSection("Član 3", "Kasno."))).isEqualTo("consultation.error.notDraft");
    }

    @Test
    void aRoundMissedWhileTheSiteWasDownCatchesUpAtOnce() {
        ConsultationRound round = round(Set.of(ZAJECAR));
        round.schedule(NOW, NOW.plus(Duration.ofDays(15)), null, NOW);

        assertThat(round.advance(NOW.plus(Duration.ofDays(20)))).isTrue();
        assertThat(round.status()).isEqualTo(RoundStatus.CLOSED);
    }

    @Test
    void serbianRoundsLastAtLeastFifteenDaysOrWhatTheMunicipalitySet() {
        assertThat(key(() -> round(Set.of(ZAJECAR)).schedule(NOW, NOW.plus(Duration.ofDays(14)), null, NOW)))
                .isEqualTo("consultation.error.tooShort");
        assertThat(key(() -> round(Set.of(ZAJECAR)).schedule(NOW, NOW.plus(Duration.ofDays(15)), null, NOW)))
                .isEqualTo("no rule broken");
        Municipality bor = municipality(3, "bor", Country.RS, "Bor", "Бор");
        bor.changeMinConsultationDays(20);
        assertThat(key(() -> round(Set.of(bor)).schedule(NOW, NOW.plus(Duration.ofDays(19)), null, NOW)))
                .isEqualTo("consultation.error.tooShort");
    }

    @Test
    void bulgarianRoundsLastThirtyDaysOrFourteenWithAPublicReason() {
        assertThat(key(() -> round(Set.of(VIDIN)).schedule(NOW, NOW.plus(Duration.ofDays(29)), null, NOW)))
                .isEqualTo("consultation.error.tooShort");
        ConsultationRound urgent = round(Set.of(VIDIN));
        urgent.schedule(NOW, NOW.plus(Duration.ofDays(14)), "Спешно: срокът на програмата изтича.", NOW);
        assertThat(urgent.shortPeriodReason()).contains("Спешно: срокът на програмата изтича.");
        assertThat(key(() -> round(Set.of(VIDIN)).schedule(NOW, NOW.plus(Duration.ofDays(13)), "Спешно.", NOW)))
                .isEqualTo("consultation.error.tooShort");
        ConsultationRound normal = round(Set.of(VIDIN));
        normal.schedule(NOW, NOW.plus(Duration.ofDays(30)), "Ненужна причина.", NOW);
        assertThat(normal.shortPeriodReason()).isEmpty();
    }

    @Test
    void aJointRoundFollowsTheStricterRuleAndTheZoneWhereItEndsFirst() {
        assertThat(key(() -> round(Set.of(ZAJECAR, VIDIN)).schedule(NOW, NOW.plus(Duration.ofDays(20)), null, NOW)))
                .isEqualTo("consultation.error.tooShort");
        assertThat(JurisdictionRules.minimumDays(Set.of(ZAJECAR, VIDIN), false)).isEqualTo(30);
        assertThat(JurisdictionRules.minimumDays(Set.of(ZAJECAR, VIDIN), true)).isEqualTo(15);
        assertThat(round(Set.of(ZAJECAR, VIDIN)).deadlineZone()).isEqualTo(Country.BG.zone());
        assertThat(round(Set.of(ZAJECAR)).deadlineZone()).isEqualTo(Country.RS.zone());
    }

    @Test
    void aRoundWithoutSectionsOrWithABackwardsPeriodCannotBeScheduled() {
        ConsultationRound empty = new ConsultationRound("prazno", "Naslov", "Sažetak.", Language.SR_LATN, Set.of(ZAJECAR),
                person(1, "a@example.org", true), NOW);
        assertThat(key(() -> empty.schedule(NOW, NOW.plus(Duration.ofDays(20)), null, NOW))).isEqualTo("consultation.error.noSections");
        assertThat(key(() -> round(Set.of(ZAJECAR)).schedule(NOW, NOW.minusSeconds(1), null, NOW)))
                .isEqualTo("consultation.error.period");
    }

    @Test
    void sectionsAreRenumberedWhenMovedOrRemoved() {
        ConsultationRound round = round(Set.of(ZAJECAR));
        round.addSection("Član 3", "Sredstva.");
        round.moveSection(3, 1);
        assertThat(round.sections()).extracting(Section::heading).containsExactly("Član 3", "Član 1", "Član 2");
        assertThat(round.sections()).extracting(Section::number).containsExactly(1, 2, 3);
        round.removeSection(2);
        assertThat(round.sections()).extracting(Section::heading).containsExactly("Član 3", "Član 2");
        assertThat(round.sections()).extracting(Section::number).containsExactly(1, 2);
    }

    @Test
    void onlyVerifiedPeopleCommentAndOnlyWhileTheRoundIsOpen() {
        ConsultationRound round = round(Set.of(ZAJECAR));
        Account citizen = person(1, "c@example.org", true);
        assertThat(key(() -> round.comment(citizen, Optional.empty(), Stance.SUPPORTS, "Podržavam.", NOW)))
                .isEqualTo("consultation.error.notOpen");

        ConsultationRound open = open(Set.of(ZAJECAR));
        assertThat(key(() -> open.comment(person(2, "u@example.org", false), Optional.empty(), Stance.SUPPORTS, "Da.", NOW)))
                .isEqualTo("consultation.error.notVerified");
        Comment comment = open.comment(citizen, open.section(2), Stance.OPPOSES, "Ne slažem se.\nEvo zašto.", NOW);
        assertThat(comment.section().map(Section::number)).contains(2);
        assertThat(comment.body()).isEqualTo("Ne slažem se.\nEvo zašto.");

        open.advance(NOW.plus(Duration.ofDays(30)));
        assertThat(key(() -> open.comment(citizen, Optional.empty(), Stance.NEUTRAL, "Kasno.", NOW.plus(Duration.ofDays(31)))))
                .isEqualTo("consultation.error.notOpen");
    }

    @Test
    void aCommentIsAtMost3000CharactersOfText() {
        ConsultationRound open = open(Set.of(ZAJECAR));
        Account citizen = person(1, "c@example.org", true);
        assertThat(key(() -> open.comment(citizen, Optional.empty(), Stance.NEUTRAL, "a".repeat(3001), NOW)))
                .isEqualTo("consultation.error.commentLength");
        assertThat(key(() -> open.comment(citizen, Optional.empty(), Stance.NEUTRAL, "   ", NOW)))
                .isEqualTo("consultation.error.commentLength");
        assertThat(key(() -> open.comment(citizen, Optional.empty(), Stance.NEUTRAL, "nul\u0000", NOW)))
                .isEqualTo("consultation.error.commentLength");
        assertThat(open.comment(citizen, Optional.empty(), Stance.NEUTRAL, "<script>alert(1)</script>", NOW).body())
                .isEqualTo("<script>alert(1)</script>");
        assertThat(open.comment(citizen, Optional.empty(), Stance.NEUTRAL, "ж".repeat(3000), NOW).body()).hasSize(3000);
    }

    @Test
    void repliesGoOneLevelDeep() {
        ConsultationRound open = open(Set.of(ZAJECAR));
        Account citizen = person(1, "c@example.org", true);
        Comment comment = open.comment(citizen, open.section(1), Stance.SUPPORTS, "Dobro.", NOW);
        set(comment, "id", 10L);
        Comment reply = open.reply(person(2, "d@example.org", true), comment, "Slažem se.", NOW);
        assertThat(reply.parent()).contains(comment);
        assertThat(reply.section()).isEqualTo(comment.section());
        assertThat(key(() -> open.reply(citizen, reply, "Dublje.", NOW))).isEqualTo("consultation.error.replyLevel");
    }

    @Test
    void theAuthorEditsForFifteenMinutes() {
        ConsultationRound open = open(Set.of(ZAJECAR));
        Account citizen = person(1, "c@example.org", true);
        Comment comment = open.comment(citizen, Optional.empty(), Stance.SUPPORTS, "Prvo.", NOW);

        comment.edit(citizen, "Ispravljeno.", NOW.plus(Duration.ofMinutes(15)));
        assertThat(comment.body()).isEqualTo("Ispravljeno.");
        assertThat(comment.editedAt()).contains(NOW.plus(Duration.ofMinutes(15)));
        assertThat(key(() -> comment.edit(citizen, "Kasno.", NOW.plus(Duration.ofMinutes(16)))))
                .isEqualTo("consultation.error.editWindow");
        assertThat(key(() -> comment.edit(person(2, "x@example.org", true), "Tuđe.", NOW)))
                .isEqualTo("consultation.error.notAuthor");
    }

    @Test
    void aFlaggedCommentStaysShownUnderReviewUntilAModeratorDecides() {
        Comment comment = open(Set.of(ZAJECAR)).comment(person(1, "c@example.org", true), Optional.empty(),
                Stance.SUPPORTS, "Tekst.", NOW);
        set(comment, "id", 11L);
        comment.flagged();
        assertThat(comment.status()).isEqualTo(CommentStatus.PENDING);
        assertThat(comment.isUnderReview()).isTrue();
        comment.flagged();
        comment.flagged();
        comment.flagged();
        // however many flags: still shown, under review
        assertThat(comment.status()).isEqualTo(CommentStatus.PENDING);
        assertThat(CommentView.of(comment, false, java.util.List.of()).body()).isEqualTo("Tekst.");
        assertThat(CommentView.of(comment, false, java.util.List.of()).isHidden()).isFalse();
        // the author cannot change what the moderators are looking at
        assertThat(key(() -> comment.edit(comment.author(), "Drugo.", NOW))).isEqualTo("consultation.error.underReview");

        comment.hide("Uvredljiv govor.");
        assertThat(comment.status()).isEqualTo(CommentStatus.HIDDEN);
        assertThat(comment.hiddenReason()).contains("Uvredljiv govor.");
        // a hidden comment is answered too: it appears in the report with the reason and its answer
        assertThat(comment.needsAnswer()).isTrue();
        assertThat(CommentView.of(comment, true, java.util.List.of()).body()).isNull();
        assertThat(CommentView.forReviewers(comment).body()).isEqualTo("Tekst.");
        comment.restore();
        assertThat(comment.status()).isEqualTo(CommentStatus.VISIBLE);
        assertThat(comment.flagCount()).isZero();
    }

    @Test
    void theReportWaitsWhileACommentIsUnderReview() {
        ConsultationRound round = open(Set.of(ZAJECAR));
        round.advance(NOW.plus(Duration.ofDays(30)));
        assertThat(key(() -> round.publishReport(0, 1, NOW.plus(Duration.ofDays(31))))).isEqualTo("consultation.error.pendingModeration");
        assertThat(round.status()).isEqualTo(RoundStatus.CLOSED);
        round.publishReport(0, 0, NOW.plus(Duration.ofDays(31)));
        assertThat(round.status()).isEqualTo(RoundStatus.REPORT_PUBLISHED);
    }

    @Test
    void aMunicipalityNamedByAnotherIsInvitedAndTheRoundWaitsForItsConsent() {
        ConsultationRound round = round(Set.of(ZAJECAR, VIDIN));
        Account zajecarReviewer = person(6, "z@example.org", true);
        zajecarReviewer.grantReviewer(ZAJECAR);
        Account vidinReviewer = person(7, "v@example.org", true);
        vidinReviewer.grantReviewer(VIDIN);

        assertThat(round.namedBy(zajecarReviewer, NOW)).containsExactly(VIDIN);
        assertThat(round.awaitingConsent()).containsExactly(VIDIN);
        // Vidin's reviewer does not write the round before Vidin accepts
        assertThat(round.isManagedBy(vidinReviewer)).isFalse();
        assertThat(round.isManagedBy(zajecarReviewer)).isTrue();
        assertThat(key(() -> round.schedule(NOW, NOW.plus(Duration.ofDays(30)), null, NOW))).isEqualTo("consultation.error.awaitingConsent");
        assertThat(round.status()).isEqualTo(RoundStatus.DRAFT);
        // Zaječar's reviewer cannot accept for Vidin
        assertThat(key(() -> round.accept(VIDIN, zajecarReviewer, NOW))).isEqualTo("consultation.error.notInvited");

        round.accept(VIDIN, vidinReviewer, NOW);
        assertThat(round.awaitingConsent()).isEmpty();
        assertThat(round.isManagedBy(vidinReviewer)).isTrue();
        round.schedule(NOW, NOW.plus(Duration.ofDays(30)), null, NOW);
        assertThat(round.status()).isEqualTo(RoundStatus.SCHEDULED);
    }

    @Test
    void decliningTakesTheMunicipalityOffTheRound() {
        ConsultationRound round = round(Set.of(ZAJECAR, VIDIN));
        Account zajecarReviewer = person(6, "z@example.org", true);
        zajecarReviewer.grantReviewer(ZAJECAR);
        Account vidinReviewer = person(7, "v@example.org", true);
        vidinReviewer.grantReviewer(VIDIN);
        round.namedBy(zajecarReviewer, NOW);

        round.decline(VIDIN, vidinReviewer, NOW);
        assertThat(round.organizers()).containsExactly(ZAJECAR);
        assertThat(round.consent(VIDIN)).map(OrganizerConsent::status).contains(OrganizerConsent.Status.DECLINED);
        round.schedule(NOW, NOW.plus(Duration.ofDays(30)), null, NOW);
        assertThat(round.status()).isEqualTo(RoundStatus.SCHEDULED);
    }

    @Test
    void aJointReportIsPublishedOnlyWhenEveryOrganizerHasSignedAndAChangedAnswerWithdrawsTheSignatures() {
        ConsultationRound round = round(Set.of(ZAJECAR, VIDIN));
        Account zajecarReviewer = person(6, "z@example.org", true);
        zajecarReviewer.grantReviewer(ZAJECAR);
        Account vidinReviewer = person(7, "v@example.org", true);
        vidinReviewer.grantReviewer(VIDIN);
        Account admin = person(9, "admin@example.org", true);
        admin.grant(Role.ADMINISTRATOR);
        round.namedBy(zajecarReviewer, NOW);
        round.accept(VIDIN, vidinReviewer, NOW);
        round.schedule(NOW, NOW.plus(Duration.ofDays(30)), null, NOW);
        round.advance(NOW);
        Comment comment = round.comment(person(1, "c@example.org", true), Optional.empty(), Stance.OPPOSES, "Ne.", NOW);
        round.advance(NOW.plus(Duration.ofDays(30)));
        comment.answer(Disposition.NOTED, "Primljeno k znanju.", zajecarReviewer, NOW);

        assertThat(key(() -> round.signReport(admin, 0, 0, NOW))).isEqualTo("consultation.error.cannotSign");
        assertThat(round.signReport(zajecarReviewer, 0, 0, NOW)).containsExactly(ZAJECAR);
        assertThat(round.unsigned()).containsExactly(VIDIN);
        // Vidin's reviewer changes an answer: Zaječar's signature no longer covers the report
        comment.answer(Disposition.ACCEPTED, null, vidinReviewer, NOW);
        assertThat(round.unsigned()).containsExactlyInAnyOrder(VIDIN, ZAJECAR);
        round.signReport(vidinReviewer, 0, 0, NOW);
        round.signReport(zajecarReviewer, 0, 0, NOW);
        assertThat(round.unsigned()).isEmpty();
    }

    @Test
    void aCommentHiddenOrRestoredAfterAnOrganizerSignedWithdrawsTheSignatures() {
        ConsultationRound round = round(Set.of(ZAJECAR, VIDIN));
        Account zajecarReviewer = person(6, "z@example.org", true);
        zajecarReviewer.grantReviewer(ZAJECAR);
        Account vidinReviewer = person(7, "v@example.org", true);
        vidinReviewer.grantReviewer(VIDIN);
        round.namedBy(zajecarReviewer, NOW);
        round.accept(VIDIN, vidinReviewer, NOW);
        round.schedule(NOW, NOW.plus(Duration.ofDays(30)), null, NOW);
        round.advance(NOW);
        Comment comment = round.comment(person(1, "c@example.org", true), Optional.empty(), Stance.OPPOSES, "Ne.", NOW);
        round.advance(NOW.plus(Duration.ofDays(30)));
        comment.answer(Disposition.NOTED, "Primljeno k znanju.", zajecarReviewer, NOW);
        assertThat(round.signReport(zajecarReviewer, 0, 0, NOW)).containsExactly(ZAJECAR);

        // a moderator hides the comment: Zaječar signed a report that showed its text
        comment.hide("Uvredljiv sadržaj.");
        assertThat(round.unsigned()).containsExactlyInAnyOrder(VIDIN, ZAJECAR);
        round.signReport(zajecarReviewer, 0, 0, NOW);
        comment.restore();
        assertThat(round.unsigned()).containsExactlyInAnyOrder(VIDIN, ZAJECAR);
    }

    @Test
    void peopleEndorseOthersCommentsNotTheirOwn() {
        Account citizen = person(1, "c@example.org", true);
        Comment comment = open(Set.of(ZAJECAR)).comment(citizen, Optional.empty(), Stance.SUPPORTS, "Tekst.", NOW);
        comment.endorsed(person(2, "d@example.org", true));
        assertThat(comment.endorsementCount()).isEqualTo(1);
        assertThat(key(() -> comment.endorsed(citizen))).isEqualTo("consultation.error.ownComment");
    }

    @Test
    void everyAnswerButAcceptanceGivesAReasonAndTheReportWaitsForAllAnswers() {
        ConsultationRound open = open(Set.of(ZAJECAR));
        Account reviewer = person(5, "r@example.org", true);
        Comment comment = open.comment(person(1, "c@example.org", true), Optional.empty(), Stance.OPPOSES, "Ne.", NOW);

        assertThat(key(() -> comment.answer(Disposition.NOT_ACCEPTED, " ", reviewer, NOW))).isEqualTo("consultation.error.reasonRequired");
        comment.answer(Disposition.ACCEPTED, null, reviewer, NOW);
        assertThat(comment.isAnswered()).isTrue();
        comment.answer(Disposition.PARTLY_ACCEPTED, "Delimično, u članu 2.", reviewer, NOW);
        assertThat(comment.dispositionReason()).contains("Delimično, u članu 2.");

        assertThat(key(() -> open.publishReport(0, NOW))).isEqualTo("consultation.error.notClosed");
        open.advance(NOW.plus(Duration.ofDays(30)));
        assertThat(key(() -> open.publishReport(1, NOW))).isEqualTo("consultation.error.unanswered");
        open.publishReport(0, NOW.plus(Duration.ofDays(31)));
        assertThat(open.status()).isEqualTo(RoundStatus.REPORT_PUBLISHED);
        assertThat(key(() -> comment.answer(Disposition.NOTED, "Kasno.", reviewer, NOW))).isEqualTo("consultation.error.cannotAnswer");
    }

    @Test
    void reviewersOfAnOrganizerAndAdministratorsManageARound() {
        ConsultationRound round = round(Set.of(ZAJECAR, VIDIN));
        Account vidinReviewer = person(7, "v@example.org", true);
        vidinReviewer.grantReviewer(VIDIN);
        Account borReviewer = person(8, "b@example.org", true);
        borReviewer.grantReviewer(municipality(3, "bor", Country.RS, "Bor", "Бор"));
        Account admin = person(9, "admin@example.org", true);
        admin.grant(Role.ADMINISTRATOR);

        assertThat(round.isManagedBy(vidinReviewer)).isTrue();
        assertThat(round.isManagedBy(borReviewer)).isFalse();
        assertThat(round.isManagedBy(admin)).isTrue();
    }

    @Test
    void aRoundCarriesItsTitleAndSummaryInOtherLanguagesOnePerLanguage() {
        ConsultationRound round = round(Set.of(ZAJECAR, VIDIN));
        round.translate(Language.EN, "Tourism strategy", "Draft of the strategy.");
        round.translate(Language.BG, "Стратегия за туризма", "Проект на стратегията.");
        round.translate(Language.EN, "Strategy for tourism", "The draft strategy.");

        assertThat(round.translations()).extracting(t -> t.language().tag() + ": " + t.title())
                .containsExactlyInAnyOrder("bg: Стратегия за туризма", "en: Strategy for tourism");
        // the reader of the original's language (in either script) reads the original
        assertThat(round.translationFor(Language.SR_CYRL)).isEmpty();
        assertThat(round.translationFor(Language.SR_LATN)).isEmpty();
        assertThat(round.translationFor(Language.EN)).map(t -> t.summary()).contains("The draft strategy.");
        assertThat(round.translationFor(Language.BG)).map(t -> t.title()).contains("Стратегия за туризма");
        // the translations are found by search, in their words
        assertThat(round.searchText()).contains("strategy for tourism")
                .contains(org.duhbalkana.text.SearchText.column("Стратегия за туризма"));

        assertThat(key(() -> round.translate(Language.SR_CYRL, "Стратегија туризма", "Нацрт."))).isEqualTo("translation.error.originalLanguage");
        assertThat(key(() -> round.translate(Language.BG, " ", "Проект."))).isEqualTo("consultation.error.title");
        assertThat(key(() -> round.translate(Language.BG, "Заглавие", "x".repeat(ConsultationRound.MAX_SUMMARY + 1))))
                .isEqualTo("consultation.error.summary");

        round.removeTranslation(Language.EN);
        assertThat(round.translationFor(Language.EN)).isEmpty();
        assertThat(round.searchText()).doesNotContain("strategy");
    }

    @Test
    void aSerbianTranslationServesReadersOfBothScripts() {
        ConsultationRound round = new ConsultationRound("dunav-2027", "Danube cycling route", "A joint plan.",
                Language.EN, Set.of(ZAJECAR), person(99, "author@example.org", true), NOW);
        round.translate(Language.SR_LATN, "Biciklistička ruta Dunavom", "Zajednički plan.");
        round.translate(Language.SR_CYRL, "Бициклистичка рута Дунавом", "Заједнички план.");

        assertThat(round.translations()).hasSize(1);
        assertThat(round.translationFor(Language.SR_LATN)).map(t -> t.language()).contains(Language.SR_CYRL);
        assertThat(round.translationFor(Language.SR_CYRL)).map(t -> t.title()).contains("Бициклистичка рута Дунавом");
        assertThat(round.translationFor(Language.BG)).isEmpty();
        assertThat(round.translationFor(Language.EN)).isEmpty();
    }

    @Test
    void theAuthorsMayAskThatTheTextBeShownAsWrittenAndACommenterForTheirOwnComment() {
        ConsultationRound round = open(Set.of(ZAJECAR));
        assertThat(round.asWritten()).isFalse();
        round.showAsWritten(true);
        assertThat(round.asWritten()).isTrue();

        Account ana = person(1, "ana@example.org", true);
        Account other = person(2, "marko@example.org", true);
        Comment comment = round.comment(ana, Optional.empty(), Stance.SUPPORTS, "Ćirilica ili latinica, svejedno.", NOW);
        assertThat(comment.asWritten()).isFalse();
        comment.showAsWritten(ana, true);
        assertThat(comment.asWritten()).isTrue();
        assertThat(key(() -> comment.showAsWritten(other, false))).isEqualTo("consultation.error.notAuthor");
        assertThat(comment.asWritten()).isTrue();
    }

    @Test
    void sectionsKeepTheirOrderWhenTheDatabaseHandsThemOverInAnother() {
        ConsultationRound round = round(Set.of(ZAJECAR));
        round.addSection("Član 3", "Finansiranje.");
        java.util.List<Section> shuffled = new java.util.ArrayList<>(round.sections());
        java.util.Collections.reverse(shuffled);
        set(round, "sections", shuffled);

        assertThat(round.sections()).extracting(Section::heading).containsExactly("Član 1", "Član 2", "Član 3");
        assertThat(round.section(2)).map(Section::heading).contains("Član 2");
        round.moveSection(1, 3);
        assertThat(round.sections()).extracting(s -> s.number() + " " + s.heading())
                .containsExactly("1 Član 2", "2 Član 3", "3 Član 1");
        set(round, "sections", new java.util.ArrayList<>(java.util.List.of(round.sections().get(2), round.sections().get(0),
                round.sections().get(1))));
        round.removeSection(1);
        assertThat(round.sections()).extracting(s -> s.number() + " " + s.heading()).containsExactly("1 Član 3", "2 Član 1");
    }
}
