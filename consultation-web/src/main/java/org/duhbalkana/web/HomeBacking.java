package org.duhbalkana.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import org.duhbalkana.account.Country;
import org.duhbalkana.account.MunicipalityDirectory;
import org.duhbalkana.text.Language;
import org.duhbalkana.web.platform.LanguageBacking;

/** The home page ({@code index.xhtml}): what the platform is for and where it works. */
@Named("home")
@RequestScoped
public class HomeBacking {

    @Inject
    MunicipalityDirectory directory;

    @Inject
    LanguageBacking language;

    private List<CountryMunicipalities> countries;

    /** One country's municipalities, named in the reader's script and sorted for the reader. */
    public record CountryMunicipalities(Country country, List<String> names) {

        public String getCode() {
            return country.name();
        }

        public List<String> getNames() {
            return names;
        }
    }

    @PostConstruct
    void load() {
        Language reader = language.getCurrent();
        Comparator<String> order = Collator.getInstance(reader.locale())::compare;
        countries = directory.byCountry().entrySet().stream()
                .map(e -> new CountryMunicipalities(e.getKey(),
                        e.getValue().stream().map(m -> m.name(reader)).sorted(order).toList()))
                .toList();
    }

    public List<CountryMunicipalities> getCountries() {
        return countries;
    }
}
