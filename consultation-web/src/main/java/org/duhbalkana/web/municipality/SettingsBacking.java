package org.duhbalkana.web.municipality;

import jakarta.faces.view.ViewScoped;
import java.io.Serializable;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.duhbalkana.account.Municipality;
import org.duhbalkana.account.MunicipalityAdministration;
import org.duhbalkana.web.platform.LanguageBacking;
import org.duhbalkana.web.platform.Messages;

/**
 * {@code municipality/settings.xhtml?code=…}: a municipality's settings, for its own reviewers
 * and administrators; anyone else gets 403. View scoped, so that the form the person saw is the
 * one that is processed; the service checks the right to manage the municipality again on save.
 */
@Named("municipalitySettings")
@ViewScoped
public class SettingsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    MunicipalityAdministration administration;

    @Inject
    LanguageBacking language;

    private String code;
    private transient Municipality municipality;
    private Integer days;
    private boolean loaded;
    private String name = "";

    public void load() {
        try {
            municipality = administration.manage(code == null ? "" : code);
            if (days == null) {
                days = municipality.minConsultationDays();
            }
            name = municipality.name(language.getCurrent());
            loaded = true;
        } catch (RuntimeException e) {
            Messages.show("settings", e);
        }
    }

    public void save() {
        try {
            administration.changeMinimumConsultationDays(code, days == null ? 0 : days);
            municipality = administration.manage(code);
            Messages.info("admin.saved");
        } catch (RuntimeException e) {
            Messages.show("settings", e);
        }
    }

    public String getName() {
        return name;
    }

    public boolean isLoaded() {
        return loaded;
    }

    public Municipality getMunicipality() {
        return municipality;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public Integer getDays() {
        return days;
    }

    public void setDays(Integer days) {
        this.days = days;
    }
}
