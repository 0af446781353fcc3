package org.duhbalkana.platform.throttle;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Attempts counted for one subject within a window. The subject is a keyed hash; the row goes once
 * its window has ended ({@code expires_at}), when it no longer holds anyone back.
 */
@Entity
@Table(name = "throttle")
@IdClass(ThrottleEntry.Key.class)
public class ThrottleEntry {

    @Id
    @Column(name = "scope", length = 20)
    private String scope;

    @Id
    @Column(name = "subject", length = 64)
    private String subject;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "window_start", nullable = false)
    private Instant windowStart;

    @Column(name = "last_attempt", nullable = false)
    private Instant lastAttempt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Version
    @Column(name = "version", nullable = false)
    private int version;

    protected ThrottleEntry() {
    }

    ThrottleEntry(String scope, String subject, Instant now, Duration window) {
        this.scope = scope;
        this.subject = subject;
        this.windowStart = now;
        this.lastAttempt = now;
        this.expiresAt = now.plus(window);
    }

    Instant expiresAt() {
        return expiresAt;
    }

    int attempts() {
        return attempts;
    }

    Instant windowStart() {
        return windowStart;
    }

    Instant lastAttempt() {
        return lastAttempt;
    }

    /** Counts an attempt, starting a new window when the old one has passed. */
    void count(Instant now, Duration window) {
        if (windowStart.plus(window).isBefore(now)) {
            attempts = 0;
            windowStart = now;
        }
        attempts++;
        lastAttempt = now;
        expiresAt = windowStart.plus(window);
    }

    /** Takes back one attempt (one that turned out to be a success). */
    void refund() {
        if (attempts > 0) {
            attempts--;
        }
    }

    boolean expired(Instant now, Duration window) {
        return windowStart.plus(window).isBefore(now);
    }

    /** Composite key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String scope;
        private String subject;

        public Key() {
        }

        public Key(String scope, String subject) {
            this.scope = scope;
            this.subject = subject;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(scope, k.scope) && Objects.equals(subject, k.subject);
        }

        @Override
        public int hashCode() {
            return Objects.hash(scope, subject);
        }
    }
}
