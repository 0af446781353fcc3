package org.duhbalkana.web.platform;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import org.duhbalkana.text.Language;

/**
 * Decides the language of every request: the visitor's choice kept in the {@value #COOKIE}
 * cookie, else the browser's {@code Accept-Language}. A GET with {@code ?lang=TAG} (the links of
 * the language switcher) stores the choice (in the cookie, and for a signed-in person also in
 * their profile, which their mails follow) and redirects to the same address without the parameter; in the API, {@code ?lang=} is a plain
 * parameter (the report PDF's language). The redirect never leaves the site: an address such as
 * {@code //evil.example/x?lang=en} is sent to the home page instead ({@link LocalRedirect}).
 */
public class LanguageFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The cookie that keeps a visitor's language. */
    public static final String COOKIE = "lang";
    static final String PARAMETER = "lang";
    static final String ATTRIBUTE = Language.class.getName();
    private static final int ONE_YEAR = 365 * 24 * 3600;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        if (!api && request.getDispatcherType() == DispatcherType.REQUEST && "GET".equals(request.getMethod())) {
            String requested = request.getParameter(PARAMETER);
            if (requested != null) {
                Optional<Language> chosen = Language.ofTag(requested);
                chosen.ifPresent(language -> {
                    response.addCookie(cookie(language, request.isSecure()));
                    if (request.getUserPrincipal() != null) {
                        accounts.chooseLanguage(language);
                    }
                });
                response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                response.setHeader("Location", withoutLanguageParameter(request));
                return;
            }
        }
        if (request.getAttribute(ATTRIBUTE) == null) {
            request.setAttribute(ATTRIBUTE, resolve(request));
        }
        response.addHeader("Vary", "Accept-Language, Cookie");
        chain.doFilter(request, response);
    }

    /** The language of this request. */
    static Language resolve(HttpServletRequest request) {
        Object decided = request.getAttribute(ATTRIBUTE);
        if (decided instanceof Language language) {
            return language;
        }
        return kept(request).orElseGet(() -> Language.negotiate(request.getHeader("Accept-Language")));
    }

    /** The language chosen on this device, kept in the cookie. */
    private static Optional<Language> kept(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies)
                .filter(c -> COOKIE.equals(c.getName()))
                .map(c -> Language.ofTag(c.getValue()))
                .flatMap(Optional::stream)
                .findFirst();
    }

    @jakarta.inject.Inject
    org.duhbalkana.account.AccountService accounts;

    /** Whether a language was chosen on this device (the cookie holds one of ours). */
    public static boolean chosen(HttpServletRequest request) {
        return kept(request).isPresent();
    }

    /** The cookie that keeps the language on this device. */
    public static Cookie cookie(Language language, boolean secure) {
        Cookie cookie = new Cookie(COOKIE, language.tag());
        cookie.setPath("/");
        cookie.setMaxAge(ONE_YEAR);
        cookie.setHttpOnly(true);
        cookie.setSecure(secure);
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }

    /**
     * The address of this request without the {@code lang} parameter, as a path of this site; the
     * home page when the request's path could be read as another site's address.
     */
    static String withoutLanguageParameter(HttpServletRequest request) {
        String home = request.getContextPath() + "/";
        if (LocalRedirect.path(request.getRequestURI()).filter(p -> p.indexOf('?') < 0 && p.indexOf('#') < 0).isEmpty()) {
            return home;
        }
        String query = request.getQueryString();
        StringBuilder location = new StringBuilder(request.getRequestURI());
        if (query != null) {
            String kept = Arrays.stream(query.split("&"))
                    .filter(part -> !part.equals(PARAMETER) && !part.startsWith(PARAMETER + "="))
                    .reduce((a, b) -> a + "&" + b)
                    .orElse("");
            if (!kept.isEmpty()) {
                location.append('?').append(encodeOddCharacters(kept));
            }
        }
        return LocalRedirect.pathOr(location.toString(), request.getContextPath());
    }

    /** Percent-encodes what a query may not hold as it is (spaces, quotes, backslashes, non-ASCII). */
    private static String encodeOddCharacters(String query) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : query.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c > 0x20 && c < 0x7f && "\"<>\\^`{|}#".indexOf(c) < 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }
}
