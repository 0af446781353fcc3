package org.duhbalkana.web.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.duhbalkana.account.Country;
import org.duhbalkana.account.Municipality;
import org.duhbalkana.account.MunicipalityDirectory;
import org.duhbalkana.platform.InputRejected;
import org.duhbalkana.text.Language;
import org.duhbalkana.web.platform.LanguageBacking;

/**
 * The choices of the "where do you live" and "language" fields: the municipalities of both
 * countries in the reader's script, "other" with a country, and the four languages.
 */
@Named("homeChoices")
@RequestScoped
public class HomeChoices {

    /** The value of the "other municipality" choice. */
    public static final String OTHER = "other";

    @Inject
    MunicipalityDirectory directory;

    @Inject
    LanguageBacking language;

    /** One selectable item. */
    public record Item(String value, String label) {
        public String getValue() {
            return value;
        }

        public String getLabel() {
            return label;
        }
    }

    /** What the two fields mean together. */
    public record Home(Long municipalityId, String country) {
    }

    public List<Item> municipalities(String country) {
        Language reader = language.getCurrent();
        Comparator<String> order = Collator.getInstance(reader.locale())::compare;
        return directory.byCountry().getOrDefault(Country.valueOf(country), List.of()).stream()
                .map(m -> new Item(m.id().toString(), m.name(reader)))
                .sorted(Comparator.comparing(Item::label, order))
                .toList();
    }

    /** Every municipality, valued by its code (for administration forms). */
    public List<Item> getMunicipalityCodes() {
        Language reader = language.getCurrent();
        return directory.all().stream().map(m -> new Item(m.code(), m.name(reader))).toList();
    }

    /** Every country but the two of the area, by name in the reader's language. */
    public List<Item> getOtherCountries() {
        Locale locale = language.getLocale();
        Collator collator = Collator.getInstance(locale);
        return Arrays.stream(Locale.getISOCountries())
                .filter(code -> !code.equals("RS") && !code.equals("BG"))
                .map(code -> new Item(code, new Locale("", code).getDisplayCountry(locale)))
                .sorted(Comparator.comparing(Item::label, collator::compare))
                .toList();
    }

    public List<Item> getLanguages() {
        return Arrays.stream(Language.values()).map(l -> new Item(l.tag(), l.tag())).toList();
    }

    /** Reads the two fields; a municipality id that is not a number is refused like an unknown one. */
    public Home parse(String home, String country) {
        if (home == null || home.isBlank()) {
            throw new InputRejected("home", "validation.municipality");
        }
        if (OTHER.equals(home)) {
            return new Home(null, country);
        }
        try {
            return new Home(Long.valueOf(home), null);
        } catch (NumberFormatException e) {
            throw new InputRejected("home", "validation.municipality");
        }
    }

    /** The value of the home field for an account's municipality. */
    public static String valueOf(java.util.Optional<Municipality> municipality) {
        return municipality.map(m -> m.id().toString()).orElse(OTHER);
    }
}
