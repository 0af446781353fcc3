package org.duhbalkana.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Attachments are PDFs by their content, at most 10 MB, with names that carry no path. */
class AttachmentTest {

    private static byte[] pdf(int size) {
        byte[] content = new byte[size];
        Arrays.fill(content, (byte) ' ');
        byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] tail = "\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(head, 0, content, 0, head.length);
        System.arraycopy(tail, 0, content, size - tail.length, tail.length);
        return content;
    }

    @Test
    void onlyAPdfOfAtMostTenMegabytesIsTaken() {
        assertThatCode(() -> Attachment.requirePdf(pdf(2048))).doesNotThrowAnyException();
        assertThatCode(() -> Attachment.requirePdf(pdf((int) Attachment.MAX_BYTES))).doesNotThrowAnyException();
        assertThatThrownBy(() -> Attachment.requirePdf(pdf((int) Attachment.MAX_BYTES + 1))).hasMessage("attachment.error.tooBig");
        assertThatThrownBy(() -> Attachment.requirePdf(new byte[0])).hasMessage("attachment.error.empty");
        assertThatThrownBy(() -> Attachment.requirePdf("Ovo nije PDF.".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("attachment.error.notPdf");
        // A PDF's name on an executable's content is not enough, nor a PDF header with nothing after it.
        assertThatThrownBy(() -> Attachment.requirePdf("MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1)))
                .hasMessage("attachment.error.notPdf");
        assertThatThrownBy(() -> Attachment.requirePdf("%PDF-1.7 truncated".getBytes(StandardCharsets.ISO_8859_1)))
                .hasMessage("attachment.error.notPdf");
    }

    @Test
    void namesLoseTheirPathsAndOddCharactersAndEndInPdf() {
        assertThat(Attachment.cleanName("C:\\Documents\\Plan Zaječar 2027.pdf")).isEqualTo("Plan Zaječar 2027.pdf");
        assertThat(Attachment.cleanName("Staza Zaječar–Vidin.pdf")).isEqualTo("Staza Zaječar–Vidin.pdf");
        assertThat(Attachment.cleanName("../../etc/passwd.PDF")).isEqualTo("passwd.pdf");
        assertThat(Attachment.cleanName("<b>Plan</b> (nacrt).pdf")).isEqualTo("b_ (nacrt).pdf");
        assertThat(Attachment.cleanName("Plan <i>nacrt</i>.pdf")).isEqualTo("i_.pdf");
        assertThat(Attachment.cleanName("Plan \"nacrt\" &amp; mapa.pdf")).isEqualTo("Plan _nacrt_ _amp_ mapa.pdf");
        assertThat(Attachment.cleanName(".htaccess")).isEqualTo("htaccess.pdf");
        assertThat(Attachment.cleanName("")).isEqualTo("document.pdf");
        assertThat(Attachment.cleanName(null)).isEqualTo("document.pdf");
        assertThat(Attachment.cleanName("a".repeat(500) + ".pdf")).hasSize(Attachment.MAX_NAME);
    }
}
