package org.duhbalkana.web.campaign;

import java.text.NumberFormat;
import org.duhbalkana.account.Municipality;
import org.duhbalkana.campaign.Campaign;
import org.duhbalkana.text.Language;
import org.duhbalkana.web.consultation.RoundText;

/** A campaign's words and figures as the reader reads them: their script, their number format, the deadline's zone named. */
final class CampaignText {

    private CampaignText() {
    }

    static String text(String text, Campaign c, Language reader) {
        return RoundText.forReader(text, c.language(), reader);
    }

    static String deadline(Campaign c, Language reader) {
        return RoundText.time(c.deadline(), c.zone(), reader);
    }

    static String target(Campaign c, Language reader) {
        return c.targetMunicipality().map(m -> municipality(m, reader))
                .orElseGet(() -> text(c.targetInstitution().orElse(""), c, reader));
    }

    static String municipality(Municipality m, Language reader) {
        return m.name(reader);
    }

    static String number(long n, Language reader) {
        return NumberFormat.getIntegerInstance(reader.locale()).format(n);
    }
}
