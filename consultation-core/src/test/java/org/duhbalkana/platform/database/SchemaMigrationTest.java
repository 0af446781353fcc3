package org.duhbalkana.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.duhbalkana.account.Country;
import org.duhbalkana.account.Municipality;
import org.duhbalkana.account.MunicipalityRepository;
import org.duhbalkana.testing.Jpa;
import org.duhbalkana.testing.TestDatabase;
import org.duhbalkana.text.Language;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The migrations on both databases, and the municipalities read back through the persistence unit. */
class SchemaMigrationTest {

    static Stream<Arguments> databases() {
        return Stream.of(
                Arguments.of("H2", (Supplier<TestDatabase>) TestDatabase::h2),
                Arguments.of("MariaDB", (Supplier<TestDatabase>) TestDatabase::mariaDb));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void migrationsApplyOnceAndTheMunicipalitiesAreThere(String name, Supplier<TestDatabase> database) throws Exception {
        try (TestDatabase db = database.get()) {
            DataSource dataSource = db.dataSource();

            MigrateResult first = SchemaMigration.migrate(dataSource);
            MigrateResult second = SchemaMigration.migrate(dataSource);

            assertThat(first.migrationsExecuted).isGreaterThanOrEqualTo(2);
            assertThat(second.migrationsExecuted).isZero();
            assertThat(second.targetSchemaVersion).isNull();

            try (Jpa jpa = new Jpa(dataSource)) {
                List<Municipality> all = jpa.inTransaction(em -> new MunicipalityRepository(em).all());
                assertThat(all).hasSize(19);
                assertThat(all).extracting(Municipality::code).contains(
                        "zajecar", "knjazevac", "bor", "negotin", "kladovo", "majdanpek", "boljevac", "sokobanja",
                        "vidin", "belogradchik", "kula", "bregovo", "dimovo", "novo-selo", "chuprene", "makresh");
                assertThat(all.get(0).country()).isEqualTo(Country.RS);
                assertThat(all.get(all.size() - 1).country()).isEqualTo(Country.BG);

                Municipality knjazevac = jpa.inTransaction(em -> new MunicipalityRepository(em).byCode("knjazevac")).orElseThrow();
                assertThat(knjazevac.name(Language.SR_CYRL)).isEqualTo("Књажевац");
                assertThat(knjazevac.name(Language.SR_LATN)).isEqualTo("Knjaževac");
                List<Municipality> bulgarian = jpa.inTransaction(em -> new MunicipalityRepository(em).inCountry(Country.BG));
                assertThat(bulgarian)
                        .extracting(m -> m.name(Language.BG)).contains("Видин", "Ново село", "Белоградчик");

                assertThatThrownBy(() -> jpa.run(em -> em.persist(
                        new Municipality("vidin", Country.BG, "Vidin", "Видин"))))
                        .isInstanceOf(PersistenceException.class);
                List<Municipality> afterDuplicate = jpa.inTransaction(em -> new MunicipalityRepository(em).inCountry(Country.BG));
                assertThat(afterDuplicate).hasSize(11);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theCheckSaysWhetherTheDatabaseAnswers(String name, Supplier<TestDatabase> database) {
        try (TestDatabase db = database.get()) {
            assertThat(DatabaseCheck.answers(db.dataSource())).isTrue();
            UrlDataSource wrongPassword = new UrlDataSource(db.url(), db.user(), "not-the-password");
            assertThatThrownBy(() -> DatabaseCheck.verify(wrongPassword))
                    .isInstanceOf(DatabaseUnavailableException.class);
        }
    }

    @org.junit.jupiter.api.Test
    void onMariaDbEveryTableIsInnoDbInUtf8mb4() throws SQLException {
        try (TestDatabase db = TestDatabase.mariaDb()) {
            SchemaMigration.migrate(db.dataSource());
            try (Connection connection = db.dataSource().getConnection();
                 Statement sql = connection.createStatement();
                 ResultSet tables = sql.executeQuery(
                         "SELECT table_name, engine, table_collation FROM information_schema.tables "
                                 + "WHERE table_schema = DATABASE() AND table_name <> 'flyway_schema_history'")) {
                int count = 0;
                while (tables.next()) {
                    count++;
                    assertThat(Map.of("engine", tables.getString(2), "collation", tables.getString(3)))
                            .as(tables.getString(1))
                            .containsEntry("engine", "InnoDB")
                            .containsEntry("collation", "utf8mb4_unicode_ci");
                }
                assertThat(count).isPositive();
            }
        }
    }
}
