package org.duhbalkana.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.duhbalkana.moderation.AuditAction;
import org.duhbalkana.moderation.AuditEvent;
import org.duhbalkana.moderation.AuditLog;
import org.duhbalkana.web.platform.LanguageBacking;
import org.duhbalkana.web.platform.Messages;

/** {@code admin/audit.xhtml}: the audit log, newest first, filtered and paged (GET parameters). */
@Named("audit")
@RequestScoped
public class AuditBacking {

    @Inject
    AuditLog log;

    @Inject
    LanguageBacking language;

    private String action;
    private String text;
    private int page;
    private List<AuditEvent> events;

    public void load() {
        try {
            Optional<AuditAction> chosen = Arrays.stream(AuditAction.values())
                    .filter(a -> a.name().equals(action)).findFirst();
            events = log.page(chosen, Optional.ofNullable(text).map(String::strip).filter(t -> !t.isEmpty()),
                    Optional.empty(), page);
        } catch (RuntimeException e) {
            Messages.show("audit", e);
        }
    }

    public List<AuditEvent> getEvents() {
        return events == null ? List.of() : events;
    }

    /** A time in the reader's format, with the zone named (Central European Time). */
    public String time(Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(language.getLocale())
                .withZone(ZoneId.of("Europe/Belgrade")).format(instant) + " CET/CEST";
    }

    public AuditAction[] getActions() {
        return AuditAction.values();
    }

    public boolean isHasNext() {
        return getEvents().size() == AuditLog.PAGE_SIZE;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = Math.max(0, page);
    }
}
