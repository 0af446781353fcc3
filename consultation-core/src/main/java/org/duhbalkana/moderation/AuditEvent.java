package org.duhbalkana.moderation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One privileged action: who, what, on what, when, from where. Never changed once written. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "actor_id", updatable = false)
    private Long actorId;

    @Column(name = "actor_name", nullable = false, length = 100, updatable = false)
    private String actorName;

    @Column(name = "action", nullable = false, length = 40, updatable = false)
    private String action;

    @Column(name = "subject", nullable = false, length = 200, updatable = false)
    private String subject;

    @Column(name = "details", length = 1000, updatable = false)
    private String details;

    @Column(name = "address", length = 64, updatable = false)
    private String address;

    protected AuditEvent() {
    }

    AuditEvent(Instant occurredAt, Long actorId, String actorName, String action, String subject, String details,
            String address) {
        this.occurredAt = occurredAt;
        this.actorId = actorId;
        this.actorName = cut(actorName, 100);
        this.action = action;
        this.subject = cut(subject, 200);
        this.details = details == null ? null : cut(details, 1000);
        this.address = address == null ? null : cut(address, 64);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public Long getActorId() {
        return actorId;
    }

    public String getActorName() {
        return actorName;
    }

    public String getAction() {
        return action;
    }

    public String getSubject() {
        return subject;
    }

    public String getDetails() {
        return details;
    }

    public String getAddress() {
        return address;
    }
}
