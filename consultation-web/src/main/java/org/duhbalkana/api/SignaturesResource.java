package org.duhbalkana.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.duhbalkana.campaign.SignatureOutcome;
import org.duhbalkana.campaign.Signing;
import org.duhbalkana.web.platform.Jsons;

/**
 * Confirms a signature with the token from its mailed link, for embedding sites and load tests;
 * people use the page the link opens. 200 when confirmed (or confirmed before), 404 for an
 * unknown token, 410 for an expired one, 409 when the petition has closed; an error names the token
 * and says why in the client's language.
 */
@Path("signatures")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class SignaturesResource {

    @Inject
    Signing signing;

    @POST
    @Path("confirmation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@FormParam("token") String token,
            @jakarta.ws.rs.HeaderParam("Accept-Language") String acceptLanguage) {
        if (token == null || token.isBlank()) {
            throw new BadParameter("token", "api.error.required");
        }
        SignatureOutcome outcome = signing.confirm(token.strip());
        Response.Status status = switch (outcome) {
            case CONFIRMED, ALREADY_CONFIRMED -> Response.Status.OK;
            case UNKNOWN -> Response.Status.NOT_FOUND;
            case EXPIRED -> Response.Status.GONE;
            case CLOSED -> Response.Status.CONFLICT;
        };
        jakarta.json.JsonObjectBuilder body = Jsons.PROVIDER.createObjectBuilder().add("outcome", outcome.name());
        if (status != Response.Status.OK) {
            body.add("error", ApiErrors.sentence(org.duhbalkana.text.Language.negotiate(acceptLanguage).locale(),
                    "api.error.confirmation." + outcome.name().toLowerCase(java.util.Locale.ROOT), new Object[0]));
            body.add("parameter", "token");
        }
        return Response.status(status).entity(body.build()).build();
    }
}
