package org.duhbalkana.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.duhbalkana.web.platform.Jsons;

/** A query parameter the API cannot use: 400 with a JSON body naming it. */
public class BadParameter extends WebApplicationException {

    private static final long serialVersionUID = 1L;

    public BadParameter(String parameter, String problem) {
        super(Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(Jsons.PROVIDER.createObjectBuilder().add("error", problem).add("parameter", parameter).build().toString())
                .build());
    }

    /** 404 with a JSON body. */
    public static WebApplicationException notFound(String what) {
        return new WebApplicationException(Response.status(Response.Status.NOT_FOUND)
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(Jsons.PROVIDER.createObjectBuilder().add("error", what + " not found").build().toString())
                .build());
    }

    static int integer(String parameter, String value, int min, int max, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadParameter(parameter, "must be a whole number from " + min + " to " + max);
    }
}
