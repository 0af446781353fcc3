package org.duhbalkana.campaign;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import org.duhbalkana.notification.Mail;

/**
 * A mail to every confirmed signer of a petition who asked for updates (an organizer's update,
 * the official response), written to the outbox in batches by {@link CampaignMailings}. It keeps
 * the last signature mailed, in the order of their ids, so each batch takes up where the last
 * one committed.
 */
@Entity
@Table(name = "campaign_mailing")
public class CampaignMailing {

    public static final int MAX_FAILURES = 5;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "campaign_id", nullable = false)
    private Campaign campaign;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 30)
    private Mail kind;

    @Column(name = "body", nullable = false)
    private String body;

    @Column(name = "mailed", nullable = false)
    private int mailed;

    @Column(name = "last_signature", nullable = false)
    private long lastSignature;

    /** Batches that failed; at {@link #MAX_FAILURES} the mailing is set aside for someone to look at. */
    @Column(name = "failures", nullable = false)
    private int failures;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected CampaignMailing() {
        // for JPA
    }

    /** The batches mail whoever consents when they run. */
    CampaignMailing(Campaign campaign, Mail kind, String body, Instant now) {
        this.campaign = campaign;
        this.kind = kind;
        this.body = body;
        this.createdAt = now;
    }

    public Long id() {
        return id;
    }

    public Campaign campaign() {
        return campaign;
    }

    public Mail kind() {
        return kind;
    }

    public String body() {
        return body;
    }

    public int mailed() {
        return mailed;
    }

    long lastSignature() {
        return lastSignature;
    }

    public Optional<Instant> finishedAt() {
        return Optional.ofNullable(finishedAt);
    }

    public int failures() {
        return failures;
    }

    void batchFailed() {
        failures++;
    }

    /** A batch was written up to this signature; the last batch (a short one) finishes the mailing. */
    void batchWritten(long lastSignatureId, int count, boolean last, Instant now) {
        this.lastSignature = Math.max(lastSignature, lastSignatureId);
        this.mailed += count;
        if (last) {
            this.finishedAt = now;
        }
    }
}
