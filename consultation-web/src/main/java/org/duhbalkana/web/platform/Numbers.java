package org.duhbalkana.web.platform;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.NumberFormat;

/** Counts in the reader's number format ("1.250" in Serbian and Bulgarian, "1,250" in English), as charts show them. */
@Named("numbers")
@RequestScoped
public class Numbers {

    @Inject
    LanguageBacking language;

    private NumberFormat format;

    public String format(Number n) {
        if (n == null) {
            return "";
        }
        if (format == null) {
            format = NumberFormat.getIntegerInstance(language.getLocale());
        }
        return format.format(n);
    }
}
