package org.duhbalkana.web.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cache structure of the page copies: bounded by bytes, least recently read first out, keyed by known parameters only. */
class PageCopiesTest {

    private static PageCopies.Copy copy(int bytes) {
        return new PageCopies.Copy(new byte[bytes], "text/html;charset=UTF-8", "en", List.of(Map.entry("Content-Disposition", "inline")), 0, 1000);
    }

    @Test
    void theCopiesNeverTakeMoreBytesThanTheBudgetAndTheLeastRecentlyReadGoFirst() {
        PageCopies copies = new PageCopies(160_000);
        // each copy weighs 9,000 bytes of body plus its key, headers and overhead: about 17 fit
        for (int i = 0; i < 17; i++) {
            assertThat(copies.put("/p?after=" + i + "|en", copy(9_000))).isTrue();
        }
        int fitted = copies.size();
        assertThat(copies.bytes()).isLessThanOrEqualTo(160_000);
        assertThat(copies.get("/p?after=0|en")).as("read now: the most recent").isNotNull();

        copies.put("/p?after=new|en", copy(9_000));

        assertThat(copies.bytes()).isLessThanOrEqualTo(160_000);
        assertThat(copies.contains("/p?after=0|en")).as("read recently, so kept").isTrue();
        assertThat(copies.contains("/p?after=1|en")).as("the least recently read, so dropped").isFalse();
        assertThat(copies.contains("/p?after=new|en")).isTrue();
        assertThat(copies.size()).isEqualTo(fitted);
    }

    @Test
    void aFloodOfDistinctPagesStaysWithinTheBudget() {
        PageCopies copies = new PageCopies(1_000_000);
        for (int i = 0; i < 10_000; i++) {
            copies.put("/consultations/view.xhtml?after=" + i + "|sr-Latn", copy(20_000 + i % 1000));
            assertThat(copies.bytes()).isLessThanOrEqualTo(1_000_000);
        }
        assertThat(copies.size()).isBetween(40, 50);
        assertThat(copies.contains("/consultations/view.xhtml?after=9999|sr-Latn")).isTrue();
    }

    @Test
    void oneLargeAnswerIsNotKeptAndDoesNotEmptyTheCache() {
        PageCopies copies = new PageCopies(1_600_000);
        copies.put("/a|en", copy(50_000));
        assertThat(copies.put("/big|en", copy(200_000))).as("over a sixteenth of the budget").isFalse();
        assertThat(copies.contains("/a|en")).isTrue();
        assertThat(copies.contains("/big|en")).isFalse();
    }

    @Test
    void replacingACopyCountsItsBytesOnce() {
        PageCopies copies = new PageCopies(1_000_000);
        copies.put("/a|en", copy(10_000));
        long once = copies.bytes();
        copies.put("/a|en", copy(10_000));
        copies.put("/a|en", copy(10_000));
        assertThat(copies.bytes()).isEqualTo(once);
        copies.remove("/a|en");
        assertThat(copies.bytes()).isZero();
        assertThat(copies.size()).isZero();
    }

    @Test
    void aZeroBudgetKeepsNothing() {
        PageCopies copies = new PageCopies(0);
        assertThat(copies.put("/a|en", copy(1))).isFalse();
        assertThat(copies.size()).isZero();
    }

    @Test
    void theKeyKeepsOnlyTheParametersThePagesReadInAFixedOrder() {
        Map<String, String[]> junk = new LinkedHashMap<>();
        junk.put("x", new String[] {"1"});
        junk.put("slug", new String[] {"vidin-park"});
        junk.put("utm_source", new String[] {"mail"});
        junk.put("after", new String[] {"120"});
        junk.put("jakarta.faces.ViewState", new String[] {"stateless"});
        Map<String, String[]> plain = new LinkedHashMap<>();
        plain.put("after", new String[] {"120"});
        plain.put("slug", new String[] {"vidin-park"});

        String withJunk = PageKey.of("/consultations/view.xhtml", PageKey.kept(junk), "bg");
        String without = PageKey.of("/consultations/view.xhtml", PageKey.kept(plain), "bg");

        assertThat(withJunk).isEqualTo(without).isEqualTo("/consultations/view.xhtml?after=120&slug=vidin-park|bg");
        assertThat(PageKey.of("/consultations/view.xhtml", PageKey.kept(plain), "en")).isNotEqualTo(without);
        assertThat(PageKey.kept(junk)).containsOnlyKeys("slug", "after");
    }

    @Test
    void aKeptParameterCannotSmuggleAnotherIntoTheKey() {
        Map<String, String[]> sneaky = Map.of("slug", new String[] {"a&section=2"});
        Map<String, String[]> plain = Map.of("slug", new String[] {"a"}, "section", new String[] {"2"});
        assertThat(PageKey.of("/p", PageKey.kept(sneaky), "en")).isNotEqualTo(PageKey.of("/p", PageKey.kept(plain), "en"));
        Map<String, String[]> twice = Map.of("slug", new String[] {"a", "b"});
        assertThat(PageKey.query(PageKey.kept(twice))).isEqualTo("slug=a&slug=b");
    }

    @Test
    void anAnswerInAnotherLanguageThanTheKeysIsNotKept() {
        String html = "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"\n      lang=\"sr-Cyrl\"><head>";
        byte[] page = html.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String pageLanguage = PageCacheFilter.answerLanguage("sr", "text/html;charset=UTF-8", page);
        assertThat(pageLanguage).as("a page's own lang counts, not the server's Content-Language").isEqualTo("sr-Cyrl");
        assertThat(PageCacheFilter.sameLanguage(pageLanguage, "sr-Cyrl", "text/html")).isTrue();
        assertThat(PageCacheFilter.sameLanguage(pageLanguage, "sr-Latn", "text/html")).isFalse();
        assertThat(PageCacheFilter.sameLanguage(PageCacheFilter.answerLanguage(null, "text/html", "<html><body>".getBytes()), "en", "text/html"))
                .as("a page that names no language").isFalse();

        assertThat(PageCacheFilter.sameLanguage(PageCacheFilter.answerLanguage("bg", "application/pdf", new byte[0]), "en", "application/pdf")).isFalse();
        assertThat(PageCacheFilter.sameLanguage(PageCacheFilter.answerLanguage("bg", "application/pdf", new byte[0]), "bg", "application/pdf")).isTrue();
        assertThat(PageCacheFilter.sameLanguage("sr", "sr-Latn", "application/pdf")).as("Serbian without a script").isTrue();
        assertThat(PageCacheFilter.sameLanguage(PageCacheFilter.answerLanguage(null, "application/json", new byte[0]), "bg", "application/json"))
                .as("data in no language").isTrue();
    }

    @Test
    void onlyTheAttachmentFormTakesMultipartBodies() {
        assertThat(MultipartGuardFilter.isMultipart("multipart/form-data; boundary=x")).isTrue();
        assertThat(MultipartGuardFilter.isMultipart(" Multipart/Mixed")).isTrue();
        assertThat(MultipartGuardFilter.isMultipart("application/x-www-form-urlencoded")).isFalse();
        assertThat(MultipartGuardFilter.isMultipart(null)).isFalse();
        assertThat(MultipartGuardFilter.UPLOAD_PAGES).containsExactly("/consultations/edit.xhtml");
    }
}
