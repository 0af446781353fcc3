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

/** Attempts counted for one subject within a window. */
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

    @Version
    @Column(name = "version", nullable = false)
    private int version;

    protected ThrottleEntry() {
    }

    ThrottleEntry(String scope, String subject, Instant now) {
        this.scope = scope;
        this.subject = subject;
        this.windowStart = now;
        this.lastAttempt = now;
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
