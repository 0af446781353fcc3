package org.duhbalkana.web.platform;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.duhbalkana.web.consultation.RoundText;

/**
 * The {@code lang} of text people wrote without saying in what language (comments, flag reasons,
 * answers), told from its letters ({@link RoundText#commentLang}), for pages that show it as written.
 */
@Named("textLang")
@RequestScoped
public class TextLang {

    @Inject
    LanguageBacking language;

    public String of(String text) {
        return RoundText.commentLang(text, language.getCurrent());
    }
}
