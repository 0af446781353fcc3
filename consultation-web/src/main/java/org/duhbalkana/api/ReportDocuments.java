package org.duhbalkana.api;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.ResourceBundle;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.duhbalkana.consultation.CommentView;
import org.duhbalkana.consultation.ConsultationReader;
import org.duhbalkana.consultation.ConsultationRound;
import org.duhbalkana.consultation.Disposition;
import org.duhbalkana.consultation.Section;
import org.duhbalkana.text.Language;
import org.duhbalkana.web.consultation.RoundText;
import org.duhbalkana.web.platform.Messages;

/**
 * The consultation report as a PDF (DejaVu Sans embedded, so Cyrillic and Latin print right) and
 * as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the Cyrillic). Everything a
 * person wrote is escaped before it goes into the PDF's markup.
 */
final class ReportDocuments {

    private static final String FONT = "net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf";
    private static final String BOLD = "net/sf/jasperreports/fonts/dejavu/DejaVuSans-Bold.ttf";

    private ReportDocuments() {
    }

    static byte[] pdf(ConsultationReader.Report report, Language reader) {
        ResourceBundle text = ResourceBundle.getBundle(Messages.BUNDLE, reader.locale(), ReportDocuments.class.getClassLoader());
        ConsultationRound round = report.round();
        StringBuilder html = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <html xmlns="http://www.w3.org/1999/xhtml"><head><meta charset="UTF-8"/><style>
                @page { size: A4; margin: 18mm; }
                body { font-family: 'DejaVu Sans'; font-size: 10pt; color: #1c2430; }
                h1 { font-size: 16pt; } h2 { font-size: 12pt; margin-top: 14pt; border-bottom: 1px solid #999; }
                .c { margin: 6pt 0; padding: 4pt 0; border-top: 1px solid #ddd; page-break-inside: avoid; }
                .meta { color: #4a5566; } .body { white-space: pre-wrap; } .answer { background: #f3f1ec; padding: 4pt; }
                table { border-collapse: collapse; } td, th { border: 1px solid #999; padding: 2pt 6pt; }
                </style></head><body>
                """);
        html.append("<h1>").append(text.getString("report.title")).append(": ")
                .append(escape(RoundText.forReader(round.title(), round.language(), reader))).append("</h1>");
        html.append("<table><tr><th>").append(text.getString("report.totals")).append("</th><th></th></tr>");
        for (Disposition d : Disposition.values()) {
            html.append("<tr><td>").append(escape(text.getString("disposition." + d.name()))).append("</td><td>")
                    .append(report.totals().get(d)).append("</td></tr>");
        }
        html.append("</table>");
        appendPart(html, text.getString("round.wholeDraft"), comments(report, null), text, reader);
        for (Section s : round.sections()) {
            appendPart(html, text.getString("round.article") + " " + s.number() + ". "
                    + RoundText.forReader(s.heading(), round.language(), reader), comments(report, s), text, reader);
        }
        html.append("</body></html>");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFont(() -> stream(FONT), "DejaVu Sans", 400, com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> stream(BOLD), "DejaVu Sans", 700, com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.withHtmlContent(html.toString(), null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void appendPart(StringBuilder html, String heading, List<CommentView> comments, ResourceBundle text,
            Language reader) {
        if (comments.isEmpty()) {
            return;
        }
        html.append("<h2>").append(escape(heading)).append("</h2>");
        for (CommentView c : comments) {
            html.append("<div class=\"c\"><div class=\"meta\">")
                    .append(escape(c.authorDeleted() ? text.getString("round.deletedAccount") : c.author()))
                    .append(" · ").append(escape(text.getString("round.stance." + c.stance().name())))
                    .append("</div><div class=\"body\">")
                    .append(escape(c.body() == null ? text.getString("round.hiddenBecause") + " " + nz(c.hiddenReason())
                            : RoundText.commentForReader(c.body(), reader, c.asWritten())))
                    .append("</div>");
            if (c.disposition() != null) {
                html.append("<div class=\"answer\"><b>").append(escape(text.getString("disposition." + c.disposition().name())))
                        .append("</b>");
                if (c.dispositionReason() != null) {
                    html.append(": ").append(escape(c.dispositionReason()));
                }
                html.append("</div>");
            }
            html.append("</div>");
        }
    }

    static byte[] csv(ConsultationReader.Report report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.RFC4180.builder()
                .setHeader("section", "comment_id", "reply_to", "author", "stance", "status", "created_at", "text",
                        "disposition", "reason", "hidden_reason").get())) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            for (CommentView c : report.comments()) {
                csv.printRecord(c.section() == null ? "" : c.section(), c.id(), c.parentId() == null ? "" : c.parentId(),
                        cell(c.authorDeleted() ? "" : c.author()), c.stance(), c.status(),
                        DateTimeFormatter.ISO_INSTANT.format(c.createdAt()), cell(c.body() == null ? "" : c.body()),
                        c.disposition() == null ? "" : c.disposition(), cell(nz(c.dispositionReason())),
                        cell(c.isHidden() ? nz(c.hiddenReason()) : ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A cell that a spreadsheet will not read as a formula (text starting with =, +, - or @ gets a quote). */
    static String cell(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static List<CommentView> comments(ConsultationReader.Report report, Section section) {
        return report.comments().stream().filter(c -> section == null ? c.section() == null
                : c.section() != null && c.section() == section.number()).toList();
    }

    private static InputStream stream(String resource) {
        return ReportDocuments.class.getClassLoader().getResourceAsStream(resource);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Escapes text for XHTML: nothing a person wrote becomes markup. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
