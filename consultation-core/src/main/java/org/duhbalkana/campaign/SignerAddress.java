package org.duhbalkana.campaign;

import java.util.Locale;
import java.util.Set;
import org.duhbalkana.account.EmailAddress;

/**
 * The key that makes "one signature per e-mail address" hold: the address in lower case, without
 * surrounding spaces, and, for providers known to deliver {@code name+tag@} (or, at Yahoo,
 * {@code name-tag@}) to {@code name@}, without the tag. Gmail also ignores dots in the name.
 */
public final class SignerAddress {

    private static final Set<String> PLUS_TAGS = Set.of("gmail.com", "googlemail.com", "outlook.com", "hotmail.com",
            "live.com", "msn.com", "icloud.com", "me.com", "mac.com", "fastmail.com", "fastmail.fm", "proton.me",
            "protonmail.com", "pm.me", "zoho.com", "yandex.ru", "yandex.com");
    private static final Set<String> DASH_TAGS = Set.of("yahoo.com", "ymail.com");
    private static final Set<String> DOTS_IGNORED = Set.of("gmail.com", "googlemail.com");

    private SignerAddress() {
    }

    public static String key(EmailAddress address) {
        String value = address.value().toLowerCase(Locale.ROOT);
        int at = value.lastIndexOf('@');
        String local = value.substring(0, at);
        String domain = value.substring(at + 1);
        if (PLUS_TAGS.contains(domain)) {
            local = untag(local, '+');
        } else if (DASH_TAGS.contains(domain)) {
            local = untag(local, '-');
        }
        if (DOTS_IGNORED.contains(domain)) {
            local = local.replace(".", "");
            domain = "gmail.com";
        }
        return local + "@" + domain;
    }

    private static String untag(String local, char separator) {
        int tag = local.indexOf(separator);
        return tag > 0 ? local.substring(0, tag) : local;
    }
}
