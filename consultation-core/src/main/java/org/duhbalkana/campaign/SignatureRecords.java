package org.duhbalkana.campaign;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.duhbalkana.account.EmailAddress;
import org.duhbalkana.account.Municipality;
import org.duhbalkana.account.PersonalData;

/** The signatures made with one address, for the download of the address owner's own data. */
@ApplicationScoped
public class SignatureRecords {

    @PersistenceContext(unitName = "consultation")
    private EntityManager em;

    protected SignatureRecords() {
    }

    public SignatureRecords(EntityManager em) {
        this.em = em;
    }

    /**
     * The confirmed signatures whose address is this one, as "one signature per address" reads
     * it ({@link SignerAddress}); an unconfirmed one may have been typed by anybody and is left out.
     */
    public List<Signature> confirmedWith(EmailAddress address) {
        return em.createQuery("SELECT s FROM Signature s JOIN FETCH s.campaign LEFT JOIN FETCH s.municipality "
                        + "WHERE s.emailKey = :key AND s.confirmedAt IS NOT NULL AND s.anonymized = FALSE ORDER BY s.id",
                        Signature.class)
                .setParameter("key", SignerAddress.key(address))
                .getResultList();
    }

    /** A signature as the signer's own data shows it. */
    public static PersonalData.Signature asPersonalData(Signature s) {
        String state = s.isInvalidated() ? "INVALIDATED" : s.isHeld() ? "HELD" : s.isCounted() ? "COUNTED" : "CONFIRMED";
        return new PersonalData.Signature(s.campaign().slug(), s.name().orElse(null), s.email().orElse(null),
                s.municipality().map(Municipality::code).orElse(null), s.country(), s.consentUpdates(), s.shareName(),
                s.createdAt(), s.confirmedAt().orElse(null), state);
    }

    /** The signatures as the signer's own data shows them. */
    public List<PersonalData.Signature> personalData(EmailAddress address) {
        return confirmedWith(address).stream().map(SignatureRecords::asPersonalData).toList();
    }
}
