package org.duhbalkana.consultation;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person following a round: mailed when it opens, closes and when its report is published. */
@Entity
@Table(name = "round_follow")
@AttributeOverride(name = "subjectId", column = @Column(name = "round_id"))
public class Follow extends AccountMark {

    protected Follow() {
    }

    Follow(long roundId, long accountId, Instant createdAt) {
        super(roundId, accountId, createdAt);
    }
}
