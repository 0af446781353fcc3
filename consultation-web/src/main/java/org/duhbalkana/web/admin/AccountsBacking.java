package org.duhbalkana.web.admin;

import jakarta.faces.view.ViewScoped;
import java.io.Serializable;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.duhbalkana.account.Account;
import org.duhbalkana.account.Municipality;
import org.duhbalkana.account.MunicipalityDirectory;
import org.duhbalkana.web.platform.LanguageBacking;
import org.duhbalkana.account.Role;
import org.duhbalkana.account.RoleAdministration;
import org.duhbalkana.web.platform.Messages;

/**
 * {@code admin/accounts.xhtml}: find accounts, grant and revoke roles and reviewer grants, block and
 * unblock accounts. View
 * scoped: the buttons of each row must act on the rows the administrator saw.
 */
@Named("adminAccounts")
@ViewScoped
public class AccountsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    RoleAdministration administration;

    @Inject
    MunicipalityDirectory directory;

    @Inject
    LanguageBacking language;

    private transient Map<Long, Municipality> municipalities;

    private String query = "";
    private int page;
    private transient List<Account> results;
    private String reviewerMunicipality;

    public void search() {
        try {
            results = administration.find(query, page);
        } catch (RuntimeException e) {
            Messages.show("accounts", e);
        }
    }

    public List<Account> getResults() {
        if (results == null) {
            search();
        }
        return results;
    }

    /** Grants the role, or revokes it when the account has it. */
    public void toggle(long accountId, String role, boolean has) {
        Role chosen = Role.valueOf(role);
        act(() -> {
            if (has) {
                administration.revoke(accountId, chosen);
            } else {
                administration.grant(accountId, chosen);
            }
        });
    }

    /** The municipalities an account reviews, named for the reader. */
    public List<Municipality> reviews(Account account) {
        if (municipalities == null) {
            municipalities = directory.all().stream().collect(Collectors.toMap(Municipality::id, m -> m));
        }
        return account.reviewerOf().stream().map(municipalities::get).filter(java.util.Objects::nonNull).toList();
    }

    public String name(Municipality municipality) {
        return municipality.name(language.getCurrent());
    }

    public void grantReviewer(long accountId) {
        act(() -> administration.grantReviewer(accountId, reviewerMunicipality == null ? "" : reviewerMunicipality));
    }

    public void revokeReviewer(long accountId, String code) {
        act(() -> administration.revokeReviewer(accountId, code));
    }

    /** Blocks the account (its sessions end); refused for the administrator's own. */
    public void block(long accountId) {
        act(() -> administration.block(accountId));
    }

    /** Lets a blocked account sign in again. */
    public void unblock(long accountId) {
        act(() -> administration.unblock(accountId));
    }

    private void act(Runnable change) {
        try {
            change.run();
            Messages.info("admin.saved");
        } catch (RuntimeException e) {
            Messages.show("accounts", e);
        }
        results = null;
    }

    public Role[] getRoles() {
        return Role.values();
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query == null ? "" : query;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = Math.max(0, page);
    }

    public String getReviewerMunicipality() {
        return reviewerMunicipality;
    }

    public void setReviewerMunicipality(String reviewerMunicipality) {
        this.reviewerMunicipality = reviewerMunicipality;
    }
}
