package org.duhbalkana.web.campaign;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.duhbalkana.account.Municipality;
import org.duhbalkana.account.MunicipalityDirectory;
import org.duhbalkana.campaign.Campaign;
import org.duhbalkana.campaign.CampaignInsights;
import org.duhbalkana.campaign.CampaignReader;
import org.duhbalkana.web.platform.Charts;
import org.duhbalkana.web.platform.LanguageBacking;
import org.duhbalkana.web.platform.Messages;

/**
 * {@code campaigns/dashboard.xhtml?slug=…}: the organizer's charts (signatures per day, per
 * country, per municipality, each with its table) and the supporter export as CSV.
 */
@Named("campaignDashboard")
@ViewScoped
public class CampaignDashboardBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CampaignInsights insights;

    @Inject
    CampaignReader reader;

    @Inject
    MunicipalityDirectory municipalities;

    @Inject
    LanguageBacking language;

    private String slug;
    private transient Campaign campaign;
    private transient Map<LocalDate, Long> perDay;

    public void load() {
        try {
            perDay = insights.perDay(slug == null ? "" : slug);
            campaign = reader.campaign(slug).orElseThrow();
        } catch (RuntimeException e) {
            Messages.show("dashboard", e);
        }
    }

    public Campaign getCampaign() {
        if (campaign == null && slug != null) {
            campaign = reader.campaign(slug).orElse(null);
        }
        return campaign;
    }

    public Map<LocalDate, Long> getPerDay() {
        if (perDay == null) {
            perDay = insights.perDay(slug);
        }
        return perDay;
    }

    public List<Map.Entry<LocalDate, Long>> getDays() {
        return List.copyOf(getPerDay().entrySet());
    }

    public String day(LocalDate d) {
        return d.format(java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
                .withLocale(language.getLocale()));
    }

    public String number(long n) {
        return CampaignText.number(n, language.getCurrent());
    }

    /** Chart.js configuration: confirmed signatures per day. */
    public String getDayChart() {
        Map<String, Long> values = new java.util.LinkedHashMap<>();
        getPerDay().forEach((d, n) -> values.put(day(d), n));
        return Charts.of("bar", values, Messages.text("dashboard.perDay"), false, language.getTag());
    }

    /** Chart.js configuration: signatures per country. */
    public String getCountryChart() {
        Map<String, Integer> values = new java.util.LinkedHashMap<>();
        reader.countries(getCampaign()).forEach((c, n) -> values.put(new java.util.Locale("", c).getDisplayCountry(language.getLocale()), n));
        return Charts.of("doughnut", values, Messages.text("dashboard.perCountry"), true, language.getTag());
    }

    /** Chart.js configuration: the ten municipalities with the most signatures. */
    public String getMunicipalityChart() {
        Map<String, Integer> values = new java.util.LinkedHashMap<>();
        reader.places(getCampaign()).stream().filter(p -> p.municipality().isPresent()).limit(10)
                .forEach(p -> values.put(p.municipality().get().name(language.getCurrent()), p.signatures()));
        return Charts.of("bar", values, Messages.text("dashboard.perMunicipality"), false, language.getTag());
    }

    /** The supporters who agreed to share their name, as CSV; no e-mail addresses (the form says they are never shown). */
    public void export() {
        try {
            List<CampaignInsights.Supporter> supporters = insights.supporters(slug);
            FacesContext context = FacesContext.getCurrentInstance();
            ExternalContext external = context.getExternalContext();
            external.responseReset();
            external.setResponseContentType("text/csv; charset=UTF-8");
            external.setResponseHeader("Content-Disposition", "attachment; filename=\"" + slug + "-supporters.csv\"");
            Map<Long, Municipality> byId = new java.util.HashMap<>();
            municipalities.all().forEach(m -> byId.put(m.id(), m));
            Writer writer = new OutputStreamWriter(external.getResponseOutputStream(), StandardCharsets.UTF_8);
            writer.write('\ufeff'); // so that spreadsheet programs read the Cyrillic right
            try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(
                    Messages.text("petition.name"), Messages.text("petition.place"),
                    Messages.text("dashboard.confirmed")).get())) {
                for (CampaignInsights.Supporter s : supporters) {
                    String place = s.municipalityId().map(byId::get).map(m -> m.name(language.getCurrent()))
                            .orElseGet(() -> new java.util.Locale("", s.country()).getDisplayCountry(language.getLocale()));
                    csv.printRecord(s.name(), place, s.confirmedAt().toString());
                }
            }
            context.responseComplete();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            Messages.show("dashboard", e);
        }
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }
}
