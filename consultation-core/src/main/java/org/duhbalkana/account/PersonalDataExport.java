package org.duhbalkana.account;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.duhbalkana.campaign.SignatureRecords;
import org.duhbalkana.consultation.ParticipationRecords;
import org.duhbalkana.moderation.AuditAction;
import org.duhbalkana.moderation.AuditLog;
import org.duhbalkana.moderation.AuditRecords;
import org.duhbalkana.notification.MailRecords;
import org.duhbalkana.platform.AccessDenied;

/**
 * "Download my data": everything held about the signed-in person, gathered from each context's
 * records of them ({@link PersonalData} says what is in it and what is left out). The download is
 * itself recorded in the audit log, and is in the data it gives.
 */
@Stateless
public class PersonalDataExport {

    @Inject
    AccountRepository accounts;

    @Inject
    MunicipalityRepository municipalities;

    @Inject
    ParticipationRecords participation;

    @Inject
    SignatureRecords signatures;

    @Inject
    AuditRecords auditRecords;

    @Inject
    MailRecords mail;

    @Inject
    AuditLog audit;

    @Resource
    SessionContext session;

    public PersonalDataExport() {
    }

    /** For persistence tests: the records read through this entity manager. */
    PersonalDataExport(EntityManager em) {
        this.accounts = new AccountRepository(em);
        this.municipalities = new MunicipalityRepository(em);
        this.participation = new ParticipationRecords(em);
        this.signatures = new SignatureRecords(em);
        this.auditRecords = new AuditRecords(em);
        this.mail = new MailRecords(em);
    }

    /** The caller's own data; refused to anyone not signed in, and to a deleted account. */
    @RolesAllowed({Groups.CITIZEN, Groups.UNVERIFIED})
    public PersonalData mine() {
        Account account = Caller.accountId(session).flatMap(accounts::byId).filter(a -> !a.isDeleted())
                .orElseThrow(AccessDenied::new);
        audit.record(account.id(), account.displayName(), AuditAction.DATA_EXPORTED, "account " + account.id(), "own data");
        return of(account);
    }

    /** Everything held about this account. */
    PersonalData of(Account account) {
        long id = account.id();
        List<String> reviews = account.reviewerOf().stream().map(m -> municipalities.byId(m).map(Municipality::code)
                .orElse(String.valueOf(m))).sorted().toList();
        List<PersonalData.Comment> comments = participation.comments(id);
        List<PersonalData.Signature> signed = List.of();
        Set<String> addresses = new LinkedHashSet<>();
        if (account.isVerified() && account.email().isPresent()) {
            EmailAddress address = EmailAddress.parse(account.email().get()).orElseThrow();
            addresses.add(address.value());
            signed = signatures.personalData(address);
            signed.stream().map(PersonalData.Signature::email).filter(e -> e != null).forEach(addresses::add);
        }
        List<Long> commentIds = new ArrayList<>(comments.stream().map(PersonalData.Comment::id).toList());
        return new PersonalData(id, account.displayName(), account.email().orElse(null),
                account.municipality().map(Municipality::code).orElse(null), account.country(), account.language().tag(),
                account.createdAt(), account.emailVerifiedAt().orElse(null), account.roles(), reviews, comments,
                participation.endorsements(id), participation.flags(id), participation.follows(id), signed,
                auditRecords.about(id, commentIds), mail.sentTo(addresses));
    }
}
