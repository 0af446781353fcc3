package org.duhbalkana.web.moderation;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.duhbalkana.campaign.CampaignReader;
import org.duhbalkana.campaign.InvalidationCondition;
import org.duhbalkana.campaign.SignatureModeration;
import org.duhbalkana.web.platform.Messages;

/**
 * {@code moderation/signatures.xhtml?slug=…}: a moderator clears held signatures, and invalidates
 * signatures by a condition, only after a dry run of that very condition.
 */
@Named("signatureReview")
@ViewScoped
public class SignatureReviewBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SignatureModeration moderation;

    @Inject
    CampaignReader reader;

    private String slug;
    private long held;
    private String domain;
    private String prefix;
    private LocalDate from;
    private LocalDate until;
    private String reason;
    private Long matched;
    /**
     * The dry run's condition, as its record prints it (every component, normalised): a view-scoped
     * bean travels with the session through the data grid (issue 13), and the record, holding
     * {@code Optional}s, is not serializable.
     */
    private String dryRunCondition;
    private ZoneId zone = ZoneId.of("Europe/Belgrade");

    public void load() {
        try {
            held = moderation.held(slug == null ? "" : slug);
            reader.campaign(slug).ifPresent(c -> zone = c.zone());
        } catch (RuntimeException e) {
            Messages.show("signatures", e);
        }
    }

    public void clear() {
        try {
            int cleared = moderation.clearHeld(slug);
            Messages.info("signatures.cleared", cleared);
            held = moderation.held(slug);
        } catch (RuntimeException e) {
            Messages.show("signatures", e);
        }
    }

    public void dryRun() {
        try {
            InvalidationCondition condition = condition();
            dryRunCondition = condition.toString();
            matched = moderation.dryRun(slug, condition);
        } catch (RuntimeException e) {
            matched = null;
            Messages.show("signatures", e);
        }
    }

    /** Invalidates only what the dry run showed: a condition changed since then asks for a new dry run. */
    public void invalidate() {
        try {
            InvalidationCondition now = condition();
            if (!Objects.equals(now.toString(), dryRunCondition)) {
                matched = null;
                Messages.error(null, "signatures.error.dryRunFirst");
                return;
            }
            int invalidated = moderation.invalidate(slug, now, reason);
            Messages.info("signatures.invalidated", invalidated);
            matched = null;
            dryRunCondition = null;
            reason = null;
        } catch (RuntimeException e) {
            Messages.show("signatures", e);
        }
    }

    private InvalidationCondition condition() {
        return new InvalidationCondition(Optional.ofNullable(domain), Optional.ofNullable(prefix),
                Optional.ofNullable(from).map(d -> d.atStartOfDay(zone).toInstant()),
                Optional.ofNullable(until).map(d -> d.plusDays(1).atStartOfDay(zone).toInstant()));
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public long getHeld() {
        return held;
    }

    public String getDomain() {
        return domain;
    }

    public void setDomain(String domain) {
        this.domain = domain;
    }

    public String getPrefix() {
        return prefix;
    }

    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getUntil() {
        return until;
    }

    public void setUntil(LocalDate until) {
        this.until = until;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public Long getMatched() {
        return matched;
    }
}
