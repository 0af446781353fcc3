package org.duhbalkana.consultation;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** One person's flag on a comment, with the reason; the key makes it count once. */
@Entity
@Table(name = "comment_flag")
@AttributeOverride(name = "subjectId", column = @Column(name = "comment_id"))
public class Flag extends AccountMark {

    @Column(name = "reason", nullable = false, length = 500)
    private String reason;

    protected Flag() {
    }

    Flag(long commentId, long accountId, String reason, Instant createdAt) {
        super(commentId, accountId, createdAt);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
