package org.duhbalkana.consultation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** One person's agreement with a comment; the key makes it count once. */
@Entity
@Table(name = "comment_endorsement")
@IdClass(Endorsement.Key.class)
public class Endorsement {

    @Id
    @Column(name = "comment_id")
    private long commentId;

    @Id
    @Column(name = "account_id")
    private long accountId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Endorsement() {
    }

    Endorsement(long commentId, long accountId, Instant createdAt) {
        this.commentId = commentId;
        this.accountId = accountId;
        this.createdAt = createdAt;
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
