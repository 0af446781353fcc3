package org.duhbalkana.web.municipality;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.duhbalkana.account.Municipality;
import org.duhbalkana.account.MunicipalityAdministration;
import org.duhbalkana.web.platform.LanguageBacking;
import org.duhbalkana.web.platform.Messages;

/**
 * {@code municipality/settings.xhtml?code=…}: a municipality's settings, for its own reviewers
 * and administrators; anyone else gets 403.
 */
@Named("municipalitySettings")
@RequestScoped
public class SettingsBacking {

    @Inject
    MunicipalityAdministration administration;

    @Inject
    LanguageBacking language;

    private String code;
    private Municipality municipality;
    private Integer days;

    public void load() {
        try {
            municipality = administration.manage(code == null ? "" : code);
            if (days == null) {
                days = municipality.minConsultationDays();
            }
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
        return municipality == null ? "" : municipality.name(language.getCurrent());
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
