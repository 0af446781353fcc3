package org.duhbalkana.testing;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The application's persistence unit on EclipseLink outside a server, for persistence tests:
 * the same entities and mappings, with local transactions over a test database.
 */
public final class Jpa implements AutoCloseable {

    private final EntityManagerFactory factory;

    public Jpa(DataSource dataSource) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        properties.put("jakarta.persistence.jtaDataSource", null);
        properties.put("jakarta.persistence.nonJtaDataSource", dataSource);
        properties.put("eclipselink.target-server", "None");
        properties.put("eclipselink.logging.level", "WARNING");
        // Tests migrate their databases themselves; the server's start-up checks need MicroProfile Config.
        properties.put("eclipselink.session.customizer", NoCustomizer.class.getName());
        this.factory = Persistence.createEntityManagerFactory("consultation", properties);
    }

    /** Runs the work in one transaction and commits it. */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    public void run(Consumer<EntityManager> work) {
        inTransaction(em -> {
            work.accept(em);
            return null;
        });
    }

    @Override
    public void close() {
        factory.close();
    }

    /** Takes the place of the server's start-up customizer. */
    public static final class NoCustomizer implements org.eclipse.persistence.config.SessionCustomizer {
        @Override
        public void customize(org.eclipse.persistence.sessions.Session session) {
            // nothing: the test has migrated its database
        }
    }
}
