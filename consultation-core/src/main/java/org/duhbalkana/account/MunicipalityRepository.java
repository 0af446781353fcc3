package org.duhbalkana.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** The municipalities of the cross-border area. */
@ApplicationScoped
public class MunicipalityRepository {

    @PersistenceContext(unitName = "consultation")
    private EntityManager entityManager;

    protected MunicipalityRepository() {
        // for CDI
    }

    /** For tests that bring their own entity manager. */
    public MunicipalityRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** All of them, Serbian ones first, each country's in the order of their Latin names. */
    public List<Municipality> all() {
        return entityManager.createQuery(
                        "SELECT m FROM Municipality m ORDER BY m.country DESC, m.nameLatin", Municipality.class)
                .getResultList();
    }

    public List<Municipality> inCountry(Country country) {
        return entityManager.createQuery(
                        "SELECT m FROM Municipality m WHERE m.country = :country ORDER BY m.nameLatin", Municipality.class)
                .setParameter("country", country)
                .getResultList();
    }

    public Optional<Municipality> byCode(String code) {
        return entityManager.createQuery("SELECT m FROM Municipality m WHERE m.code = :code", Municipality.class)
                .setParameter("code", code)
                .getResultStream()
                .findFirst();
    }

    public Optional<Municipality> byId(long id) {
        return Optional.ofNullable(entityManager.find(Municipality.class, id));
    }
}
