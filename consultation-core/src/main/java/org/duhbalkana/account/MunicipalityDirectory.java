package org.duhbalkana.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;
import java.util.Map;
import java.util.EnumMap;
import java.util.stream.Collectors;

/** Reads the municipalities for pages and the API. */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
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
