package org.duhbalkana.web.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import org.duhbalkana.account.AccountService;

/**
 * Checks an e-mail address and password against our accounts. The caller's name is the account
 * id; the groups are {@code citizen} (verified) or {@code unverified}, and the granted roles.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @Inject
    AccountService accounts;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return accounts.authenticate(login.getCaller(), login.getPasswordAsString())
                .map(signedIn -> new CredentialValidationResult(String.valueOf(signedIn.accountId()), signedIn.groups()))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
