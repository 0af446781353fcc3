package org.duhbalkana.consultation;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import org.duhbalkana.account.AccountRepository;
import org.duhbalkana.notification.Mail;
import org.duhbalkana.notification.MailOutbox;
import org.duhbalkana.platform.config.Settings;

/** Moves due rounds on in one transaction and tells their followers. */
@Stateless
public class RoundLifecycle {

    @Inject
    ConsultationRepository rounds;

    @Inject
    AccountRepository accounts;

    @Inject
    MailOutbox mail;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    /** @return how many rounds changed status */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int advanceDue() {
        List<ConsultationRound> due = rounds.dueToAdvance(clock.instant());
        int changed = 0;
        for (ConsultationRound round : due) {
            if (round.advance(clock.instant())) {
                changed++;
                Mail kind = round.status() == RoundStatus.OPEN ? Mail.ROUND_OPENED : Mail.ROUND_CLOSED;
                for (org.duhbalkana.account.Account a : accounts.withAddress(rounds.followers(round))) {
                    mail.send(a.email().orElseThrow(), a.language(), kind, a.displayName(),
                            settings.link("/consultations/view.xhtml?slug=" + round.slug()), round.title());
                }
            }
        }
        return changed;
    }
}
