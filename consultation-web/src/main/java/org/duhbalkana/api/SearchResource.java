package org.duhbalkana.api;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.duhbalkana.search.Search;
import org.duhbalkana.search.SearchHit;
import org.duhbalkana.web.platform.Jsons;

/** {@code GET /api/search?q=…&page=N}: rounds, articles, campaigns and visible comments, in any script, best first. */
@Path("search")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class SearchResource {

    @Inject
    Search search;

    @Inject
    org.duhbalkana.search.SearchLimit limit;

    @GET
    public JsonObject find(@QueryParam("q") String q, @QueryParam("page") String page,
            @jakarta.ws.rs.HeaderParam("Accept-Language") String acceptLanguage) {
        try {
            limit.take();
        } catch (org.duhbalkana.platform.TooManyAttempts over) {
            throw tooMany(over, org.duhbalkana.text.Language.negotiate(acceptLanguage));
        }
        if (q == null || Search.terms(q).isEmpty()) {
            throw new BadParameter("q", "give at least one word of two letters or more");
        }
        if (q.length() > 200) {
            throw new BadParameter("q", "must be at most 200 characters");
        }
        int pageNumber = BadParameter.integer("page", page, 0, 1000, 0);
        JsonArrayBuilder results = Jsons.PROVIDER.createArrayBuilder();
        for (SearchHit hit : search.find(q, pageNumber)) {
            results.add(Jsons.PROVIDER.createObjectBuilder()
                    .add("kind", hit.kind())
                    .add("id", hit.id())
                    .add("slug", hit.slug())
                    .add("title", hit.title())
                    .add("text", hit.text())
                    .add("score", hit.score()));
        }
        JsonArrayBuilder terms = Jsons.PROVIDER.createArrayBuilder();
        Search.terms(q).forEach(terms::add);
        return Jsons.PROVIDER.createObjectBuilder().add("q", q).add("terms", terms).add("page", pageNumber).add("results", results).build();
    }

    /** 429 with {@code Retry-After} and the reason in the client's language. */
    static jakarta.ws.rs.WebApplicationException tooMany(org.duhbalkana.platform.TooManyAttempts over,
            org.duhbalkana.text.Language language) {
        long seconds = Math.max(1, over.retryAfter().toSeconds() + (over.retryAfter().toNanosPart() > 0 ? 1 : 0));
        java.util.ResourceBundle bundle = java.util.ResourceBundle.getBundle(org.duhbalkana.web.platform.Messages.BUNDLE,
                language.locale(), SearchResource.class.getClassLoader());
        String text = new java.text.MessageFormat(bundle.getString("search.error.tooMany"), language.locale()).format(new Object[] {seconds});
        return new jakarta.ws.rs.WebApplicationException(jakarta.ws.rs.core.Response.status(429)
                .header("Retry-After", Long.toString(seconds))
                .header("Content-Language", language.tag())
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(Jsons.PROVIDER.createObjectBuilder().add("error", text).add("retryAfter", seconds).build().toString())
                .build());
    }
}
