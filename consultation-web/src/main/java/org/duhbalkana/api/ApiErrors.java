package org.duhbalkana.api;

import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.duhbalkana.text.Language;
import org.duhbalkana.web.platform.Jsons;
import org.duhbalkana.web.platform.Messages;

/**
 * Writes every API error as JSON in the language the client asks for ({@code Accept-Language}: Serbian
 * in Latin or Cyrillic script, Bulgarian, English): {@code {"error":"<sentence>","parameter":"<name>"}}
 * for a {@link BadParameter}, {@code {"error":"<sentence>"}} for any other error JAX-RS raises without
 * a body of its own (no such path 404, 405, 406, 415 …). The sentence comes from the site's message
 * bundle; a key never shows: one missing from the bundle is answered with the general sentence.
 */
@Provider
public class ApiErrors implements ExceptionMapper<WebApplicationException> {

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        if (original == null) {
            original = Response.serverError().build();
        }
        if (original.hasEntity() || original.getStatus() < 400) {
            return original;
        }
        Locale locale = Language.negotiate(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)).locale();
        JsonObjectBuilder body = Jsons.PROVIDER.createObjectBuilder();
        if (exception instanceof BadParameter bad) {
            body.add("error", sentence(locale, bad.key(), bad.arguments()));
            bad.parameter().ifPresent(p -> body.add("parameter", p));
        } else {
            body.add("error", sentence(locale, "api.error.status." + original.getStatus(), new Object[0]));
        }
        return Response.fromResponse(original)
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .header(HttpHeaders.CONTENT_LANGUAGE, Language.of(locale).map(Language::tag).orElse(null))
                .entity(body.build().toString())
                .build();
    }

    /** The sentence for the key in the locale; the general one for a status or key the bundle lacks. */
    static String sentence(Locale locale, String key, Object[] arguments) {
        ResourceBundle bundle = ResourceBundle.getBundle(Messages.BUNDLE, locale, ApiErrors.class.getClassLoader());
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException missing) {
            pattern = bundle.getString(key.startsWith("api.error.status.") ? "api.error.status.other" : "api.error.invalid");
        }
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }
}
