package org.duhbalkana.consultation;

import java.io.Serializable;
import org.duhbalkana.account.Municipality;
import org.duhbalkana.text.Language;

/** An organizing municipality's code and names, for pages that keep it between requests. */
public record OrganizerName(String code, String latin, String cyrillic) implements Serializable {

    public static OrganizerName of(Municipality m) {
        return new OrganizerName(m.code(), m.nameLatin(), m.nameCyrillic());
    }

    /** The name in the script the reader of this language reads. */
    public String name(Language language) {
        return language.cyrillic() ? cyrillic : latin;
    }
}
