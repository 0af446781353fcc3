package org.duhbalkana.api;

import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path.Node;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.duhbalkana.campaign.Campaign;
import org.duhbalkana.campaign.CampaignReader;
import org.duhbalkana.campaign.CampaignRuleBroken;
import org.duhbalkana.campaign.CampaignStatus;
import org.duhbalkana.campaign.PetitionClosed;
import org.duhbalkana.campaign.SignatureRequest;
import org.duhbalkana.campaign.Signing;
import org.duhbalkana.platform.InputRejected;
import org.duhbalkana.text.Language;
import org.duhbalkana.web.platform.Jsons;

/**
 * Campaigns as open data (no personal data: counts only), and signing for embeddable forms:
 * the same validation, limits and neutral answer as the page.
 */
@Path("campaigns")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class CampaignsResource {

    private static final List<CampaignStatus> LISTABLE = List.of(CampaignStatus.PUBLISHED, CampaignStatus.CLOSED);
    private static final Map<String, String> FIELDS = Map.of("home", "municipalityId", "consentSignature", "consentSignature");

    @Inject
    CampaignReader reader;

    @Inject
    Signing signing;

    @Inject
    Validator validator;

    @GET
    public JsonObject list(@QueryParam("status") String status, @QueryParam("page") String page) {
        Optional<CampaignStatus> chosen = Optional.ofNullable(status).filter(s -> !s.isBlank()).map(s -> LISTABLE.stream()
                .filter(l -> l.name().equals(s.strip())).findFirst()
                .orElseThrow(() -> new BadParameter("status", "api.error.oneOf", LISTABLE.stream().map(Enum::name)
                        .collect(java.util.stream.Collectors.joining(", ")))));
        int pageNumber = BadParameter.integer("page", page, 0, 10_000, 0);
        JsonArrayBuilder campaigns = Jsons.PROVIDER.createArrayBuilder();
        reader.list(chosen, pageNumber, 50).forEach(c -> campaigns.add(summary(c)));
        return Jsons.PROVIDER.createObjectBuilder().add("page", pageNumber).add("campaigns", campaigns).build();
    }

    @GET
    @Path("{slug}")
    public JsonObject campaign(@PathParam("slug") String slug) {
        Campaign campaign = find(slug);
        JsonObjectBuilder json = summary(campaign).add("description", campaign.description());
        if (campaign.hasPetition()) {
            List<CampaignReader.Place> found = reader.places(campaign);
            JsonArrayBuilder places = Jsons.PROVIDER.createArrayBuilder();
            found.stream().filter(p -> p.municipality().isPresent()).forEach(p -> places.add(Jsons.PROVIDER.createObjectBuilder()
                    .add("municipalityId", p.municipality().get().id())
                    .add("code", p.municipality().get().code())
                    .add("signatures", p.signatures())));
            JsonObjectBuilder countries = Jsons.PROVIDER.createObjectBuilder();
            CampaignReader.countries(found).forEach(countries::add);
            json.add("perMunicipality", places).add("perCountry", countries);
            campaign.responseText().ifPresent(r -> json.add("response", r));
        }
        return json.build();
    }

    /**
     * Signs the petition: JSON {@code {"name", "email", "municipalityId" | "country", "consentUpdates",
     * "consentSignature"}}. Consent is explicit: {@code "consentSignature": true} or 400 naming it;
     * {@code country} is an ISO 3166-1 alpha-2 code. Answers 202 whether the address is new, has signed
     * before or is over a mail limit (then held and mailed nothing); 400 naming the field for bad input;
     * 404 for no such petition; 409 when the petition is closed. Errors are sentences in the language
     * of {@code Accept-Language}.
     */
    @POST
    @Path("{slug}/signatures")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response sign(@PathParam("slug") String slug, InputStream body, @HeaderParam("Content-Type") String contentType,
            @HeaderParam("Content-Length") String contentLength, @HeaderParam("Accept-Language") String acceptLanguage) {
        JsonObject json = parse(JsonBodies.read(body, contentType, contentLength, JsonBodies.signatureMaxBytes()));
        // Consent is given explicitly, or not at all: a missing, null or false consentSignature is refused.
        if (!json.containsKey("consentSignature") || json.isNull("consentSignature")) {
            throw new BadParameter("consentSignature", "validation.consent");
        }
        if (!bool(json, "consentSignature")) {
            throw new BadParameter("consentSignature", "validation.consent");
        }
        SignatureRequest request = new SignatureRequest(
                text(json, "name"), text(json, "email"),
                json.containsKey("municipalityId") && !json.isNull("municipalityId") ? number(json, "municipalityId") : null,
                text(json, "country"),
                true, // checked above
                bool(json, "consentUpdates"), bool(json, "shareName"),
                Language.ofTag(text(json, "language")).orElseGet(() -> Language.negotiate(acceptLanguage)).tag(),
                text(json, "website"));
        if (request.municipalityId() == null && (request.country() == null || request.country().isBlank())) {
            throw new BadParameter("municipalityId", "api.error.placeRequired");
        }
        // Checked here, before the EJB: a request Bean Validation refuses inside it would be a system exception
        // (logged with its stack trace) rather than the expected 400 it is.
        Set<ConstraintViolation<SignatureRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw translate(new ConstraintViolationException(violations));
        }
        try {
            signing.sign(slug, request);
        } catch (RuntimeException e) {
            throw translate(e);
        }
        return Response.accepted(Jsons.PROVIDER.createObjectBuilder().add("status", "check-your-mail")
                .add("message", ApiErrors.sentence(Language.ofTag(request.language()).orElse(Language.EN).locale(),
                        "api.signing.checkMail", new Object[0]))
                .build()).build();
    }

    @GET
    @Path("{slug}/signatures")
    public Response signaturesOnlyByPost() {
        // thrown, not returned, so that ApiErrors writes our JSON body
        throw new jakarta.ws.rs.WebApplicationException(Response.status(Response.Status.METHOD_NOT_ALLOWED).header("Allow", "POST").build());
    }

    private static RuntimeException translate(RuntimeException e) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof ConstraintViolationException violations) {
                ConstraintViolation<?> first = violations.getConstraintViolations().iterator().next();
                String field = "";
                for (Node node : first.getPropertyPath()) {
                    if (node.getName() != null) {
                        field = node.getName();
                    }
                }
                String template = first.getMessageTemplate();
                String key = template.startsWith("{") && template.endsWith("}")
                        ? template.substring(1, template.length() - 1) : "api.error.invalid";
                return new BadParameter(FIELDS.getOrDefault(field, field), key);
            }
            if (cause instanceof InputRejected rejected) {
                return new BadParameter(FIELDS.getOrDefault(rejected.field(), rejected.field()), rejected.messageKey(),
                        rejected.arguments().toArray());
            }
            if (cause instanceof PetitionClosed) {
                return BadParameter.status(Response.Status.CONFLICT, "api.error.petitionClosed");
            }
            if (cause instanceof CampaignRuleBroken) {
                return BadParameter.notFound("petition");
            }
            cause = cause instanceof EJBException ejb && ejb.getCausedByException() != null ? ejb.getCausedByException() : cause.getCause();
        }
        return e;
    }

    private static JsonObject parse(String body) {
        if (JsonBodies.depth(body) > JsonBodies.MAX_DEPTH) {
            throw new BadParameter("body", "api.error.jsonDepth");
        }
        try {
            JsonValue value = Jsons.PROVIDER.createReader(new StringReader(body)).readValue();
            if (value instanceof JsonObject object) {
                return object;
            }
        } catch (RuntimeException | StackOverflowError e) {
            // whatever the parser throws for a body it cannot read is reported below, as a 400
        }
        throw new BadParameter("body", "api.error.jsonObject");
    }

    private static String text(JsonObject json, String field) {
        if (!json.containsKey(field) || json.isNull(field)) {
            return null;
        }
        if (json.get(field).getValueType() != JsonValue.ValueType.STRING) {
            throw new BadParameter(field, "api.error.string");
        }
        return json.getString(field);
    }

    private static long number(JsonObject json, String field) {
        if (json.get(field).getValueType() != JsonValue.ValueType.NUMBER || !json.getJsonNumber(field).isIntegral()) {
            throw new BadParameter(field, "api.error.wholeNumber");
        }
        try {
            return json.getJsonNumber(field).longValueExact();
        } catch (ArithmeticException outOfRange) {
            throw new BadParameter(field, "api.error.wholeNumber");
        }
    }

    private static boolean bool(JsonObject json, String field) {
        if (!json.containsKey(field) || json.isNull(field)) {
            return false;
        }
        JsonValue value = json.get(field);
        if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
            throw new BadParameter(field, "api.error.booleanValue");
        }
        return value == JsonValue.TRUE;
    }

    private Campaign find(String slug) {
        return reader.publicCampaign(slug).orElseThrow(() -> BadParameter.notFound("campaign"));
    }

    private static JsonObjectBuilder summary(Campaign c) {
        JsonObjectBuilder json = Jsons.PROVIDER.createObjectBuilder()
                .add("slug", c.slug())
                .add("title", c.title())
                .add("ask", c.ask())
                .add("language", c.language().tag())
                .add("asWritten", c.asWritten())
                .add("translations", ConsultationsResource.translations(c.translations(), "ask"))
                .add("status", c.status().name())
                .add("deadline", c.deadline().toString())
                .add("organizer", c.organizer().displayName());
        c.targetMunicipality().ifPresentOrElse(m -> json.add("targetMunicipalityId", m.id()), () -> json.addNull("targetMunicipalityId"));
        c.targetInstitution().ifPresentOrElse(i -> json.add("targetInstitution", i), () -> json.addNull("targetInstitution"));
        c.round().ifPresent(r -> json.add("consultation", r.slug()));
        if (c.hasPetition()) {
            json.add("petition", Jsons.PROVIDER.createObjectBuilder()
                    .add("goal", c.signatureGoal())
                    .add("responseThreshold", c.responseThreshold())
                    .add("confirmedSignatures", c.signatureCount())
                    .add("invalidatedSignatures", c.invalidatedCount())
                    .add("responseDue", c.isResponseDue())
                    .add("retentionMonths", c.retentionMonths()));
        } else {
            json.addNull("petition");
        }
        return json;
    }
}
