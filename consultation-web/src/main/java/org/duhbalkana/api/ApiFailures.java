package org.duhbalkana.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import org.duhbalkana.platform.database.DatabaseAway;
import org.duhbalkana.text.Language;
import org.duhbalkana.web.platform.Edges;
import org.duhbalkana.web.platform.FailureLog;
import org.duhbalkana.web.platform.Jsons;

/**
 * A failure because the database is away (as {@link DatabaseAway} judges it) is not a bug: it is
 * answered 503 with {@code Retry-After} and our JSON, {@code {"error":"<try again>","retryAfter":<seconds>}},
 * and logged as one line per minute at most ({@link FailureLog}).
 *
 * <p>An API failure nobody expected (a bug, not a refusal: those are {@link jakarta.ws.rs.WebApplicationException}s
 * that {@link ApiErrors} answers): logged once, with its stack trace and an incident id, and answered
 * 500 with our JSON, {@code {"error":"<sentence naming the incident>","incident":"<id>"}}, in the
 * client's language. The id lets the operator find the one log entry a client writes about.
 */
@Provider
public class ApiFailures implements ExceptionMapper<Throwable> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(Throwable failure) {
        Locale locale = Language.negotiate(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)).locale();
        if (DatabaseAway.isCause(failure)) {
            FailureLog.SITE.databaseAway("API", failure);
            int retryAfter = Edges.settings().retryAfterSeconds();
            return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                    .header(HttpHeaders.RETRY_AFTER, retryAfter)
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .header(HttpHeaders.CONTENT_LANGUAGE, Language.of(locale).map(Language::tag).orElse(null))
                    .entity(unavailableBody(locale, retryAfter))
                    .build();
        }
        String incident = report(failure);
        return Response.serverError()
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.CONTENT_LANGUAGE, Language.of(locale).map(Language::tag).orElse(null))
                .entity(body(locale, incident))
                .build();
    }

    /**
     * Logs the failure with its stack trace under a new incident id, or counts it when the same
     * failure was logged in the last minute (its id is then the one returned); returns the id.
     */
    static String report(Throwable failure) {
        return FailureLog.SITE.unexpected("API", failure);
    }

    /** The JSON answer while the database is away: "try again in a moment", and when. */
    public static String unavailableBody(Locale locale, int retryAfter) {
        return Jsons.PROVIDER.createObjectBuilder()
                .add("error", ApiErrors.sentence(locale, "api.error.databaseAway", new Object[0]))
                .add("retryAfter", retryAfter).build().toString();
    }

    /** The JSON answer for the incident, in the locale: a sentence naming it, and the id. */
    static String body(Locale locale, String incident) {
        return Jsons.PROVIDER.createObjectBuilder()
                .add("error", ApiErrors.sentence(locale, "api.error.incident", new Object[] {incident}))
                .add("incident", incident).build().toString();
    }

    /** A short random id, unique enough to find one entry in a log. */
    static String newIncident() {
        return FailureLog.newIncident();
    }
}
