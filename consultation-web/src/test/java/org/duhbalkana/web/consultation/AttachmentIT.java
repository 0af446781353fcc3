package org.duhbalkana.web.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.duhbalkana.web.testing.Browser;
import org.duhbalkana.web.testing.Http;
import org.duhbalkana.web.testing.RunningSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * Attachments in headless Chromium: a reviewer attaches a real PDF to a round; a text file named
 * .pdf and a PDF over 10 MB are refused with a message; anyone downloads the PDF from the round's
 * page, byte for byte.
 */
class AttachmentIT {

    private static final String ROUND = "prekogranicni-turizam-2027";

    private static RunningSite site;

    @BeforeAll
    static void start() {
        site = RunningSite.configured("attachments", Map.of("DEMO", "true")).start();
    }

    @AfterAll
    static void stop() {
        if (site != null) {
            site.close();
        }
    }

    private static Path file(String name, byte[] content) throws Exception {
        Path folder = Files.createDirectories(RunningSite.output().resolve("attachments-upload"));
        return Files.write(folder.resolve(name), content);
    }

    private static byte[] realPdf() throws Exception {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.save(out);
            return out.toByteArray();
        }
    }

    private static byte[] bigPdf() {
        byte[] content = new byte[11 * 1024 * 1024];
        byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] tail = "\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(head, 0, content, 0, head.length);
        System.arraycopy(tail, 0, content, content.length - tail.length, tail.length);
        return content;
    }

    @Test
    void aReviewerAttachesAPdfAndAnyoneDownloadsIt() throws Exception {
        byte[] pdf = realPdf();
        Path good = file("Mapa staze Zaječar–Vidin.pdf", pdf);
        Path fake = file("not-really.pdf", "Ovo je tekst, ne PDF.".getBytes(StandardCharsets.UTF_8));
        Path big = file("too-big.pdf", bigPdf());

        try (Browser reviewer = new Browser()) {
            WebDriver driver = reviewer.driver();
            reviewer.signIn(site.uri("").toString(), "reviewer.zajecar@demo.example");
            driver.get(site.uri("/consultations/edit.xhtml?slug=" + ROUND).toString());

            driver.findElement(By.id("attach:file")).sendKeys(fake.toAbsolutePath().toString());
            reviewer.clickAndWaitForText(By.id("attach:upload"), By.cssSelector("#attach .form-messages"), "not a PDF");
            assertThat(driver.findElements(By.cssSelector("#attachment-list li"))).isEmpty();

            driver.findElement(By.id("attach:file")).sendKeys(big.toAbsolutePath().toString());
            reviewer.clickAndWaitForText(By.id("attach:upload"), By.cssSelector("#attach .form-messages"), "10 MB");
            assertThat(driver.findElements(By.cssSelector("#attachment-list li"))).isEmpty();

            driver.findElement(By.id("attach:file")).sendKeys(good.toAbsolutePath().toString());
            reviewer.clickAndWait(By.id("attach:upload"), By.cssSelector("#attachment-list li"));
            assertThat(driver.findElement(By.id("attachment-list")).getText()).contains("Mapa staze Zaječar–Vidin.pdf");
        }

        // Anyone sees it on the round's page and downloads the very bytes.
        String page = Http.get(site.uri("/consultations/view.xhtml?slug=" + ROUND), "Accept-Language", "en").body();
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("href=\"[^\"]*(/api/consultations/" + ROUND + "/attachments/\\d+)\"")
                .matcher(page);
        assertThat(link.find()).as("a download link on the round's page").isTrue();
        HttpResponse<byte[]> download = Http.sendBytes(HttpRequest.newBuilder(site.uri(link.group(1))).GET().build());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/pdf"));
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).startsWith("attachment"));
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(Http.get(site.uri("/api/consultations/" + ROUND + "/attachments/999999")).statusCode()).isEqualTo(404);
        assertThat(Http.get(site.uri("/api/consultations/kladovo-riverside-draft/attachments/1")).statusCode()).isEqualTo(404);
    }
}
