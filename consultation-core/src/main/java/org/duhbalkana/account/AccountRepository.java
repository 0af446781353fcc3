package org.duhbalkana.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Accounts and their mailed tokens. */
@ApplicationScoped
public class AccountRepository {

    @PersistenceContext(unitName = "consultation")
    private EntityManager em;

    protected AccountRepository() {
    }

    public AccountRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<Account> byId(long id) {
        return Optional.ofNullable(em.find(Account.class, id));
    }

    /** The accounts with these ids that still have an address (not deleted), in one query. */
    public List<Account> withAddress(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT a FROM Account a WHERE a.id IN :ids AND a.email IS NOT NULL", Account.class)
                .setParameter("ids", ids)
                .getResultList();
    }

    public Optional<Account> byEmail(EmailAddress email) {
        return em.createQuery("SELECT a FROM Account a WHERE a.email = :email", Account.class)
                .setParameter("email", email.value())
                .getResultStream()
                .findFirst();
    }

    public void add(Account account) {
        em.persist(account);
        em.flush();
    }

    public void add(AccountToken token) {
        em.persist(token);
    }

    public Optional<AccountToken> token(String secret) {
        return em.createQuery("SELECT t FROM AccountToken t WHERE t.tokenHash = :hash", AccountToken.class)
                .setParameter("hash", AccountToken.hash(secret))
                .getResultStream()
                .findFirst();
    }

    /** Marks every unused token of this purpose as used: a new one replaces them. */
    public void retireTokens(Account account, TokenPurpose purpose, Instant now) {
        em.createQuery("UPDATE AccountToken t SET t.usedAt = :now WHERE t.account = :account "
                        + "AND t.purpose = :purpose AND t.usedAt IS NULL")
                .setParameter("now", now)
                .setParameter("account", account)
                .setParameter("purpose", purpose)
                .executeUpdate();
    }

    public void deleteTokens(Account account) {
        em.createQuery("DELETE FROM AccountToken t WHERE t.account = :account")
                .setParameter("account", account)
                .executeUpdate();
    }

    /** Accounts whose name or address contains the text, newest first, paged in the database. */
    public List<Account> search(String text, int first, int max) {
        String like = "%" + text.strip().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return em.createQuery("SELECT a FROM Account a WHERE a.status <> :deleted AND "
                        + "(LOWER(a.displayName) LIKE :text OR a.email LIKE :text) ORDER BY a.id DESC", Account.class)
                .setParameter("deleted", AccountStatus.DELETED)
                .setParameter("text", like)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
    }
}
