package org.duhbalkana.api;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.duhbalkana.text.Language;
import org.duhbalkana.web.platform.Jsons;

/**
 * An API failure nobody expected (a bug, not a refusal: those are {@link jakarta.ws.rs.WebApplicationException}s
 * that {@link ApiErrors} answers): logged once, with its stack trace and an incident id, and answered
 * 500 with our JSON, {@code {"error":"<sentence naming the incident>","incident":"<id>"}}, in the
 * client's language. The id lets the operator find the one log entry a client writes about.
 */
@Provider
public class ApiFailures implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ApiFailures.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(Throwable failure) {
        String incident = report(failure);
        Locale locale = Language.negotiate(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)).locale();
        return Response.serverError()
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.CONTENT_LANGUAGE, Language.of(locale).map(Language::tag).orElse(null))
                .entity(body(locale, incident))
                .build();
    }

    /** Logs the failure once, with its stack trace, under a new incident id; returns the id. */
    static String report(Throwable failure) {
        String incident = newIncident();
        LOG.log(Level.SEVERE, "API failure, incident " + incident, failure);
        return incident;
    }

    /** The JSON answer for the incident, in the locale: a sentence naming it, and the id. */
    static String body(Locale locale, String incident) {
        return Jsons.PROVIDER.createObjectBuilder()
                .add("error", ApiErrors.sentence(locale, "api.error.incident", new Object[] {incident}))
                .add("incident", incident).build().toString();
    }

    /** A short random id, unique enough to find one entry in a log. */
    static String newIncident() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
