package org.duhbalkana.web.platform;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the site may send a browser: only to a path of its own. A {@code Location} built from what
 * the request said (its path, a {@code next} parameter) could otherwise lead off the site:
 * {@code //evil.example/x} and {@code /\evil.example} are read by browsers as another host, and
 * browsers drop tabs and line breaks from addresses before they read them.
 */
public final class LocalRedirect {

    /**
     * A path: a slash, then neither a second slash nor a backslash, then only the printable
     * characters of a URL (no spaces, no control characters, no backslash anywhere).
     */
    private static final Pattern LOCAL = Pattern.compile("/(?![/\\\\])[A-Za-z0-9\\-._~!$&'()*+,;=:@%/?#\\[\\]]*");

    private static final int LONGEST = 2000;

    private LocalRedirect() {
    }

    /** The address, if it is a path of this site; empty for anything that could leave it. */
    public static Optional<String> path(String address) {
        if (address == null || address.length() > LONGEST || !LOCAL.matcher(address).matches()) {
            return Optional.empty();
        }
        return Optional.of(address);
    }

    /** The address if it is a path of this site, else the site's home page. */
    public static String pathOr(String address, String contextPath) {
        return path(address).orElse(contextPath + "/");
    }
}
