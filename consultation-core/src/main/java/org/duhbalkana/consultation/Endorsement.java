package org.duhbalkana.consultation;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** One person's agreement with a comment; the key makes it count once. */
@Entity
@Table(name = "comment_endorsement")
@AttributeOverride(name = "subjectId", column = @Column(name = "comment_id"))
public class Endorsement extends AccountMark {

    protected Endorsement() {
    }

    Endorsement(long commentId, long accountId, Instant createdAt) {
        super(commentId, accountId, createdAt);
    }
}
