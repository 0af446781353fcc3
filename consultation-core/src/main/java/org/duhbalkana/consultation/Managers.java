package org.duhbalkana.consultation;

import jakarta.ejb.SessionContext;
import org.duhbalkana.account.Account;
import org.duhbalkana.account.AccountRepository;
import org.duhbalkana.account.Caller;
import org.duhbalkana.platform.AccessDenied;

/** Who is calling, and whether they manage a round. */
final class Managers {

    private Managers() {
    }

    static Account caller(SessionContext session, AccountRepository accounts) {
        return Caller.account(session, accounts);
    }

    /** The caller, if they are a reviewer of one of the round's organizers or an administrator. */
    static Account managerOf(ConsultationRound round, SessionContext session, AccountRepository accounts) {
        Account caller = caller(session, accounts);
        if (!round.isManagedBy(caller)) {
            throw new AccessDenied();
        }
        return caller;
    }

    /**
     * The caller, if they answer comments and sign the report for this round: a reviewer of an
     * organizer that accepted (an administrator speaks for no municipality).
     */
    static Account answererOf(ConsultationRound round, SessionContext session, AccountRepository accounts) {
        Account caller = caller(session, accounts);
        if (!round.isAnsweredBy(caller)) {
            throw new AccessDenied();
        }
        return caller;
    }
}
