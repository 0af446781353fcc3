package org.duhbalkana.web.campaign;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import org.duhbalkana.campaign.Campaign;
import org.duhbalkana.campaign.CampaignDraft;
import org.duhbalkana.campaign.Campaigns;
import org.duhbalkana.web.platform.LanguageBacking;
import org.duhbalkana.web.platform.Messages;
import org.duhbalkana.web.platform.TranslationForm;

/**
 * {@code campaigns/edit.xhtml} (new) and {@code campaigns/edit.xhtml?slug=…} (a draft): an
 * organizer writes the campaign, its target and deadline, and its petition.
 */
@Named("campaignEditor")
@ViewScoped
public class CampaignEditBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Campaigns campaigns;

    @Inject
    LanguageBacking language;

    private String slug;
    private boolean existing;
    private String title;
    private String ask;
    private String description;
    private String campaignLanguage;
    private String target = "";
    private String institution;
    private String roundSlug;
    private LocalDate deadline;
    private int retentionMonths = Campaign.DEFAULT_RETENTION_MONTHS;
    private boolean petition = true;
    private int signatureGoal = 1000;
    private int responseThreshold = 500;
    private final TranslationForm translationForm = new TranslationForm();

    public void load() {
        if (slug == null || slug.isBlank()) {
            campaignLanguage = language.getCurrent().tag();
            return;
        }
        try {
            Campaign c = campaigns.forEditing(slug);
            existing = true;
            title = c.title();
            ask = c.ask();
            description = c.description();
            campaignLanguage = c.language().tag();
            target = c.targetMunicipality().map(m -> m.id().toString()).orElse("");
            institution = c.targetInstitution().orElse(null);
            roundSlug = c.round().map(r -> r.slug()).orElse(null);
            deadline = c.deadline().atZone(c.zone()).toLocalDate().minusDays(1);
            retentionMonths = c.retentionMonths();
            translationForm.load(c.language(), c.translations(), c.asWritten());
            petition = c.hasPetition();
            if (petition) {
                signatureGoal = c.signatureGoal();
                responseThreshold = c.responseThreshold();
            }
        } catch (RuntimeException e) {
            Messages.show("edit", e);
        }
    }

    public void save() {
        try {
            Long targetId = target == null || target.isBlank() ? null : Long.valueOf(target);
            CampaignDraft draft = new CampaignDraft(title, ask, description, campaignLanguage, targetId,
                    targetId == null ? institution : null, roundSlug, deadline, retentionMonths, petition, signatureGoal,
                    responseThreshold);
            if (existing) {
                campaigns.edit(slug, draft);
            } else {
                slug = campaigns.create(slug == null ? "" : slug, draft).slug();
            }
            FacesContext context = FacesContext.getCurrentInstance();
            context.getExternalContext().getFlash().setKeepMessages(true);
            Messages.info("campaign.saved");
            context.getExternalContext().redirect(context.getExternalContext().getRequestContextPath()
                    + "/campaigns/view.xhtml?slug=" + slug);
        } catch (NumberFormatException e) {
            Messages.error("edit:target", "validation.municipality");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            Messages.show("edit", e);
        }
    }

    public void saveTranslation() {
        TranslationForm t = translationForm;
        translations(() -> campaigns.translate(slug, nz(t.getLanguage()), nz(t.getTitle()), nz(t.getSummary())));
        if (!FacesContext.getCurrentInstance().isValidationFailed()) {
            t.saved();
        }
    }

    public void removeTranslation(String languageTag) {
        translations(() -> campaigns.removeTranslation(slug, languageTag));
    }

    public void saveAsWritten() {
        translations(() -> campaigns.showAsWritten(slug, translationForm.isAsWritten()));
    }

    private void translations(Runnable change) {
        try {
            change.run();
            Messages.info("admin.saved");
            load();
        } catch (RuntimeException e) {
            Messages.show("translations", e);
        }
    }

    private static String nz(String text) {
        return text == null ? "" : text;
    }

    public TranslationForm getTranslationForm() {
        return translationForm;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public boolean isExisting() {
        return existing;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getAsk() {
        return ask;
    }

    public void setAsk(String ask) {
        this.ask = ask;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getCampaignLanguage() {
        return campaignLanguage;
    }

    public void setCampaignLanguage(String campaignLanguage) {
        this.campaignLanguage = campaignLanguage;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public String getInstitution() {
        return institution;
    }

    public void setInstitution(String institution) {
        this.institution = institution;
    }

    public String getRoundSlug() {
        return roundSlug;
    }

    public void setRoundSlug(String roundSlug) {
        this.roundSlug = roundSlug;
    }

    public LocalDate getDeadline() {
        return deadline;
    }

    public void setDeadline(LocalDate deadline) {
        this.deadline = deadline;
    }

    public int getRetentionMonths() {
        return retentionMonths;
    }

    public void setRetentionMonths(int retentionMonths) {
        this.retentionMonths = retentionMonths;
    }

    public boolean isPetition() {
        return petition;
    }

    public void setPetition(boolean petition) {
        this.petition = petition;
    }

    public int getSignatureGoal() {
        return signatureGoal;
    }

    public void setSignatureGoal(int signatureGoal) {
        this.signatureGoal = signatureGoal;
    }

    public int getResponseThreshold() {
        return responseThreshold;
    }

    public void setResponseThreshold(int responseThreshold) {
        this.responseThreshold = responseThreshold;
    }
}
