package org.duhbalkana.campaign;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which signatures a moderator means to invalidate: those from an e-mail domain, from network
 * addresses that start with a prefix (an address range such as {@code 203.0.113.}), given within
 * a time window, or all of these at once. At least one must be given.
 */
public record InvalidationCondition(Optional<String> emailDomain, Optional<String> addressPrefix,
        Optional<Instant> from, Optional<Instant> until) {

    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");
    private static final Pattern PREFIX = Pattern.compile("[0-9a-fA-F:.]{2,45}");

    public InvalidationCondition {
        emailDomain = emailDomain.map(d -> d.strip().toLowerCase(Locale.ROOT)).filter(d -> !d.isEmpty());
        addressPrefix = addressPrefix.map(String::strip).filter(p -> !p.isEmpty());
        if (emailDomain.isPresent() && !DOMAIN.matcher(emailDomain.get()).matches()) {
            throw new org.duhbalkana.platform.InputRejected("domain", "signatures.error.domain");
        }
        if (addressPrefix.isPresent() && !PREFIX.matcher(addressPrefix.get()).matches()) {
            throw new org.duhbalkana.platform.InputRejected("prefix", "signatures.error.prefix");
        }
        if (from.isPresent() && until.isPresent() && !from.get().isBefore(until.get())) {
            throw new org.duhbalkana.platform.InputRejected("until", "signatures.error.window");
        }
        if (emailDomain.isEmpty() && addressPrefix.isEmpty() && from.isEmpty() && until.isEmpty()) {
            throw new CampaignRuleBroken("signatures.error.noCondition");
        }
    }
}
