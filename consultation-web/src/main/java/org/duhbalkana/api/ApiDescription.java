package org.duhbalkana.api;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes the API description that Payara Micro serves at {@code /openapi} (registered as
 * {@code mp.openapi.filter}): every operation documents that 404 means "unknown" and 503 means
 * "try again later", so that a client never throws away a valid link or signature because the
 * site was starting or its database was briefly away.
 */
public class ApiDescription implements OASFilter {

    static final String NOT_FOUND = "Unknown: there is no such campaign, consultation, municipality or token (or the "
            + "path is not part of the API). A client may drop what it asked for. The site never answers 404 while it "
            + "is starting or its database is away: it answers 503 then.";

    static final String UNAVAILABLE = "Try again later: the site is starting, or its database is briefly away. "
            + "Nothing was recorded. Wait the seconds in Retry-After and send the same request again; a confirmation "
            + "token or a signature refused with 503 is still valid.";

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        if (!responses.hasAPIResponse("404")) {
            responses.addAPIResponse("404", error(NOT_FOUND));
        }
        if (!responses.hasAPIResponse("503")) {
            responses.addAPIResponse("503", error(UNAVAILABLE).addHeader("Retry-After", OASFactory.createHeader()
                    .description("Seconds to wait before trying again")
                    .schema(OASFactory.createSchema().type(Schema.SchemaType.INTEGER))));
        }
        return operation;
    }

    /** A response with our error body: {@code {"error":"<sentence in the client's language>"}}. */
    private static APIResponse error(String description) {
        Schema body = OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                .addProperty("error", OASFactory.createSchema().type(Schema.SchemaType.STRING)
                        .description("What happened, in the language of Accept-Language"));
        Content json = OASFactory.createContent().addMediaType("application/json",
                OASFactory.createMediaType().schema(body));
        return OASFactory.createAPIResponse().description(description).content(json);
    }
}
