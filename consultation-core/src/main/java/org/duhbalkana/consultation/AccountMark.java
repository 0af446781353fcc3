package org.duhbalkana.consultation;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.MappedSuperclass;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One person's mark on one thing (an endorsement or a flag on a comment, a follow of a round):
 * the pair is the key, so a person marks a thing once, whatever the races.
 */
@MappedSuperclass
@IdClass(AccountMark.Key.class)
public abstract class AccountMark {

    @Id
    @Column(name = "subject_id")
    private long subjectId;

    @Id
    @Column(name = "account_id")
    private long accountId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected AccountMark() {
    }

    protected AccountMark(long subjectId, long accountId, Instant createdAt) {
        this.subjectId = subjectId;
        this.accountId = accountId;
        this.createdAt = createdAt;
    }

    /** The comment or round marked. */
    public long subjectId() {
        return subjectId;
    }

    public long accountId() {
        return accountId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The key: what was marked, and by whom. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private long subjectId;
        private long accountId;

        public Key() {
        }

        public Key(long subjectId, long accountId) {
            this.subjectId = subjectId;
            this.accountId = accountId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.subjectId == subjectId && k.accountId == accountId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(subjectId, accountId);
        }
    }
}
