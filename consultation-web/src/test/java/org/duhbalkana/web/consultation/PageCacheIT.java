package org.duhbalkana.web.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.duhbalkana.account.DemoAccounts;
import org.duhbalkana.web.testing.RunningSite;
import org.duhbalkana.web.testing.WebSession;
import org.duhbalkana.web.testing.WebSession.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The short-lived copy of public round pages and comment pages (PAGE_CACHE_SECONDS): a visitor
 * who is not signed in reads a copy at most that old, per language, and writes no session;
 * signed-in people always read the page as it is.
 */
class PageCacheIT {

    private static final String ROUND = "/consultations/view.xhtml?slug=prekogranicni-turizam-2027";
    private static final String API = "/api/consultations/prekogranicni-turizam-2027/comments?limit=50";
    private static final int SECONDS = 5;

    private static RunningSite site;

    @BeforeAll
    static void start() {
        site = RunningSite.configured("page-cache", Map.of("DEMO", "true", "PAGE_CACHE_SECONDS", Integer.toString(SECONDS))).start();
    }

    @AfterAll
    static void stop() {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void visitorsReadACopyAtMostAFewSecondsOldAndSignedInPeopleThePageAsItIs() throws InterruptedException {
        String text = "Predlažem besplatan autobus do granice vikendom.";
        WebSession citizen = WebSession.signedIn(site, "citizen@demo.example", DemoAccounts.PASSWORD);
        Page form = citizen.get(ROUND);
        WebSession visitor = new WebSession(site, "sr-Latn");
        WebSession cyrillic = new WebSession(site, "sr-Cyrl");

        Page before = visitor.get(ROUND);
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.header("set-cookie")).as("reading a round writes no session").isNull();
        String apiBefore = visitor.get(API).body();
        long start = System.nanoTime();

        Page commented = citizen.submit(form, "comment", Map.of("section", "1", "stance", "SUPPORTS", "text", text), "submit");
        assertThat(commented.body()).as("the author reads the page as it is").contains(text);
        assertThat(citizen.get(ROUND).body()).contains(text);

        Page kept = visitor.get(ROUND);
        Page cyrillicPage = cyrillic.get(ROUND);
        String apiKept = visitor.get(API).body();
        assertThat(System.nanoTime() - start).as("still within the copy's lifetime").isLessThan(SECONDS * 1_000_000_000L);
        assertThat(kept.body()).isEqualTo(before.body()).doesNotContain(text);
        assertThat(apiKept).isEqualTo(apiBefore);
        // each language has a copy of its own, rendered in its script
        assertThat(cyrillicPage.h1()).isEqualTo("Програм прекограничног туризма Зајечар–Видин 2027");
        assertThat(kept.h1()).isEqualTo("Program prekograničnog turizma Zaječar–Vidin 2027");

        Thread.sleep(SECONDS * 1000L + 500);
        assertThat(visitor.get(ROUND).body()).contains(text);
        assertThat(visitor.get(API).body()).contains(text);
        assertThat(cyrillic.get(ROUND).body()).contains("Предлажем бесплатан аутобус до границе викендом.");
        // a page that is not there is never kept
        assertThat(visitor.get("/consultations/view.xhtml?slug=no-such-round").status()).isEqualTo(404);
        assertThat(visitor.get("/consultations/view.xhtml?slug=no-such-round").status()).isEqualTo(404);
    }
}
