package org.duhbalkana.platform.throttle;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.duhbalkana.platform.Secrets;

/**
 * The secret the throttle keys its hashes with: 256 random bits made at the site's first start and
 * kept in the database ({@code site_secret}), so that every instance hashes alike. Two instances
 * that start together both try to store one; the second insert fails on the key and that instance
 * reads the first one's.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ThrottleSecret {

    static final String NAME = "throttle";

    @PersistenceContext(unitName = "consultation")
    EntityManager em;

    @Inject
    Clock clock;

    /** The key, made and stored if there is none yet. */
    public byte[] key() {
        return read(em).orElseGet(() -> {
            em.createNativeQuery("INSERT INTO site_secret (name, secret, created_at) VALUES (?, ?, ?)")
                    .setParameter(1, NAME).setParameter(2, Secrets.newSecret())
                    .setParameter(3, java.sql.Timestamp.from(clock.instant())).executeUpdate();
            return read(em).orElseThrow();
        });
    }

    static java.util.Optional<byte[]> read(EntityManager em) {
        @SuppressWarnings("unchecked")
        List<Object> found = em.createNativeQuery("SELECT secret FROM site_secret WHERE name = ?").setParameter(1, NAME)
                .getResultList();
        return found.stream().findFirst().map(value -> Base64.getUrlDecoder().decode(value.toString()));
    }
}
