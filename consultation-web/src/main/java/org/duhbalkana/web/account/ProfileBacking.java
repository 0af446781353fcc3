package org.duhbalkana.web.account;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.duhbalkana.account.Account;
import org.duhbalkana.account.AccountService;
import org.duhbalkana.account.PersonalData;
import org.duhbalkana.account.PersonalDataExport;
import org.duhbalkana.account.Preferences;
import org.duhbalkana.web.platform.Messages;

/**
 * {@code account/profile.xhtml}: a person's own account: preferences, password, address, their
 * data as JSON, and deleting the account.
 */
@Named("profile")
@RequestScoped
public class ProfileBacking {

    @Inject
    AccountService accounts;

    @Inject
    HomeChoices choices;

    @Inject
    PersonalDataExport export;

    @Inject
    FacesContext faces;

    private Account account;
    private String name;
    private String home;
    private String country;
    private String preferredLanguage;
    private String currentPassword;
    private String newPassword;
    private String newEmail;
    private String password;

    @PostConstruct
    void load() {
        account = accounts.me();
        name = account.displayName();
        home = HomeChoices.valueOf(account.municipality());
        country = account.country();
        preferredLanguage = account.language().tag();
    }

    public Account getAccount() {
        return account;
    }

    public void savePreferences() {
        try {
            HomeChoices.Home chosen = choices.parse(home, country);
            accounts.updatePreferences(new Preferences(name, chosen.municipalityId(), chosen.country(), preferredLanguage));
            Messages.info("profile.saved");
        } catch (RuntimeException e) {
            Messages.show("preferences", e);
        }
    }

    public void changePassword() {
        HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
        SignInMechanism.beginChange(request);
        try {
            int credentialsVersion = accounts.changePassword(currentPassword, newPassword);
            // This session goes on; the account's other sessions end at their next request.
            SignInMechanism.continueUnder(request, credentialsVersion);
            Messages.info("profile.passwordChanged");
        } catch (RuntimeException e) {
            SignInMechanism.endChange(request.getSession(false));
            Messages.show("password", e);
        }
    }

    public void changeEmail() {
        try {
            accounts.requestEmailChange(newEmail, password);
            Messages.info("profile.emailChangeSent");
        } catch (RuntimeException e) {
            Messages.show("email", e);
        }
    }

    /** Sends the person's data as a JSON download ({@link PersonalDataJson}). */
    public void export() throws IOException {
        PersonalData data = export.mine();
        ExternalContext external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType("application/json; charset=UTF-8");
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"duhbalkana-my-data.json\"");
        external.setResponseHeader("Cache-Control", "no-store");
        try (OutputStreamWriter out = new OutputStreamWriter(external.getResponseOutputStream(), StandardCharsets.UTF_8)) {
            PersonalDataJson.write(data, out);
        }
        faces.responseComplete();
    }

    public void delete() throws IOException, ServletException {
        try {
            accounts.deleteMyAccount(password);
        } catch (RuntimeException e) {
            Messages.show("delete", e);
            return;
        }
        ExternalContext external = faces.getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/?deleted=1");
        faces.responseComplete();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getHome() {
        return home;
    }

    public void setHome(String home) {
        this.home = home;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getPreferredLanguage() {
        return preferredLanguage;
    }

    public void setPreferredLanguage(String preferredLanguage) {
        this.preferredLanguage = preferredLanguage;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getNewEmail() {
        return newEmail;
    }

    public void setNewEmail(String newEmail) {
        this.newEmail = newEmail;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
