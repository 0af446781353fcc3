package org.duhbalkana.web.platform;

import jakarta.faces.application.ViewExpiredException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.ResourceBundle;
import org.duhbalkana.platform.database.DatabaseAway;
import org.duhbalkana.text.Language;

/**
 * What a page's failure shows (issue 20). A failure because the database is away
 * ({@link DatabaseAway}) is answered 503 with {@code Retry-After} and our page
 * {@code /errors/503.xhtml} ("try again in a moment"); any other is a bug: logged once with its
 * stack trace and an incident id ({@link FailureLog}), and answered 500 with our page, which shows
 * the id. An expired view gets its own page (400); the API answers its own failures.
 *
 * <p>Should the error page itself fail (it may need the database for a signed-in visitor's name),
 * a plain page of ours in the visitor's language is written instead.
 */
public class FailurePagesFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The request attribute that carries the incident id to the 500 page. */
    public static final String INCIDENT = "duhbalkana.incident";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException | Error failure) {
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/") || response.isCommitted()
                    || (failure instanceof IOException && !DatabaseAway.isCause(failure))) {
                throw failure; // the API answers its own; an IOException here is the client gone (an upload dropped)
            }
            if (expired(failure)) {
                // not a bug and not the database: the form's view is gone (a session ended, a replayed
                // form). Our page says so; left to the container, its Throwable mapping would win over
                // the ViewExpiredException one (it looks at the wrapping ServletException first).
                response.resetBuffer();
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                response.setHeader("Cache-Control", "no-store");
                request.getRequestDispatcher("/errors/expired.xhtml").forward(freshGet(request), response);
                return;
            }
            answer(request, response, failure);
        }
    }

    /** Answers the failure with our page: 503 when the database is away, 500 with an incident id otherwise. */
    static void answer(HttpServletRequest request, HttpServletResponse response, Throwable failure) throws IOException {
        boolean away = DatabaseAway.isCause(failure);
        String page;
        if (away) {
            FailureLog.SITE.databaseAway("pages", failure);
            page = "/errors/503.xhtml";
        } else {
            request.setAttribute(INCIDENT, FailureLog.SITE.unexpected("pages", failure));
            page = "/errors/500.xhtml";
        }
        response.resetBuffer();
        response.setStatus(away ? HttpServletResponse.SC_SERVICE_UNAVAILABLE : HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        response.setHeader("Cache-Control", "no-store");
        if (away) {
            response.setHeader("Retry-After", Integer.toString(Edges.settings().retryAfterSeconds()));
        }
        try {
            request.getRequestDispatcher(page).forward(freshGet(request), response);
        } catch (ServletException | IOException | RuntimeException pageFailed) {
            plainPage(request, response, away);
        }
    }

    /**
     * The answer while the database is away, for code that runs before the filters (the sign-in
     * mechanism checks a signed-in session against the database on every request): 503 with
     * {@code Retry-After}, our JSON under {@code /api/}, our plain page elsewhere. Logged as the
     * database's absence (one line a minute), never as a bug.
     */
    public static void answerAway(HttpServletRequest request, HttpServletResponse response, Throwable failure) throws IOException {
        FailureLog.SITE.databaseAway("sign-in", failure);
        if (response.isCommitted()) {
            return;
        }
        int retryAfter = Edges.settings().retryAfterSeconds();
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", Integer.toString(retryAfter));
        response.setHeader("Cache-Control", "no-store");
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            Locale locale = Language.negotiate(request.getHeader("Accept-Language")).locale();
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write(org.duhbalkana.api.ApiFailures.unavailableBody(locale, retryAfter));
        } else {
            plainPage(request, response, "away");
        }
    }

    /** A page without the template (and without the database): title, sentence, incident. */
    private static void plainPage(HttpServletRequest request, HttpServletResponse response, boolean away) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        plainPage(request, response, away ? "away" : "500");
    }

    /**
     * Writes our page of the kind ({@code error.KIND.title} and {@code .text} in the visitor's
     * language) without the template, the Faces servlet or the database; for answers given before
     * a request body is read (413, 415) and for error pages that could not be rendered.
     */
    public static void plainPage(HttpServletRequest request, HttpServletResponse response, String kind) throws IOException {
        // the reader's choice (cookie) too: this may run before the language filter (413, 415)
        Locale locale = LanguageFilter.resolve(request).locale();
        ResourceBundle bundle = ResourceBundle.getBundle(Messages.BUNDLE, locale, FailurePagesFilter.class.getClassLoader());
        String title = escape(bundle.getString("error." + kind + ".title"));
        String text = escape(bundle.getString("error." + kind + ".text"));
        Object incident = request.getAttribute(INCIDENT);
        String incidentLine = incident == null ? ""
                : "<p>" + escape(java.text.MessageFormat.format(bundle.getString("error.incident"), incident)) + "</p>";
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("<!DOCTYPE html><html lang=\"" + Language.of(locale).map(Language::tag).orElse("en")
                + "\"><head><meta charset=\"UTF-8\"/><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"
                + "<title>" + title + "</title></head><body><main><h1>" + title + "</h1><p>" + text + "</p>" + incidentLine
                + "<p><a href=\"" + escape(request.getContextPath()) + "/\">" + escape(bundle.getString("error.home"))
                + "</a></p></main></body></html>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * The request as a plain GET without parameters, for forwarding to an error page: the Faces
     * servlet would otherwise take the failed form's POST and view state as a postback of the
     * error page, and fail the same way.
     */
    static HttpServletRequest freshGet(HttpServletRequest request) {
        return new jakarta.servlet.http.HttpServletRequestWrapper(request) {
            @Override
            public String getMethod() {
                return "GET";
            }

            @Override
            public String getParameter(String name) {
                return null;
            }

            @Override
            public java.util.Map<String, String[]> getParameterMap() {
                return java.util.Map.of();
            }

            @Override
            public java.util.Enumeration<String> getParameterNames() {
                return java.util.Collections.emptyEnumeration();
            }

            @Override
            public String[] getParameterValues(String name) {
                return null;
            }

            @Override
            public String getQueryString() {
                return null;
            }
        };
    }

    static boolean expired(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ViewExpiredException) {
                return true;
            }
        }
        return false;
    }
}
