package org.duhbalkana.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.duhbalkana.account.Account;
import org.duhbalkana.account.AccountRepository;
import org.duhbalkana.account.EmailAddress;
import org.duhbalkana.account.Municipality;
import org.duhbalkana.account.MunicipalityRepository;
import org.duhbalkana.campaign.Campaign;
import org.duhbalkana.campaign.CampaignReader;
import org.duhbalkana.campaign.CampaignRepository;
import org.duhbalkana.campaign.CampaignStatus;
import org.duhbalkana.consultation.ConsultationReader;
import org.duhbalkana.consultation.ConsultationRepository;
import org.duhbalkana.consultation.ConsultationRound;
import org.duhbalkana.consultation.RoundStatus;
import org.duhbalkana.platform.database.SchemaMigration;
import org.duhbalkana.testing.Jpa;
import org.duhbalkana.testing.TestDatabase;
import org.duhbalkana.text.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The public lists of rounds and campaigns in the database, on H2 and MariaDB: paged, narrowed by
 * status, municipality, country and topic tag, with totals that match the rows, drafts never listed.
 */
class PublicListsPersistenceTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    static Stream<Arguments> databases() {
        return Stream.of(
                Arguments.of("H2", (Supplier<TestDatabase>) TestDatabase::h2),
                Arguments.of("MariaDB", (Supplier<TestDatabase>) TestDatabase::mariaDb));
    }

    private static Jpa migrated(TestDatabase db) {
        SchemaMigration.migrate(db.dataSource());
        return new Jpa(db.dataSource());
    }

    private static <S extends Enum<S>> ListFilter<S> filter(Class<S> type, Set<S> allowed, String status, String municipality,
            String country, String tag, String page) {
        return ListFilter.parse(type, allowed, status, municipality, country, tag, page);
    }

    private static ListFilter<RoundStatus> rounds(String status, String municipality, String country, String tag, String page) {
        return filter(RoundStatus.class, ConsultationReader.LISTED, status, municipality, country, tag, page);
    }

    private static ListFilter<CampaignStatus> campaigns(String status, String municipality, String country, String tag) {
        return filter(CampaignStatus.class, CampaignReader.LISTED, status, municipality, country, tag, null);
    }

    /**
     * 45 rounds: every third of Vidin (Bulgaria), the rest of Zaječar (Serbia); even ones tagged
     * "turizam", every fifth "voda"; every seventh left a draft; the others open. One campaign per
     * round of every ninth, targeting the round's municipality.
     */
    private static void seed(Jpa jpa) {
        jpa.run(em -> {
            MunicipalityRepository municipalities = new MunicipalityRepository(em);
            Municipality zajecar = municipalities.byCode("zajecar").orElseThrow();
            Municipality vidin = municipalities.byCode("vidin").orElseThrow();
            Account author = new Account(EmailAddress.parse("author@example.org").orElseThrow(), "Ana Ilić", "hash",
                    Optional.of(zajecar), null, Language.SR_LATN, NOW);
            author.verifyEmail(NOW);
            new AccountRepository(em).add(author);
            ConsultationRepository repository = new ConsultationRepository(em);
            CampaignRepository campaignRepository = new CampaignRepository(em);
            for (int i = 1; i <= 45; i++) {
                Municipality m = i % 3 == 0 ? vidin : zajecar;
                ConsultationRound round = new ConsultationRound("r" + i, "Runda " + i, "Nacrt.", Language.SR_LATN, Set.of(m),
                        author, NOW);
                java.util.Set<String> tags = new java.util.HashSet<>();
                if (i % 2 == 0) {
                    tags.add("turizam");
                }
                if (i % 5 == 0) {
                    tags.add("voda");
                }
                round.describe("Runda " + i, "Nacrt.", tags);
                round.addSection("Član 1", "Predmet.");
                if (i % 7 != 0) {
                    round.schedule(NOW, NOW.plus(Duration.ofDays(30)), null, NOW);
                }
                repository.add(round);
                if (i % 9 == 0) {
                    Campaign c = new Campaign("kampanja-" + i, author, Language.SR_LATN, NOW);
                    c.describe("Kampanja " + i, "Tražimo.", "Opis.", Optional.of(m), null, Optional.of(round),
                            NOW.plus(Duration.ofDays(30)), 6, NOW);
                    c.submit(author, NOW);
                    c.approve(NOW);
                    campaignRepository.add(c);
                }
            }
        });
        jpa.run(em -> new ConsultationRepository(em).dueToAdvance(NOW.plusSeconds(1)).forEach(r -> r.advance(NOW.plusSeconds(1))));
    }

    private static long count(Jpa jpa, String sql) {
        return jpa.inTransaction(em -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void roundsArePagedAndFilteredWithTotalsThatMatchTheDatabase(String name, Supplier<TestDatabase> database) {
        try (TestDatabase db = database.get(); Jpa jpa = migrated(db)) {
            seed(jpa);
            long publicRounds = count(jpa, "SELECT COUNT(*) FROM consultation_round WHERE status <> 'DRAFT'");
            assertThat(publicRounds).isEqualTo(39);
            jpa.run(em -> {
                ConsultationRepository repository = new ConsultationRepository(em);
                ListFilter<RoundStatus> all = rounds(null, null, null, null, null);
                assertThat(repository.countPublicRounds(all)).isEqualTo(39);
                List<ConsultationRound> first = repository.publicRounds(all);
                List<ConsultationRound> second = repository.publicRounds(rounds(null, null, null, null, "2"));
                List<ConsultationRound> third = repository.publicRounds(rounds(null, null, null, null, "3"));
                assertThat(first).hasSize(20);
                assertThat(second).hasSize(19);
                assertThat(third).isEmpty();
                assertThat(first.get(0).slug()).isEqualTo("r45");
                assertThat(first).extracting(ConsultationRound::slug).doesNotContainAnyElementsOf(
                        second.stream().map(ConsultationRound::slug).toList());
                assertThat(first).noneMatch(r -> r.status() == RoundStatus.DRAFT);
            });
            long tourism = count(jpa, "SELECT COUNT(*) FROM consultation_round r JOIN round_tag t ON t.round_id = r.id "
                    + "WHERE t.tag = 'turizam' AND r.status <> 'DRAFT'");
            long vidinWater = count(jpa, "SELECT COUNT(*) FROM consultation_round r JOIN round_tag t ON t.round_id = r.id "
                    + "JOIN round_organizer o ON o.round_id = r.id JOIN municipality m ON m.id = o.municipality_id "
                    + "WHERE t.tag = 'voda' AND m.country = 'BG' AND r.status <> 'DRAFT'");
            long zajecar = count(jpa, "SELECT COUNT(*) FROM consultation_round r JOIN round_organizer o ON o.round_id = r.id "
                    + "JOIN municipality m ON m.id = o.municipality_id WHERE m.code = 'zajecar' AND r.status <> 'DRAFT'");
            jpa.run(em -> {
                ConsultationRepository repository = new ConsultationRepository(em);
                ListFilter<RoundStatus> byTag = rounds(null, null, null, "Turizam", null);
                assertThat(repository.countPublicRounds(byTag)).isEqualTo(tourism).isEqualTo(19);
                assertThat(repository.publicRounds(byTag)).allMatch(r -> r.tags().contains("turizam"));
                ListFilter<RoundStatus> both = rounds("open", null, "bg", "voda", null);
                assertThat(repository.countPublicRounds(both)).isEqualTo(vidinWater);
                assertThat(repository.publicRounds(both)).extracting(ConsultationRound::slug).containsExactly("r45", "r30", "r15");
                assertThat(repository.countPublicRounds(rounds(null, "zajecar", null, null, null))).isEqualTo(zajecar);
                assertThat(repository.countPublicRounds(rounds("closed", null, null, null, null))).isZero();
                assertThat(repository.publicTags()).containsExactly("turizam", "voda");
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void campaignsAreFilteredByTargetCountryAndTheirRoundsTags(String name, Supplier<TestDatabase> database) {
        try (TestDatabase db = database.get(); Jpa jpa = migrated(db)) {
            seed(jpa);
            jpa.run(em -> {
                CampaignRepository repository = new CampaignRepository(em);
                assertThat(repository.countPublicCampaigns(campaigns(null, null, null, null))).isEqualTo(5);
                // c9, c18, c27, c36, c45: all divisible by 3, so all target Vidin in Bulgaria
                assertThat(repository.countPublicCampaigns(campaigns(null, null, "RS", null))).isZero();
                assertThat(repository.publicCampaigns(campaigns("published", "vidin", "BG", null))).hasSize(5);
                assertThat(repository.publicCampaigns(campaigns(null, null, null, "turizam")))
                        .extracting(Campaign::slug).containsExactlyInAnyOrder("kampanja-18", "kampanja-36");
                assertThat(repository.countPublicCampaigns(campaigns("closed", null, null, null))).isZero();
            });
        }
    }

    @Test
    void badValuesAreRefusedNamingTheirParameter() {
        assertThatThrownBy(() -> rounds("DRAFT", null, null, null, null)).isInstanceOf(InputRejected.class)
                .extracting(e -> ((InputRejected) e).field()).isEqualTo("status");
        assertThatThrownBy(() -> rounds(null, "<script>", null, null, null)).isInstanceOf(InputRejected.class)
                .hasMessage("list.error.municipality");
        assertThatThrownBy(() -> rounds(null, null, "DE", null, null)).hasMessage("list.error.country");
        assertThatThrownBy(() -> rounds(null, null, null, "'; DROP", null)).hasMessage("list.error.tag");
        assertThatThrownBy(() -> rounds(null, null, null, null, "0")).hasMessage("list.error.page");
        assertThatThrownBy(() -> rounds(null, null, null, null, "x")).hasMessage("list.error.page");
        assertThatThrownBy(() -> rounds(null, null, null, null, "999999")).hasMessage("list.error.page");
        assertThat(rounds(" open ", "Zajecar", "rs", "Voda", "3")).isEqualTo(new ListFilter<>(Optional.of(RoundStatus.OPEN),
                Optional.of("zajecar"), Optional.of(org.duhbalkana.account.Country.RS), Optional.of("voda"), 2));
    }
}
