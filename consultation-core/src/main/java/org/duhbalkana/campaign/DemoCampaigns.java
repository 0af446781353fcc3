package org.duhbalkana.campaign;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.duhbalkana.account.Account;
import org.duhbalkana.account.AccountRepository;
import org.duhbalkana.account.Municipality;
import org.duhbalkana.account.MunicipalityRepository;
import org.duhbalkana.consultation.ConsultationRepository;
import org.duhbalkana.platform.config.Settings;
import org.duhbalkana.text.Language;

/**
 * With {@code DEMO} on: campaigns in each state, drawn from the association's aims (cross-border
 * tourism, local products, the Danube), one with tens of thousands of signatures that the
 * counting job counts in its first seconds. Demo signatures carry no personal data. The campaigns
 * are marked as demo content (their signatures go with them when {@code DEMO_PURGE} deletes them).
 */
@Singleton
@Startup
@DependsOn("DemoConsultations")
public class DemoCampaigns {

    /** The petition with tens of thousands of signatures. */
    public static final String BIG_PETITION = "staza-felix-romuliana-baba-vida";
    public static final int BIG_PETITION_SIGNATURES = 24_000;

    private static final Logger LOG = Logger.getLogger(DemoCampaigns.class.getName());

    @PersistenceContext(unitName = "consultation")
    EntityManager em;

    @Inject
    Settings settings;

    @Inject
    CampaignRepository campaigns;

    @Inject
    ConsultationRepository rounds;

    @Inject
    AccountRepository accounts;

    @Inject
    MunicipalityRepository municipalities;

    @Inject
    java.time.Clock clock;

    @PostConstruct
    void seed() {
        if (!settings.demo() || campaigns.bySlug(BIG_PETITION).isPresent()) {
            return;
        }
        Instant now = clock.instant();
        Account organizer = demo("organizer@demo.example");
        Municipality zajecar = municipalities.byCode("zajecar").orElseThrow();
        Municipality vidin = municipalities.byCode("vidin").orElseThrow();

        Campaign trail = campaign(BIG_PETITION, Language.SR_LATN, organizer, now);
        trail.describe("Biciklistička staza od Felix Romuliane do Baba Vide",
                "Tražimo od opštine Zaječar da u budžet za 2027. uvrsti izradu projekta biciklističke staze do granice, kao deo zajedničke staze sa Vidinom.",
                "Staza od carske palate Felix Romuliana do tvrđave Baba Vida povezala bi dva najveća kulturna dobra našeg pograničja.\n"
                        + "Vidin je svoj deo već ucrtao u plan. Bez projekta na srpskoj strani, sredstva iz programa prekogranične saradnje ostaće neiskorišćena.",
                Optional.of(zajecar), null, rounds.bySlug("prekogranicni-turizam-2027"), now.plus(Duration.ofDays(60)), 6, now);
        trail.petition(50_000, 10_000);
        trail.translate(Language.BG, "Велоалея от Феликс Ромулиана до Баба Вида",
                "Искаме от община Зайчар да включи в бюджета за 2027 г. проект за велоалея до границата, като част от общата алея с Видин.");
        trail.translate(Language.EN, "A cycle path from Felix Romuliana to Baba Vida",
                "We ask the municipality of Zaječar to fund, in its 2027 budget, the design of a cycle path to the border, as part of a joint path with Vidin.");
        publish(trail, organizer, now);
        campaigns.add(trail);

        Campaign danube = campaign("dunav-bez-plastike", Language.BG, organizer, now);
        danube.describe("Дунав без пластмаса",
                "Искаме от община Видин да постави съдове за разделно събиране по целия бряг на Дунава до лятото.",
                "Всяка пролет брегът край Видин се покрива с пластмаса, донесена от реката. Доброволци я събират, но без съдове за разделно събиране тя се връща обратно.",
                Optional.of(vidin), null, Optional.empty(), now.plus(Duration.ofDays(45)), 6, now);
        danube.petition(5_000, 1_000);
        danube.translate(Language.SR_CYRL, "Дунав без пластике",
                "Тражимо од општине Видин да постави посуде за одвојено сакупљање дуж целе обале Дунава до лета.");
        publish(danube, organizer, now);
        campaigns.add(danube);

        Campaign products = campaign("lokalni-proizvodi-na-pijaci", Language.SR_CYRL, organizer, now);
        products.describe("Тезге за локалне произвођаче",
                "Тражимо од Министарства пољопривреде да поједностави упис малих произвођача сира и меда у регистар.",
                "Мали произвођачи са Старе планине не могу да продају на пијацама јер је упис у регистар предуг и прескуп.",
                Optional.empty(), "Ministarstvo poljoprivrede Republike Srbije", Optional.empty(), now.plus(Duration.ofDays(30)), 12, now);
        products.petition(2_000, 500);
        products.submit(organizer, now);
        campaigns.add(products);

        Campaign closed = campaign("kulturna-ruta-knjazevac", Language.EN, organizer, now.minus(Duration.ofDays(90)));
        closed.describe("A cultural route through Knjaževac",
                "We asked the municipality of Knjaževac to sign the cross-border cultural route agreement.",
                "The route links the museums of Knjaževac, Zaječar and Vidin with one ticket and one map.",
                municipalities.byCode("knjazevac"), null, Optional.empty(), now.minus(Duration.ofDays(10)), 6, now.minus(Duration.ofDays(90)));
        closed.petition(500, 100);
        publish(closed, organizer, now.minus(Duration.ofDays(89)));
        closed.close(now.minus(Duration.ofDays(10)));
        campaigns.add(closed);

        Campaign draft = campaign("ekoturizam-stara-planina", Language.SR_LATN, organizer, now);
        draft.describe("Ekoturizam na Staroj planini", "Tražimo obeležene staze i informativne table.",
                "Nacrt kampanje.", municipalities.byCode("knjazevac"), null, Optional.empty(), now.plus(Duration.ofDays(90)), 6, now);
        campaigns.add(draft);

        seedSignatures(trail, BIG_PETITION_SIGNATURES, now);
        seedSignatures(danube, 640, now);
        seedSignatures(closed, 180, now.minus(Duration.ofDays(20)));
        LOG.info(() -> "Demo campaigns created; " + BIG_PETITION_SIGNATURES + " demo signatures are being counted");
    }

    /**
     * Confirmed demo signatures, without names or addresses (as if anonymized), spread over the
     * municipalities and a few other countries; the counting job counts them.
     */
    private void seedSignatures(Campaign campaign, int count, Instant now) {
        List<Municipality> all = municipalities.all();
        String[] elsewhere = {"DE", "AT", "RO", "MK"};
        StringBuilder sql = new StringBuilder();
        int inBatch = 0;
        for (int i = 0; i < count; i++) {
            if (inBatch == 0) {
                sql.setLength(0);
                sql.append("INSERT INTO signature (campaign_id, municipality_id, country, consent_updates, share_name, created_at, ")
                        .append("confirmed_at, held, counted, anonymized) VALUES ");
            } else {
                sql.append(", ");
            }
            Instant at = now.minus(Duration.ofMinutes((long) (count - i) * 3));
            String time = "'" + at.toString().replace("T", " ").replace("Z", "") + "'";
            if (i % 25 == 24) {
                sql.append("(").append(campaign.id()).append(", NULL, '").append(elsewhere[i % elsewhere.length]).append("', ");
            } else {
                Municipality m = all.get((int) ((i * 7L + i / 3) % all.size()));
                sql.append("(").append(campaign.id()).append(", ").append(m.id()).append(", '").append(m.country().name()).append("', ");
            }
            sql.append("FALSE, FALSE, ").append(time).append(", ").append(time).append(", FALSE, FALSE, TRUE)");
            inBatch++;
            if (inBatch == 1000 || i == count - 1) {
                em.createNativeQuery(sql.toString()).executeUpdate();
                inBatch = 0;
            }
        }
    }

    private void publish(Campaign campaign, Account organizer, Instant now) {
        campaign.submit(organizer, now);
        campaign.approve(now);
    }

    private Campaign campaign(String slug, Language language, Account organizer, Instant now) {
        Campaign campaign = new Campaign(slug, organizer, language, now);
        campaign.markDemo();
        return campaign;
    }

    private Account demo(String email) {
        return org.duhbalkana.account.DemoAccounts.existing(accounts, email);
    }
}
