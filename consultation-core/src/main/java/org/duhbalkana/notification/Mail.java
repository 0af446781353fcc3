package org.duhbalkana.notification;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import org.duhbalkana.text.Language;

/**
 * The mails the platform writes, each a subject and a body in the recipient's language, from
 * the bundle {@code org.duhbalkana.notification.mail} ({@code mail.KEY.subject},
 * {@code mail.KEY.body}; placeholders {0}, {1} …).
 */
public enum Mail {
    VERIFY_EMAIL("verifyEmail"),
    SIGN_UP_EXISTING("signUpExisting"),
    RESET_PASSWORD("resetPassword"),
    PASSWORD_CHANGED("passwordChanged"),
    CHANGE_EMAIL("changeEmail"),
    CHANGE_EMAIL_TAKEN("changeEmailTaken"),
    ROUND_OPENED("roundOpened"),
    ROUND_CLOSED("roundClosed"),
    REPORT_PUBLISHED("reportPublished"),
    SIGNATURE_CONFIRM("signatureConfirm"),
    SIGNATURE_AGAIN("signatureAgain"),
    CAMPAIGN_UPDATE("campaignUpdate"),
    CAMPAIGN_RESPONSE("campaignResponse"),
    RESPONSE_DUE("responseDue");

    static final String BUNDLE = "org.duhbalkana.notification.mail";

    private final String key;

    Mail(String key) {
        this.key = key;
    }

    public String subject(Language language, Object... arguments) {
        return format("mail." + key + ".subject", language, arguments);
    }

    public String body(Language language, Object... arguments) {
        return format("mail." + key + ".body", language, arguments) + "\n\n-- \n"
                + format("mail.signature", language);
    }

    private static String format(String key, Language language, Object... arguments) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, language.locale(), Mail.class.getClassLoader());
        return new MessageFormat(bundle.getString(key), Locale.ROOT).format(arguments);
    }
}
