package org.duhbalkana.consultation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.duhbalkana.account.Account;

/**
 * A PDF attached to a round (a study, a map, the draft as the municipality printed it): at most
 * 10 MB, and a PDF by its content, not only by its name. The file is kept by a random name; the
 * name people see is cleaned of paths and odd characters.
 */
@Entity
@Table(name = "round_attachment")
public class Attachment implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    public static final long MAX_BYTES = 10L * 1024 * 1024;
    public static final int MAX_NAME = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "round_id", nullable = false)
    private ConsultationRound round;

    @Column(name = "file_name", nullable = false, length = MAX_NAME)
    private String fileName;

    @Column(name = "stored_name", nullable = false, length = 36)
    private String storedName;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "uploaded_by", nullable = false)
    private Account uploadedBy;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    protected Attachment() {
        // for JPA
    }

    /** Checks the file and names it; the caller stores the bytes under {@link #storedName()}. */
    Attachment(ConsultationRound round, String fileName, byte[] content, Account by, Instant now) {
        requirePdf(content);
        this.round = round;
        this.fileName = cleanName(fileName);
        this.storedName = UUID.randomUUID().toString();
        this.sizeBytes = content.length;
        this.uploadedBy = by;
        this.uploadedAt = now;
    }

    /** A PDF by its content: it starts with {@code %PDF-} and ends with {@code %%EOF}; at most 10 MB; not empty. */
    public static void requirePdf(byte[] content) {
        if (content == null || content.length == 0) {
            throw new ConsultationRuleBroken("attachment.error.empty");
        }
        if (content.length > MAX_BYTES) {
            throw new ConsultationRuleBroken("attachment.error.tooBig", 10);
        }
        String head = new String(content, 0, Math.min(8, content.length), StandardCharsets.ISO_8859_1);
        int tailFrom = Math.max(0, content.length - 1024);
        String tail = new String(content, tailFrom, content.length - tailFrom, StandardCharsets.ISO_8859_1);
        if (!head.startsWith("%PDF-") || !tail.contains("%%EOF")) {
            throw new ConsultationRuleBroken("attachment.error.notPdf");
        }
    }

    /** The name without any path, with letters, digits, dashes, spaces, dots, underscores and parentheses only, ending in .pdf. */
    static String cleanName(String name) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).strip();
        base = base.replaceAll("[^\\p{L}\\p{N}\\p{Pd} ._()]", "_").replaceAll("^\\.+", "");
        if (base.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf")) {
            base = base.substring(0, base.length() - 4);
        }
        if (base.isBlank()) {
            base = "document";
        }
        if (base.length() > MAX_NAME - 4) {
            base = base.substring(0, MAX_NAME - 4);
        }
        return base + ".pdf";
    }

    public Long id() {
        return id;
    }

    public ConsultationRound round() {
        return round;
    }

    public String fileName() {
        return fileName;
    }

    public String storedName() {
        return storedName;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public Instant uploadedAt() {
        return uploadedAt;
    }
}
