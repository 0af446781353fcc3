package org.duhbalkana.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportDocumentsTest {

    @Test
    void whatPeopleWriteNeverBecomesMarkupInThePdf() {
        assertThat(ReportDocuments.escape("<script>alert(\"x\")</script> & <b>")).isEqualTo(
                "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;");
        assertThat(ReportDocuments.escape("nul\u0000 and\nline")).isEqualTo("nul and\nline");
    }

    @Test
    void noCellOfTheCsvIsReadAsAFormula() {
        assertThat(ReportDocuments.cell("=HYPERLINK(\"http://evil\")")).startsWith("'=");
        assertThat(ReportDocuments.cell("+1")).isEqualTo("'+1");
        assertThat(ReportDocuments.cell("Podržavam.")).isEqualTo("Podržavam.");
        assertThat(ReportDocuments.cell("")).isEmpty();
    }
}
