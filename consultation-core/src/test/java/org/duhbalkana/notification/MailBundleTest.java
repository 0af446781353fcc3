package org.duhbalkana.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.duhbalkana.testing.Bundles;
import org.junit.jupiter.api.Test;

/**
 * The four bundles of the mails: every bundle has every key, no value is blank and a key has the
 * same MessageFormat placeholders in every bundle. No script check: bodies carry links.
 */
class MailBundleTest {

    private static final Bundles BUNDLES = new Bundles("org/duhbalkana/notification/",
            List.of("mail", "mail_sr_Latn", "mail_sr_Cyrl", "mail_bg"));

    @Test
    void everyBundleHasEveryKey() {
        assertThat(BUNDLES.missingKeys()).isEmpty();
    }

    @Test
    void noValueIsBlank() {
        assertThat(BUNDLES.blankValues()).isEmpty();
    }

    @Test
    void aKeyHasTheSamePlaceholdersInEveryBundle() {
        assertThat(BUNDLES.placeholderMismatches()).isEmpty();
    }
}
