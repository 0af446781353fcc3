package org.duhbalkana.consultation;

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
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import org.duhbalkana.account.Municipality;

/**
 * Whether an organizing municipality takes part in a round: a municipality named by a reviewer who
 * is not one of its own is invited, and takes part only once one of its reviewers accepts. Each
 * municipality that takes part signs the report before it is published.
 */
@Entity
@Table(name = "round_consent")
public class OrganizerConsent {

    /** Where an organizer's consent stands. */
    public enum Status {
        INVITED,
        ACCEPTED,
        DECLINED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "round_id")
    private ConsultationRound round;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "municipality_id")
    private Municipality municipality;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 10)
    private Status status;

    @Column(name = "invited_by", nullable = false)
    private Long invitedBy;

    @Column(name = "invited_at", nullable = false)
    private Instant invitedAt;

    @Column(name = "answered_by")
    private Long answeredBy;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Column(name = "signed_by")
    private Long signedBy;

    @Column(name = "signed_at")
    private Instant signedAt;

    @Version
    @Column(name = "version", nullable = false)
    private int version;

    protected OrganizerConsent() {
    }

    OrganizerConsent(ConsultationRound round, Municipality municipality, Status status, long by, Instant now) {
        this.round = round;
        this.municipality = municipality;
        this.status = status;
        this.invitedBy = by;
        this.invitedAt = now;
        if (status != Status.INVITED) {
            this.answeredBy = by;
            this.answeredAt = now;
        }
    }

    void answer(Status answer, long by, Instant now) {
        this.status = answer;
        this.answeredBy = by;
        this.answeredAt = now;
    }

    void sign(long by, Instant now) {
        this.signedBy = by;
        this.signedAt = now;
    }

    void unsign() {
        this.signedBy = null;
        this.signedAt = null;
    }

    public Municipality municipality() {
        return municipality;
    }

    public Status status() {
        return status;
    }

    public boolean isAccepted() {
        return status == Status.ACCEPTED;
    }

    public boolean isSigned() {
        return signedAt != null;
    }

    public long invitedBy() {
        return invitedBy;
    }

    public Instant invitedAt() {
        return invitedAt;
    }

    public Optional<Long> answeredBy() {
        return Optional.ofNullable(answeredBy);
    }

    public Optional<Instant> answeredAt() {
        return Optional.ofNullable(answeredAt);
    }

    public Optional<Long> signedBy() {
        return Optional.ofNullable(signedBy);
    }

    public Optional<Instant> signedAt() {
        return Optional.ofNullable(signedAt);
    }

    public ConsultationRound round() {
        return round;
    }
}
