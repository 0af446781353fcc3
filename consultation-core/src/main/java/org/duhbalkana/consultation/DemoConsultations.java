package org.duhbalkana.consultation;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.duhbalkana.account.Account;
import org.duhbalkana.account.AccountRepository;
import org.duhbalkana.account.Municipality;
import org.duhbalkana.account.MunicipalityRepository;
import org.duhbalkana.platform.config.Settings;
import org.duhbalkana.text.Language;

/**
 * With {@code DEMO} on: a few consultation rounds in different states, drawn from the
 * association's aims (cross-border tourism, local products, inter-municipal cooperation), in
 * Serbian (both scripts), Bulgarian and English; one of them with 5,000 comments. Created once,
 * marked as demo content (their comments go with them when {@code DEMO_PURGE} deletes them).
 */
@Singleton
@Startup
@DependsOn("DemoAccounts")
public class DemoConsultations {

    /** The round with thousands of comments, for trying the pages and the benchmarks. */
    public static final String BIG_ROUND = "lokalni-proizvodi-2027";
    public static final int BIG_ROUND_COMMENTS = 5_000;

    private static final Logger LOG = Logger.getLogger(DemoConsultations.class.getName());

    @PersistenceContext(unitName = "consultation")
    EntityManager em;

    @Inject
    Settings settings;

    @Inject
    ConsultationRepository rounds;

    @Inject
    AccountRepository accounts;

    @Inject
    MunicipalityRepository municipalities;

    @Inject
    Clock clock;

    @PostConstruct
    void seed() {
        if (!settings.demo() || rounds.bySlug(BIG_ROUND).isPresent()) {
            return;
        }
        Instant now = clock.instant();
        Account organizer = demo("reviewer.zajecar@demo.example");
        List<Account> people = List.of(demo("citizen@demo.example"), demo("gragjanin@demo.example"),
                demo("organizer@demo.example"), demo("moderator@demo.example"));

        ConsultationRound tourism = round("prekogranicni-turizam-2027", Language.SR_LATN, organizer, now,
                "Program prekograničnog turizma Zaječar–Vidin 2027",
                "Nacrt zajedničkog programa dve opštine za razvoj turizma uz granicu: staze, informacije na oba jezika i zajednička promocija.",
                Set.of("turizam", "prekogranična saradnja"), "zajecar", "vidin");
        tourism.addSection("Predmet programa", "Program uređuje zajedničke mere opština Zaječar i Vidin za razvoj turizma u pograničnom području u 2027. godini.");
        tourism.addSection("Pešačke i biciklističke staze", "Opštine zajednički obeležavaju stazu od Felix Romuliane do tvrđave Baba Vida, sa oznakama na srpskom i bugarskom jeziku.");
        tourism.addSection("Informacije za posetioce", "Turističke organizacije razmenjuju podatke o smeštaju i manifestacijama i objavljuju ih na oba jezika.");
        tourism.addSection("Finansiranje", "Mere se finansiraju iz budžeta opština i iz programa prekogranične saradnje Srbija–Bugarska.");
        tourism.translate(Language.EN, "Cross-border tourism programme Zaječar–Vidin 2027",
                "A draft joint programme of the two municipalities for tourism along the border: trails, information in both languages and joint promotion.");
        // A joint round: Zaječar's reviewer named Vidin, and Vidin's reviewer accepted (both consent).
        tourism.namedBy(organizer, now);
        tourism.accept(municipalities.byCode("vidin").orElseThrow(), demo("reviewer.vidin@demo.example"), now);
        tourism.schedule(now, now.plus(Duration.ofDays(40)), null, now);
        tourism.advance(now);

        ConsultationRound products = round(BIG_ROUND, Language.SR_CYRL, demo("reviewer.zajecar@demo.example"), now,
                "Одлука о подршци локалним производима 2027",
                "Нацрт одлуке о подршци произвођачима хране и заната: пијаце, ознака порекла и заједнички наступ на сајмовима.",
                Set.of("локални производи", "пољопривреда"), "zajecar");
        products.addSection("Предмет одлуке", "Одлуком се уређују мере подршке локалним произвођачима хране и заната на територији општине.");
        products.addSection("Пијаце и продаја", "Општина уступа простор на градској пијаци произвођачима са подручја општине без накнаде током викенда.");
        products.addSection("Ознака порекла", "Уводи се заједничка ознака „Произведено у Тимочкој крајини“ за производе који испуњавају услове.");
        products.addSection("Сајмови", "Општина финансира заједнички наступ произвођача на сајмовима у Србији и Бугарској.");
        products.translate(Language.EN, "Decision on support for local products 2027",
                "A draft decision on support for food and craft producers: markets, a mark of origin and a joint presence at fairs.");
        products.translate(Language.BG, "Решение за подкрепа на местните продукти 2027",
                "Проект на решение за подкрепа на производителите на храни и занаяти: пазари, знак за произход и общо участие в панаири.");
        products.schedule(now, now.plus(Duration.ofDays(30)), null, now);
        products.advance(now);

        Instant past = now.minus(Duration.ofDays(60));
        ConsultationRound cooperation = round("medjuopstinska-saradnja-bor-negotin", Language.SR_LATN,
                demo("admin@demo.example"), past, "Sporazum o međuopštinskoj saradnji Bor–Negotin",
                "Nacrt sporazuma o zajedničkom obavljanju poslova komunalne inspekcije.",
                Set.of("međuopštinska saradnja"), "bor", "negotin");
        cooperation.addSection("Predmet sporazuma", "Opštine Bor i Negotin zajednički obavljaju poslove komunalne inspekcije.");
        cooperation.addSection("Troškovi", "Troškove snose opštine srazmerno broju stanovnika.");
        cooperation.schedule(past, past.plus(Duration.ofDays(20)), null, past);
        cooperation.advance(past);

        Instant earlier = now.minus(Duration.ofDays(90));
        ConsultationRound danube = round("dunavski-park-vidin", Language.BG, demo("reviewer.vidin@demo.example"), earlier,
                "Наредба за крайдунавския парк във Видин",
                "Проект на наредба за ползването и поддръжката на крайдунавския парк.",
                Set.of("обществени пространства"), "vidin");
        danube.addSection("Предмет", "Наредбата урежда ползването и поддръжката на крайдунавския парк.");
        danube.addSection("Работно време", "Паркът е отворен за посетители от 6:00 до 23:00 часа.");
        danube.translate(Language.SR_LATN, "Odluka o priobalnom parku uz Dunav u Vidinu",
                "Nacrt odluke o korišćenju i održavanju parka uz Dunav.");
        danube.translate(Language.EN, "Regulation on the Danube riverside park in Vidin",
                "A draft regulation on the use and upkeep of the riverside park.");
        danube.schedule(earlier, earlier.plus(Duration.ofDays(30)), null, earlier);
        danube.advance(earlier);

        ConsultationRound draft = round("kladovo-riverside-draft", Language.EN, demo("admin@demo.example"), now,
                "Kladovo riverside walk: draft plan", "A draft plan for the riverside walk, not yet public.",
                Set.of(), "kladovo");
        draft.addSection("Purpose", "The plan sets out the route of the riverside walk.");

        for (ConsultationRound r : List.of(tourism, products, cooperation, danube, draft)) {
            r.markDemo();
            rounds.add(r);
        }

        comment(tourism, people.get(0), 2, Stance.SUPPORTS, "Odlična ideja. Predlažem da se na stazi postave i table sa mapom na oba jezika.", now);
        comment(tourism, people.get(1), 3, Stance.SUPPORTS, "Подкрепям. Информацията трябва да е и на английски за чуждестранните туристи.", now);
        comment(tourism, people.get(2), 4, Stance.OPPOSES, "Nije jasno koliko će koštati održavanje staze posle 2027. godine.", now);
        comment(tourism, people.get(0), 0, Stance.NEUTRAL, "Da li će se održati javna rasprava i u Vidinu?", now);

        for (int i = 0; i < 3; i++) {
            comment(cooperation, people.get(i), 1 + i % 2, i == 1 ? Stance.OPPOSES : Stance.SUPPORTS,
                    List.of("Zajednička inspekcija je korak napred.", "Troškove treba deliti prema broju predmeta, ne stanovnika.",
                            "Podržavam, uz godišnji izveštaj o radu.").get(i), past.plus(Duration.ofDays(2)));
        }
        cooperation.advance(now);

        Account vidinReviewer = demo("reviewer.vidin@demo.example");
        Comment a = comment(danube, people.get(1), 2, Stance.OPPOSES, "Паркът трябва да е отворен до полунощ през лятото.", earlier.plus(Duration.ofDays(1)));
        Comment b = comment(danube, people.get(0), 1, Stance.SUPPORTS, "Podržavam uređenje parka, lepo je šetati uz Dunav.", earlier.plus(Duration.ofDays(2)));
        danube.advance(now);
        a.answer(Disposition.PARTLY_ACCEPTED, "Приема се частично: от юни до август паркът ще е отворен до 24:00.", vidinReviewer, now);
        b.answer(Disposition.ACCEPTED, null, vidinReviewer, now);
        em.flush();
        danube.publishReport(rounds.unanswered(danube), now);

        seedManyComments(products, people, now);
        LOG.info(() -> "Demo consultations: 5 rounds created, one with " + BIG_ROUND_COMMENTS + " comments");
    }

    /** Thousands of comments for the big round, flushed in batches to keep memory flat. */
    private void seedManyComments(ConsultationRound round, List<Account> people, Instant now) {
        String[] texts = {
            "Подржавам предлог, али треба прецизирати ко може да добије простор на пијаци.",
            "Predlažem da se ozna­ka porekla dodeljuje i zanatlijama iz susednih opština.",
            "Предлагам общината да покани и производители от Видинска област на панаирите.",
            "Ознака порекла мора да има јасне услове и контролу квалитета.",
            "Nisam saglasan da se prostor daje bez naknade; mala naknada bi pokrila troškove održavanja.",
            "Сајмови у Бугарској су добра прилика за извоз меда и вина.",
            "Da li će pijaca raditi i nedeljom?",
        };
        Stance[] stances = Stance.values();
        // Written before the demo starts (their round is open already): comments of the last ten
        // minutes count against their authors' limit, and the demo accounts must be free to comment.
        Instant at = now.minus(Duration.ofMinutes(20));
        for (int i = 0; i < BIG_ROUND_COMMENTS; i++) {
            Account author = people.get(i % people.size());
            Comment c = round.comment(author, round.section(1 + i % 4), stances[i % 3],
                    texts[i % texts.length].replace("\u00ad", "") + " (" + (i + 1) + ")", at);
            em.persist(c);
            if (i % 500 == 499) {
                em.flush();
            }
        }
        em.flush();
    }

    private ConsultationRound round(String slug, Language language, Account creator, Instant now, String title,
            String summary, Set<String> tags, String... organizerCodes) {
        Set<Municipality> organizers = new HashSet<>();
        for (String code : organizerCodes) {
            organizers.add(municipalities.byCode(code).orElseThrow());
        }
        ConsultationRound round = new ConsultationRound(slug, title, summary, language, organizers, creator, now);
        round.describe(title, summary, tags);
        return round;
    }

    private Comment comment(ConsultationRound round, Account author, int section, Stance stance, String text, Instant at) {
        Comment c = round.comment(author, section == 0 ? Optional.empty() : round.section(section), stance, text, at);
        rounds.add(c);
        return c;
    }

    private Account demo(String email) {
        return org.duhbalkana.account.DemoAccounts.existing(accounts, email);
    }
}
