package org.duhbalkana.web.account;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.duhbalkana.account.AccountService;
import org.duhbalkana.account.SignUp;
import org.duhbalkana.web.platform.LanguageBacking;
import org.duhbalkana.web.platform.Messages;

/**
 * {@code account/sign-up.xhtml}. Whatever happens to the address (new, or already with an
 * account), the page answers "check your mail".
 */
@Named("signUp")
@RequestScoped
public class SignUpBacking {

    @Inject
    AccountService accounts;

    @Inject
    LanguageBacking language;

    @Inject
    HomeChoices choices;

    private String name;
    private String email;
    private String password;
    private String home;
    private String country;
    private String preferredLanguage;
    private String website;
    private boolean sent;

    @PostConstruct
    void init() {
        preferredLanguage = language.getTag();
    }

    public void signUp() {
        try {
            HomeChoices.Home chosen = choices.parse(home, country);
            accounts.signUp(new SignUp(name, email, password, chosen.municipalityId(), chosen.country(),
                    preferredLanguage, website));
            sent = true;
        } catch (RuntimeException e) {
            Messages.show("signUp", e);
        }
    }

    public boolean isSent() {
        return sent;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
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

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }
}
