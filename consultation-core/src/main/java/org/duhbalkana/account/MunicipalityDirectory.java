package org.duhbalkana.account;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.EnumMap;
import java.util.stream.Collectors;

/**
 * Reads the municipalities for pages and the API.
 *
 * <p>Application services are stateless session beans: in the EAR the persistence unit belongs
 * to the EJB module, and a call into an EJB is what lets the server find it from the web module.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class MunicipalityDirectory {

    @Inject
    MunicipalityRepository municipalities;

    /** The municipalities of each country, Serbia first. */
    public Map<Country, List<Municipality>> byCountry() {
        return municipalities.all().stream()
                .collect(Collectors.groupingBy(Municipality::country, () -> new EnumMap<>(Country.class), Collectors.toList()));
    }

    public List<Municipality> all() {
        return municipalities.all();
    }
}
