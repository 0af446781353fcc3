package org.duhbalkana.consultation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A person following a round: mailed when it opens, closes and when its report is published. */
@Entity
@Table(name = "round_follow")
@IdClass(Follow.Key.class)
public class Follow {

    @Id
    @Column(name = "round_id")
    private long roundId;

    @Id
    @Column(name = "account_id")
    private long accountId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Follow() {
    }

    Follow(long roundId, long accountId, Instant createdAt) {
        this.roundId = roundId;
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
        private long roundId;
        private long accountId;

        public Key() {
        }

        public Key(long roundId, long accountId) {
            this.roundId = roundId;
            this.accountId = accountId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.roundId == roundId && k.accountId == accountId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(roundId, accountId);
        }
    }
}
