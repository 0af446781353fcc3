package org.duhbalkana.api;

import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.duhbalkana.account.MunicipalityDirectory;
import org.duhbalkana.web.platform.Jsons;

/** {@code GET /api/municipalities}: the municipalities of the area, in both scripts. */
@Path("municipalities")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class MunicipalitiesResource {

    @Inject
    MunicipalityDirectory directory;

    @GET
    public JsonArray list() {
        JsonArrayBuilder all = Jsons.PROVIDER.createArrayBuilder();
        directory.all().forEach(m -> all.add(Jsons.PROVIDER.createObjectBuilder()
                .add("id", m.id())
                .add("code", m.code())
                .add("country", m.country().name())
                .add("nameLatin", m.nameLatin())
                .add("nameCyrillic", m.nameCyrillic())
                .add("minConsultationDays", m.minConsultationDays())));
        return all.build();
    }
}
