package org.duhbalkana.web.consultation;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.duhbalkana.consultation.ConsultationAuthoring;
import org.duhbalkana.consultation.ConsultationRound;
import org.duhbalkana.consultation.JurisdictionRules;
import org.duhbalkana.consultation.Section;
import org.duhbalkana.web.platform.Messages;
import org.duhbalkana.web.platform.TranslationForm;

/**
 * {@code consultations/new.xhtml} and {@code consultations/edit.xhtml?slug=…}: reviewers of an
 * organizing municipality write a round, article by article, and schedule it. Dates are days in
 * the round's deadline zone: it opens at the start of the first day (or now, if that is today)
 * and stays open until 24:00 of the last.
 */
@Named("roundEditor")
@ViewScoped
public class ConsultationEditBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ConsultationAuthoring authoring;

    private String slug;
    private String title;
    private String summary;
    private String tags = "";
    private String language = "sr-Latn";
    private List<String> organizers = new ArrayList<>();
    private final List<SectionForm> sections = new ArrayList<>();
    private String newHeading;
    private String newBody;
    private LocalDate opens;
    private LocalDate closes;
    private String shortReason;
    private String status = "";
    private int minimumDays;
    private boolean loaded;
    private final List<AttachmentRow> attachments = new ArrayList<>();
    private transient jakarta.servlet.http.Part file;
    private final TranslationForm translationForm = new TranslationForm();

    @Inject
    org.duhbalkana.consultation.ConsultationReader reader;

    /** An article as edited on the page. */
    public static class SectionForm implements Serializable {
        private static final long serialVersionUID = 1L;
        private final int number;
        private String heading;
        private String body;

        SectionForm(Section s) {
            this.number = s.number();
            this.heading = s.heading();
            this.body = s.body();
        }

        public int getNumber() {
            return number;
        }

        public String getHeading() {
            return heading;
        }

        public void setHeading(String heading) {
            this.heading = heading;
        }

        public String getBody() {
            return body;
        }

        public void setBody(String body) {
            this.body = body;
        }
    }

    @Inject
    org.duhbalkana.web.platform.LanguageBacking languageBacking;

    private boolean editable;
    private final List<ConsentRow> consents = new ArrayList<>();
    private final List<org.duhbalkana.consultation.OrganizerName> invitations = new ArrayList<>();

    /** An organizer and where its consent stands, as the editor page lists it. */
    public record ConsentRow(String code, String name, String status, boolean signed) implements Serializable {
    }

    public void load() {
        try {
            ConsultationRound round = authoring.forEditorPage(slug == null ? "" : slug);
            editable = authoring.canEdit(slug);
            org.duhbalkana.text.Language shownIn = languageBacking.getCurrent();
            consents.clear();
            round.organizers().stream().sorted(java.util.Comparator.comparing(m -> m.code())).forEach(m -> consents.add(
                    new ConsentRow(m.code(), m.name(shownIn), round.consent(m).map(c -> c.status().name()).orElse("ACCEPTED"),
                            round.consent(m).map(c -> c.isSigned()).orElse(false))));
            round.consents().stream().filter(c -> c.status() == org.duhbalkana.consultation.OrganizerConsent.Status.DECLINED)
                    .forEach(c -> consents.add(new ConsentRow(c.municipality().code(), c.municipality().name(shownIn), "DECLINED", false)));
            invitations.clear();
            authoring.myInvitations(slug).forEach(m -> invitations.add(org.duhbalkana.consultation.OrganizerName.of(m)));
            title = round.title();
            summary = round.summary();
            tags = String.join(", ", round.tags());
            status = round.status().name();
            sections.clear();
            round.sections().forEach(s -> sections.add(new SectionForm(s)));
            attachments.clear();
            reader.attachments(round).forEach(a -> attachments.add(new AttachmentRow(a.id(), a.fileName(), a.sizeBytes())));
            minimumDays = JurisdictionRules.minimumDays(round.organizers(), false);
            translationForm.load(round.language(), round.translations(), round.asWritten());
            loaded = true;
        } catch (RuntimeException e) {
            Messages.show("describe", e);
        }
    }

    public void create() {
        try {
            ConsultationRound round = authoring.create(slug == null ? "" : slug.strip(), nz(title), nz(summary), language,
                    organizers);
            redirect("/consultations/edit.xhtml?slug=" + round.slug());
        } catch (RuntimeException e) {
            Messages.show("create", e);
        }
    }

    public void describe() {
        act(() -> authoring.describe(slug, nz(title), nz(summary), parseTags()), "describe");
    }

    public void saveSection(int number) {
        SectionForm form = sections.get(number - 1);
        act(() -> authoring.editSection(slug, number, nz(form.heading), nz(form.body)), "sections");
    }

    public void moveSection(int number, int by) {
        act(() -> authoring.moveSection(slug, number, number + by), "sections");
    }

    public void removeSection(int number) {
        act(() -> authoring.removeSection(slug, number), "sections");
    }

    public void addSection() {
        act(() -> authoring.addSection(slug, nz(newHeading), nz(newBody)), "add");
        if (!FacesContext.getCurrentInstance().isValidationFailed()) {
            newHeading = null;
            newBody = null;
        }
    }

    public void saveTranslation() {
        TranslationForm t = translationForm;
        act(() -> authoring.translate(slug, nz(t.getLanguage()), nz(t.getTitle()), nz(t.getSummary())), "translations");
        if (!FacesContext.getCurrentInstance().isValidationFailed()) {
            t.saved();
        }
    }

    public void removeTranslation(String languageTag) {
        act(() -> authoring.removeTranslation(slug, languageTag), "translations");
    }

    public void saveAsWritten() {
        act(() -> authoring.showAsWritten(slug, translationForm.isAsWritten()), "translations");
    }

    public TranslationForm getTranslationForm() {
        return translationForm;
    }

    /** A reviewer of an invited municipality accepts to organize the round. */
    public void accept(String municipalityCode) {
        act(() -> authoring.accept(slug, municipalityCode), "consent");
    }

    /** A reviewer of an invited municipality declines; the municipality is taken off the round. */
    public void decline(String municipalityCode) {
        try {
            authoring.decline(slug, municipalityCode);
            // the municipality is off the round: its reviewer goes back to their invitations
            redirect("/review/invitations.xhtml");
        } catch (RuntimeException e) {
            Messages.show("consent", e);
        }
    }

    public boolean isEditable() {
        return editable;
    }

    public List<ConsentRow> getConsents() {
        return consents;
    }

    public List<org.duhbalkana.consultation.OrganizerName> getInvitations() {
        return invitations;
    }

    /** An invited municipality's name in the reader's script. */
    public String nameOf(org.duhbalkana.consultation.OrganizerName organizer) {
        return organizer.name(languageBacking.getCurrent());
    }

    public void schedule() {
        act(() -> {
            if (opens == null || closes == null) {
                throw new org.duhbalkana.platform.InputRejected("opens", "consultation.error.period");
            }
            authoring.scheduleDays(slug, opens, closes, shortReason);
        }, "schedule");
    }

    private void act(Runnable change, String form) {
        try {
            change.run();
            Messages.info("admin.saved");
            load();
        } catch (RuntimeException e) {
            Messages.show(form, e);
        }
    }

    private Set<String> parseTags() {
        return Arrays.stream(tags == null ? new String[0] : tags.split(","))
                .map(String::strip).filter(t -> !t.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static String nz(String text) {
        return text == null ? "" : text;
    }

    private static void redirect(String path) {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            context.getExternalContext().redirect(context.getExternalContext().getRequestContextPath() + path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An attachment as the editor lists it. */
    public record AttachmentRow(long id, String fileName, long sizeBytes) implements Serializable {
        public String getSize() {
            return sizeBytes < 1024 * 1024 ? Math.max(1, sizeBytes / 1024) + " KB" : String.format(java.util.Locale.ROOT, "%.1f MB", sizeBytes / 1048576.0);
        }
    }

    public List<AttachmentRow> getAttachments() {
        return attachments;
    }

    public jakarta.servlet.http.Part getFile() {
        return file;
    }

    public void setFile(jakarta.servlet.http.Part file) {
        this.file = file;
    }

    /** Attaches the uploaded PDF; the service checks its content and size. */
    public void attach() {
        if (file == null || file.getSize() == 0) {
            Messages.error("attach:file", "attachment.error.empty");
            return;
        }
        if (file.getSize() > org.duhbalkana.consultation.Attachment.MAX_BYTES) {
            Messages.error("attach:file", "attachment.error.tooBig", 10);
            return;
        }
        byte[] content;
        try (java.io.InputStream in = file.getInputStream()) {
            content = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = file.getSubmittedFileName();
        act(() -> authoring.attach(slug, name, content), "attach");
        file = null;
    }

    public void detach(long id) {
        act(() -> authoring.detach(slug, id), "attach");
    }

    /** Whether the caller may change the draft now: it is a draft, and the caller writes it (not merely invited). */
    public boolean isDraft() {
        return "DRAFT".equals(status) && editable;
    }

    public boolean isLoaded() {
        return loaded;
    }

    public String getStatus() {
        return status;
    }

    public int getMinimumDays() {
        return minimumDays;
    }

    public List<SectionForm> getSections() {
        return sections;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public List<String> getOrganizers() {
        return organizers;
    }

    public void setOrganizers(List<String> organizers) {
        this.organizers = organizers == null ? new ArrayList<>() : new ArrayList<>(organizers);
    }

    public String getNewHeading() {
        return newHeading;
    }

    public void setNewHeading(String newHeading) {
        this.newHeading = newHeading;
    }

    public String getNewBody() {
        return newBody;
    }

    public void setNewBody(String newBody) {
        this.newBody = newBody;
    }

    public LocalDate getOpens() {
        return opens;
    }

    public void setOpens(LocalDate opens) {
        this.opens = opens;
    }

    public LocalDate getCloses() {
        return closes;
    }

    public void setCloses(LocalDate closes) {
        this.closes = closes;
    }

    public String getShortReason() {
        return shortReason;
    }

    public void setShortReason(String shortReason) {
        this.shortReason = shortReason;
    }
}
