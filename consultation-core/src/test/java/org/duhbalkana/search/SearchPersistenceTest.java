package org.duhbalkana.search;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.duhbalkana.account.MunicipalityRepository;
import org.duhbalkana.consultation.Comment;
import org.duhbalkana.consultation.ConsultationRepository;
import org.duhbalkana.consultation.ConsultationRound;
import org.duhbalkana.consultation.Stance;
import org.duhbalkana.platform.database.SchemaMigration;
import org.duhbalkana.testing.Jpa;
import org.duhbalkana.testing.TestDatabase;
import org.duhbalkana.text.Language;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Search across scripts on H2 and MariaDB (its full-text index): Zajecar, Zaječar and Зајечар find the same; hidden comments never. */
class SearchPersistenceTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    static Stream<Arguments> databases() {
        return Stream.of(
                Arguments.of("H2", (Supplier<TestDatabase>) TestDatabase::h2),
                Arguments.of("MariaDB", (Supplier<TestDatabase>) TestDatabase::mariaDb));
    }

    private static List<SearchHit> find(Jpa jpa, String q) {
        return jpa.inTransaction(em -> new Search(em).find(q, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void findsTheSameInEveryScriptAndNeverAHiddenComment(String name, Supplier<TestDatabase> database) {
        try (TestDatabase db = database.get()) {
            SchemaMigration.migrate(db.dataSource());
            try (Jpa jpa = new Jpa(db.dataSource())) {
                long[] ids = jpa.inTransaction(em -> {
                    MunicipalityRepository municipalities = new MunicipalityRepository(em);
                    Account author = new Account(EmailAddress.parse("ana@example.org").orElseThrow(), "Ana Ilić", "hash",
                            municipalities.byCode("zajecar"), null, Language.SR_LATN, NOW);
                    author.verifyEmail(NOW);
                    new AccountRepository(em).add(author);
                    ConsultationRound round = new ConsultationRound("proizvodi", "Одлука о локалним производима у Зајечару",
                            "Нацрт одлуке.", Language.SR_CYRL, Set.of(municipalities.byCode("zajecar").orElseThrow()), author, NOW);
                    round.addSection("Предмет", "Пијаце у Зајечару и Књажевцу.");
                    round.schedule(NOW, NOW.plus(Duration.ofDays(30)), null, NOW);
                    round.advance(NOW);
                    ConsultationRepository rounds = new ConsultationRepository(em);
                    rounds.add(round);
                    Comment latin = round.comment(author, Optional.empty(), Stance.SUPPORTS, "Podržavam pijacu u Zaječaru, ali i sajam meda.", NOW);
                    Comment bulgarian = round.comment(author, Optional.empty(), Stance.NEUTRAL, "Във Видин също има пазар за мед.", NOW);
                    Comment hidden = round.comment(author, Optional.empty(), Stance.OPPOSES, "Skriveni komentar o Zaječaru i medu.", NOW);
                    rounds.add(latin);
                    rounds.add(bulgarian);
                    rounds.add(hidden);
                    return new long[] {latin.id(), bulgarian.id(), hidden.id()};
                });
                jpa.run(em -> em.createNativeQuery("UPDATE round_comment SET status = 'HIDDEN' WHERE id = " + ids[2]).executeUpdate());

                boolean fullText = jpa.inTransaction(em -> new Search(em).usesFullText());
                assertThat(fullText).as("full-text index used").isEqualTo(name.equals("MariaDB"));

                List<SearchHit> latin = find(jpa, "Zajecar");
                assertThat(latin).extracting(SearchHit::kind).contains("ROUND", "SECTION", "COMMENT");
                for (String q : List.of("Zaječar", "Зајечар", "ZAJEČARU", "зајечару")) {
                    assertThat(find(jpa, q)).as(q).extracting(SearchHit::id).containsExactlyInAnyOrderElementsOf(
                            latin.stream().map(SearchHit::id).toList());
                }
                assertThat(latin).filteredOn(h -> h.kind().equals("COMMENT")).extracting(SearchHit::id).containsExactly(ids[0]);
                // Bulgarian words find Bulgarian text.
                assertThat(find(jpa, "Видин пазар")).extracting(SearchHit::id).containsExactly(ids[1]);
                // A hidden comment is never found, even by its own words.
                assertThat(find(jpa, "skriveni")).isEmpty();
                // Every word is required.
                assertThat(find(jpa, "Zaječar Видин")).isEmpty();
                assertThat(find(jpa, "x")).isEmpty();
            }
        }
    }
}
