package org.duhbalkana.consultation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** One person's flag on a comment, with the reason; the key makes it count once. */
@Entity
@Table(name = "comment_flag")
@IdClass(Flag.Key.class)
public class Flag {

    @Id
    @Column(name = "comment_id")
    private long commentId;

    @Id
    @Column(name = "account_id")
    private long accountId;

    @Column(name = "reason", nullable = false, length = 500)
    private String reason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Flag() {
    }

    Flag(long commentId, long accountId, String reason, Instant createdAt) {
        this.commentId = commentId;
        this.accountId = accountId;
        this.reason = reason;
        this.createdAt = createdAt;
    }

    public String reason() {
        return reason;
    }

    public long accountId() {
        return accountId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Composite key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private long commentId;
        private long accountId;

        public Key() {
        }

        public Key(long commentId, long accountId) {
            this.commentId = commentId;
            this.accountId = accountId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.commentId == commentId && k.accountId == accountId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(commentId, accountId);
        }
    }
}
