package org.duhbalkana.account;

/** The two countries of the cross-border area, by their ISO 3166 codes. */
public enum Country {
    /** Serbia: Central European Time. */
    RS("Europe/Belgrade"),
    /** Bulgaria: Eastern European Time, an hour ahead of Serbia. */
    BG("Europe/Sofia");

    private final java.time.ZoneId zone;

    Country(String zone) {
        this.zone = java.time.ZoneId.of(zone);
    }

    /** The time zone deadlines set in this country are kept in. */
    public java.time.ZoneId zone() {
        return zone;
    }
}
