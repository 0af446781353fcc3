package org.duhbalkana.consultation;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A document of a published report (JSON, CSV, or the PDF in one language), built once and kept,
 * with the fingerprint of what it was built from.
 */
@Entity
@Table(name = "report_document")
public class ReportDocument {

    /** The forms a report is published in. */
    public enum Kind {
        JSON, CSV, PDF
    }

    /** The language of a document that has none of its own (JSON, CSV). */
    public static final String NO_LANGUAGE = "-";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "round_id", nullable = false)
    private long roundId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 8)
    private Kind kind;

    @Column(name = "language", nullable = false, length = 8)
    private String language;

    @Column(name = "fingerprint", nullable = false, length = 64)
    private String fingerprint;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "content", nullable = false)
    private byte[] content;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(name = "built_at", nullable = false)
    private Instant builtAt;

    protected ReportDocument() {
        // for JPA
    }

    ReportDocument(long roundId, Kind kind, String language, String fingerprint, byte[] content, Instant builtAt) {
        this.roundId = roundId;
        this.kind = kind;
        this.language = language;
        replace(fingerprint, content, builtAt);
    }

    void replace(String fingerprint, byte[] content, Instant builtAt) {
        this.fingerprint = fingerprint;
        this.content = content.clone();
        this.sizeBytes = content.length;
        this.builtAt = builtAt;
    }

    public Long id() {
        return id;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public Instant builtAt() {
        return builtAt;
    }

    public byte[] content() {
        return content.clone();
    }
}
