package org.duhbalkana.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A mail the platform sends, kept until delivered (and, without an SMTP server, for the dev outbox). */
@Entity
@Table(name = "mail_message")
public class MailMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "recipient", nullable = false, length = 254)
    private String recipient;

    @Column(name = "subject", nullable = false, length = 300)
    private String subject;

    @Column(name = "body")
    private String body;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    /** When the next delivery attempt may be made (null: at once). */
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    /** What the mail is about (such as {@code campaign:12}), so it can be deleted with that context's personal data. */
    @Column(name = "topic", length = 40)
    private String topic;

    protected MailMessage() {
    }

    MailMessage(String recipient, String subject, String body, Instant createdAt) {
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.createdAt = createdAt;
    }

    MailMessage(String topic, String recipient, String subject, String body, Instant createdAt) {
        this(recipient, subject, body, createdAt);
        this.topic = topic;
    }

    public Long getId() {
        return id;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getTopic() {
        return topic;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    /** Delivered: the body (which may hold a single-use link) is not kept. */
    void delivered(Instant now) {
        sentAt = now;
        body = null;
    }

    void failedAttempt() {
        attempts++;
    }

    int attempts() {
        return attempts;
    }

    Instant nextAttemptAt() {
        return nextAttemptAt;
    }
}
