package org.duhbalkana.web.campaign;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.duhbalkana.campaign.Campaign;
import org.duhbalkana.campaign.CampaignReader;
import org.duhbalkana.campaign.CampaignStatus;
import org.duhbalkana.campaign.CampaignUpdate;
import org.duhbalkana.campaign.Campaigns;
import org.duhbalkana.campaign.SignatureRequest;
import org.duhbalkana.campaign.Signing;
import org.duhbalkana.web.account.HomeChoices;
import org.duhbalkana.web.consultation.RoundText;
import org.duhbalkana.web.platform.Translated;
import org.duhbalkana.web.platform.LanguageBacking;
import org.duhbalkana.web.platform.Messages;

/**
 * {@code campaigns/view.xhtml?slug=…}: a campaign, its petition's count and where signatures
 * come from, its updates and response; the signing form; the organizer's and the target's tools.
 */
@Named("campaignView")
@ViewScoped
public class CampaignViewBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CampaignReader reader;

    @Inject
    Campaigns campaigns;

    @Inject
    Signing signing;

    @Inject
    org.duhbalkana.campaign.SignatureModeration moderation;

    @Inject
    HomeChoices choices;

    @Inject
    LanguageBacking language;

    private String slug;
    private transient Campaign campaign;
    private boolean found;
    private transient Boolean manages;
    private transient Boolean mayRespond;
    // What the page reads several times while it renders, read once per request.
    private transient List<CampaignReader.Place> places;
    private transient List<CampaignUpdate> updates;
    private transient List<Object[]> invalidationReasons;
    /** {@code ?original=true}: the reader asked for the title and ask in the original language. */
    private boolean original;
    private transient Translated shown;

    private String name;
    private String email;
    private String home;
    private String country;
    private boolean consentSignature;
    private boolean consentUpdates;
    private boolean shareName;
    private String website;
    private boolean signed;

    private String update;
    private String response;

    public void load() {
        campaign = reader.campaign(slug == null ? "" : slug).orElse(null);
        found = campaign != null;
        if (!found) {
            Messages.notFound();
        }
    }

    public Campaign getCampaign() {
        if (campaign == null && found) {
            campaign = reader.campaign(slug).orElse(null);
        }
        return campaign;
    }

    private void reload() {
        campaign = null;
        manages = null;
        mayRespond = null;
        places = null;
        updates = null;
        invalidationReasons = null;
        shown = null;
    }

    private List<CampaignReader.Place> places() {
        if (places == null) {
            places = reader.places(getCampaign());
        }
        return places;
    }

    // ----- what the page shows

    /** The title and ask in the reader's language when translated (unless the original was asked for). */
    public Translated getShown() {
        if (shown == null) {
            shown = CampaignText.shown(getCampaign(), language.getCurrent(), original);
        }
        return shown;
    }

    public String getTitle() {
        return getShown().title();
    }

    public String getAsk() {
        return getShown().summary();
    }

    /** The {@code lang} of the description as shown. */
    public String getTextLang() {
        return RoundText.shownLanguage(getCampaign().language(), language.getCurrent(), getCampaign().asWritten()).tag();
    }

    public boolean isOriginal() {
        return original;
    }

    public void setOriginal(boolean original) {
        this.original = original;
    }

    public String getDescription() {
        return CampaignText.text(getCampaign().description(), getCampaign(), language.getCurrent());
    }

    public String getTarget() {
        return CampaignText.target(getCampaign(), language.getCurrent());
    }

    /** The title of the round the campaign invites comments on, in the reader's script. */
    public String getRoundTitle() {
        return getCampaign().round().map(r -> RoundText.forReader(r.title(), r.language(), language.getCurrent())).orElse("");
    }

    public String getDeadline() {
        return CampaignText.deadline(getCampaign(), language.getCurrent());
    }

    public String number(long n) {
        return CampaignText.number(n, language.getCurrent());
    }

    public String getCount() {
        return number(getCampaign().signatureCount());
    }

    public String getGoal() {
        return number(getCampaign().signatureGoal());
    }

    public String getThreshold() {
        return number(getCampaign().responseThreshold());
    }

    public boolean isTakingSignatures() {
        return reader.takesSignatures(getCampaign());
    }

    /** What happens to signers' personal data, and when. */
    public String getRetention() {
        return Messages.text("petition.retention", getCampaign().retentionMonths());
    }

    public Map<String, Integer> getCountries() {
        return CampaignReader.countries(places());
    }

    public String country(String code) {
        return new java.util.Locale("", code).getDisplayCountry(language.getLocale());
    }

    /** The ten municipalities with the most signatures. */
    public List<Place> getPlaces() {
        return places().stream().limit(10)
                .map(p -> new Place(p.municipality().map(m -> m.name(language.getCurrent()))
                        .orElseGet(() -> Messages.text("campaign.otherIn", country(p.country()))), number(p.signatures())))
                .toList();
    }

    /** A line of the "where signatures come from" table. */
    public record Place(String name, String signatures) {
    }

    /** Why moderators removed signatures, with how many each time. */
    public List<Object[]> getInvalidationReasons() {
        if (invalidationReasons == null) {
            invalidationReasons = moderation.reasons(slug);
        }
        return invalidationReasons;
    }

    public List<CampaignUpdate> getUpdates() {
        if (updates == null) {
            updates = reader.updates(getCampaign());
        }
        return updates;
    }

    public String posted(CampaignUpdate u) {
        return RoundText.time(u.postedAt(), getCampaign().zone(), language.getCurrent());
    }

    public String getResponseDate() {
        return getCampaign().responseAt().map(t -> RoundText.time(t, getCampaign().zone(), language.getCurrent())).orElse("");
    }

    public boolean isManages() {
        if (manages == null) {
            manages = campaigns.manages(slug);
        }
        return manages;
    }

    public boolean isMayRespond() {
        if (mayRespond == null) {
            mayRespond = getCampaign().isResponseDue() && campaigns.mayRespond(slug);
        }
        return mayRespond;
    }

    public boolean isDraft() {
        return getCampaign().status() == CampaignStatus.DRAFT;
    }

    // ----- actions

    public void sign() {
        try {
            HomeChoices.Home chosen = choices.parse(home, country);
            signing.sign(slug, new SignatureRequest(name, email, chosen.municipalityId(), chosen.country(), consentSignature,
                    consentUpdates, shareName, language.getCurrent().tag(), website));
            signed = true;
            name = null;
            email = null;
            consentSignature = false;
            consentUpdates = false;
            shareName = false;
            Messages.info("signature.checkMail");
        } catch (RuntimeException e) {
            Messages.show("sign", e);
        }
    }

    public void submit() {
        act(() -> campaigns.submit(slug), "campaign.submitted", "organizer");
    }

    public void close() {
        act(() -> campaigns.close(slug), "campaign.closedNow", "organizer");
    }

    public void postUpdate() {
        act(() -> {
            campaigns.postUpdate(slug, update);
            update = null;
        }, "campaign.updatePosted", "organizer");
    }

    public void respond() {
        act(() -> {
            campaigns.respond(slug, response);
            response = null;
        }, "campaign.responded", "respond");
    }

    private void act(Runnable action, String doneKey, String form) {
        try {
            action.run();
            Messages.info(doneKey);
            reload();
        } catch (RuntimeException e) {
            Messages.show(form, e);
        }
    }

    // ----- form fields

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
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

    public boolean isConsentSignature() {
        return consentSignature;
    }

    public void setConsentSignature(boolean consentSignature) {
        this.consentSignature = consentSignature;
    }

    public boolean isConsentUpdates() {
        return consentUpdates;
    }

    public void setConsentUpdates(boolean consentUpdates) {
        this.consentUpdates = consentUpdates;
    }

    public boolean isShareName() {
        return shareName;
    }

    public void setShareName(boolean shareName) {
        this.shareName = shareName;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }

    public boolean isSigned() {
        return signed;
    }

    public String getUpdate() {
        return update;
    }

    public void setUpdate(String update) {
        this.update = update;
    }

    public String getResponse() {
        return response;
    }

    public void setResponse(String response) {
        this.response = response;
    }
}
