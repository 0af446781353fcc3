package org.duhbalkana.web.campaign;

import java.text.NumberFormat;
import org.duhbalkana.account.Municipality;
import org.duhbalkana.campaign.Campaign;
import org.duhbalkana.text.Language;
import org.duhbalkana.web.consultation.RoundText;
import org.duhbalkana.web.platform.Translated;

/** A campaign's words and figures as the reader reads them: their script, their number format, the deadline's zone named. */
final class CampaignText {

    private CampaignText() {
    }

    static String text(String text, Campaign c, Language reader) {
        return RoundText.forReader(text, c.language(), reader, c.asWritten());
    }

    /** The title and ask in the reader's language when translated, unless the reader asked for the original. */
    static Translated shown(Campaign c, Language reader, boolean original) {
        return Translated.of(c.title(), c.ask(), c.language(), c.asWritten(), c.translationFor(reader), reader, original);
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
