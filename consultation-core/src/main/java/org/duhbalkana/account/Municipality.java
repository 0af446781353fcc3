package org.duhbalkana.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Objects;
import java.util.regex.Pattern;
import org.duhbalkana.text.Language;

/**
 * A municipality of the cross-border area (opština in Serbia, община in Bulgaria): the unit
 * that organizes consultation rounds, is the target of petitions and is where a person lives.
 * Its name is kept in Latin and in Cyrillic, as both countries write it.
 */
@Entity
@Table(name = "municipality")
public class Municipality {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{1,39}");
    private static final Pattern CYRILLIC = Pattern.compile("[\\p{IsCyrillic} .\\-]+");
    private static final Pattern LATIN = Pattern.compile("[\\p{IsLatin} .\\-]+");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "code", nullable = false, unique = true, length = 40)
    private String code;

    @Enumerated(EnumType.STRING)
    @Column(name = "country", nullable = false, length = 2)
    private Country country;

    @Column(name = "name_latin", nullable = false, length = 100)
    private String nameLatin;

    @Column(name = "name_cyrillic", nullable = false, length = 100)
    private String nameCyrillic;

    @Column(name = "min_consultation_days", nullable = false)
    private int minConsultationDays = 15;

    @Version
    @Column(name = "version", nullable = false)
    private int version;

    protected Municipality() {
        // for JPA
    }

    public Municipality(String code, Country country, String nameLatin, String nameCyrillic) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("code must be lower-case letters, digits and hyphens: " + code);
        }
        this.code = code;
        this.country = Objects.requireNonNull(country, "country");
        this.nameLatin = checked(nameLatin, LATIN, "Latin name");
        this.nameCyrillic = checked(nameCyrillic, CYRILLIC, "Cyrillic name");
        this.minConsultationDays = legalMinimumDays();
    }

    private static String checked(String name, Pattern script, String what) {
        if (name == null || name.isBlank() || name.length() > 100 || !script.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " must be 1 to 100 letters of its script: " + name);
        }
        return name.trim();
    }

    public Long id() {
        return id;
    }

    /** The stable short name used in addresses and the API, such as {@code zajecar}. */
    public String code() {
        return code;
    }

    public Country country() {
        return country;
    }

    public String nameLatin() {
        return nameLatin;
    }

    public String nameCyrillic() {
        return nameCyrillic;
    }

    /** The fewest days a consultation round of this municipality stays open. */
    public int minConsultationDays() {
        return minConsultationDays;
    }

    /** The law's floor for the country: 15 days in Serbia, 30 in Bulgaria. */
    public int legalMinimumDays() {
        return country == Country.BG ? 30 : 15;
    }

    /**
     * @throws org.duhbalkana.platform.InputRejected below the country's legal minimum or above 120
     */
    public void changeMinConsultationDays(int days) {
        if (days < legalMinimumDays() || days > 120) {
            throw new org.duhbalkana.platform.InputRejected("days", "validation.days");
        }
        this.minConsultationDays = days;
    }

    /** The name in the script the reader of this language reads. */
    public String name(Language language) {
        return language.cyrillic() ? nameCyrillic : nameLatin;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Municipality that && code.equals(that.code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    @Override
    public String toString() {
        return "Municipality[" + code + ", " + country + "]";
    }
}
