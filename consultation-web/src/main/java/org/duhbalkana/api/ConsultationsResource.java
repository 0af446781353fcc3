package org.duhbalkana.api;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.duhbalkana.consultation.CommentView;
import org.duhbalkana.consultation.ConsultationReader;
import org.duhbalkana.consultation.ConsultationRound;
import org.duhbalkana.consultation.Disposition;
import org.duhbalkana.consultation.RoundStatus;
import org.duhbalkana.consultation.Section;
import org.duhbalkana.text.Language;
import org.duhbalkana.web.platform.Jsons;

/**
 * Consultation rounds as open data: the list, one round with its sections, its comments a page at
 * a time (by cursor), and its published report. Authors appear by display name only.
 */
@Path("consultations")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class ConsultationsResource {

    private static final List<RoundStatus> LISTABLE = List.of(RoundStatus.SCHEDULED, RoundStatus.OPEN,
            RoundStatus.CLOSED, RoundStatus.REPORT_PUBLISHED);

    @Inject
    ConsultationReader reader;

    @Inject
    org.duhbalkana.consultation.AttachmentStore files;

    @Inject
    ReportFiles reportFiles;

    @GET
    public JsonObject list(@QueryParam("status") String status, @QueryParam("municipality") String municipality,
            @QueryParam("page") String page) {
        Optional<RoundStatus> chosen = Optional.ofNullable(status).filter(s -> !s.isBlank()).map(s -> LISTABLE.stream()
                .filter(l -> l.name().equals(s.strip())).findFirst()
                .orElseThrow(() -> new BadParameter("status", "must be one of " + LISTABLE)));
        Optional<Long> municipalityId = Optional.ofNullable(municipality).filter(s -> !s.isBlank())
                .map(s -> (long) BadParameter.integer("municipality", s, 1, Integer.MAX_VALUE, 0));
        int pageNumber = BadParameter.integer("page", page, 0, 10_000, 0);
        JsonArrayBuilder rounds = Jsons.PROVIDER.createArrayBuilder();
        reader.list(chosen, municipalityId, pageNumber, 50).forEach(r -> rounds.add(summary(r)));
        return Jsons.PROVIDER.createObjectBuilder().add("page", pageNumber).add("consultations", rounds).build();
    }

    @GET
    @Path("{slug}")
    public JsonObject round(@PathParam("slug") String slug) {
        ConsultationRound round = find(slug);
        JsonArrayBuilder sections = Jsons.PROVIDER.createArrayBuilder();
        for (Section s : round.sections()) {
            sections.add(Jsons.PROVIDER.createObjectBuilder().add("number", s.number()).add("heading", s.heading()).add("text", s.body()));
        }
        return summary(round).add("sections", sections).add("comments", reader.commentCount(round)).build();
    }

    @GET
    @Path("{slug}/comments")
    public JsonObject comments(@PathParam("slug") String slug, @QueryParam("section") String section,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        ConsultationRound round = find(slug);
        int sectionNumber = BadParameter.integer("section", section, 0, round.sections().size(), 0);
        long after = cursor == null || cursor.isBlank() ? 0 : cursor(cursor);
        int size = BadParameter.integer("limit", limit, 1, ConsultationReader.MAX_PAGE, 50);
        ConsultationReader.CommentPage found = reader.commentPage(round, sectionNumber, after, size);
        List<CommentView> page = found.comments();
        JsonArrayBuilder comments = Jsons.PROVIDER.createArrayBuilder();
        page.forEach(c -> comments.add(withReplyPaging(comment(c), c, found.repliesTotal(c))));
        JsonObjectBuilder json = Jsons.PROVIDER.createObjectBuilder().add("comments", comments);
        if (page.size() == size) {
            json.add("nextCursor", Long.toString(page.get(page.size() - 1).id()));
        } else {
            json.addNull("nextCursor");
        }
        return json.build();
    }

    /**
     * The replies to one top-level comment, oldest first, a page at a time: {@code cursor} is the
     * {@code repliesCursor} of the comment (or the {@code nextCursor} of the previous page).
     */
    @GET
    @Path("{slug}/comments/{id}/replies")
    public JsonObject replies(@PathParam("slug") String slug, @PathParam("id") String id, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        ConsultationRound round = find(slug);
        long commentId = BadParameter.integer("id", id, 1, Integer.MAX_VALUE, 0);
        long after = cursor == null || cursor.isBlank() ? 0 : cursor(cursor);
        int size = BadParameter.integer("limit", limit, 1, ConsultationReader.MAX_PAGE, 50);
        ConsultationReader.CommentPage thread = reader.thread(round, commentId).orElseThrow(() -> BadParameter.notFound("comment"));
        List<CommentView> page = reader.replies(round, commentId, after, size).orElseThrow(() -> BadParameter.notFound("comment"));
        JsonArrayBuilder replies = Jsons.PROVIDER.createArrayBuilder();
        page.forEach(r -> replies.add(comment(r)));
        JsonObjectBuilder json = Jsons.PROVIDER.createObjectBuilder().add("commentId", commentId)
                .add("repliesTotal", thread.repliesTotal(thread.comments().get(0))).add("replies", replies);
        if (page.size() == size) {
            json.add("nextCursor", Long.toString(page.get(page.size() - 1).id()));
        } else {
            json.addNull("nextCursor");
        }
        return json.build();
    }

    /**
     * A top-level comment's reply count, and where its further replies are when not all are shown:
     * {@code repliesCursor} for {@code comments/{id}/replies?cursor=}.
     */
    private static JsonObjectBuilder withReplyPaging(JsonObjectBuilder json, CommentView c, long total) {
        json.add("repliesTotal", total);
        if (total > c.replies().size()) {
            json.add("repliesCursor", c.replies().isEmpty() ? "0" : Long.toString(c.replies().get(c.replies().size() - 1).id()));
        }
        return json;
    }

    @GET
    @Path("{slug}/report")
    public Response report(@PathParam("slug") String slug, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return stored(slug, org.duhbalkana.consultation.ReportDocument.Kind.JSON, org.duhbalkana.consultation.ReportDocument.NO_LANGUAGE,
                ConsultationsResource::reportJson, MediaType.APPLICATION_JSON + ";charset=UTF-8", null, null, ifNoneMatch);
    }

    /** The report as JSON (built once per state of the published report, then served from storage). */
    static byte[] reportJson(ConsultationReader.Report report) {
        JsonArrayBuilder comments = Jsons.PROVIDER.createArrayBuilder();
        report.comments().forEach(c -> comments.add(comment(c)));
        JsonObjectBuilder totals = Jsons.PROVIDER.createObjectBuilder();
        Arrays.stream(Disposition.values()).forEach(d -> totals.add(d.name(), report.totals().get(d)));
        return summary(report.round()).add("totals", totals).add("comments", comments).build().toString()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A report document from storage ({@link ReportFiles}), with a validator; 304 when the client has it. */
    private Response stored(String slug, org.duhbalkana.consultation.ReportDocument.Kind kind, String language,
            java.util.function.Function<ConsultationReader.Report, byte[]> build, String type, String disposition,
            Language contentLanguage, String ifNoneMatch) {
        ReportFiles.Document document = reportFiles.document(slug, kind, language, build)
                .orElseThrow(() -> BadParameter.notFound("published report"));
        Response.ResponseBuilder answer = ifNoneMatch != null && ifNoneMatch.contains(document.etag())
                ? Response.notModified() : Response.ok(document.content(), type);
        answer.header("ETag", document.etag())
                .header("Last-Modified", java.util.Date.from(document.builtAt()))
                .header("X-Content-Type-Options", "nosniff");
        if (disposition != null) {
            answer.header("Content-Disposition", disposition);
        }
        if (contentLanguage != null) {
            answer.header("Content-Language", contentLanguage.tag());
        }
        return answer.build();
    }

    /** The report as a PDF, in the language of {@code ?lang=} or of the browser. */
    @GET
    @Path("{slug}/report.pdf")
    @Produces("application/pdf")
    public Response reportPdf(@PathParam("slug") String slug, @QueryParam("lang") String lang,
            @HeaderParam("Accept-Language") String acceptLanguage, @HeaderParam("If-None-Match") String ifNoneMatch) {
        Language language = Language.ofTag(lang).orElseGet(() -> Language.negotiate(acceptLanguage));
        return stored(slug, org.duhbalkana.consultation.ReportDocument.Kind.PDF, language.tag(),
                report -> ReportDocuments.pdf(report, language), "application/pdf",
                "inline; filename=\"" + slug + "-report.pdf\"", language, ifNoneMatch);
    }

    /** An attachment of a round: the PDF as it was uploaded, to download (never shown inline). */
    @GET
    @Path("{slug}/attachments/{id}")
    @Produces("application/pdf")
    public Response attachment(@PathParam("slug") String slug, @PathParam("id") String id) {
        long attachmentId = BadParameter.integer("id", id, 1, Integer.MAX_VALUE, 0);
        org.duhbalkana.consultation.Attachment attachment = reader.attachment(slug, attachmentId)
                .orElseThrow(() -> BadParameter.notFound("attachment"));
        java.nio.file.Path file = files.path(attachment.storedName());
        String encoded = java.net.URLEncoder.encode(attachment.fileName(), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok((jakarta.ws.rs.core.StreamingOutput) out -> java.nio.file.Files.copy(file, out), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"attachment-" + attachment.id() + ".pdf\"; filename*=UTF-8''" + encoded)
                .header("Content-Length", attachment.sizeBytes())
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    /** The report as CSV: one row a comment, with its answer. */
    @GET
    @Path("{slug}/report.csv")
    @Produces("text/csv")
    public Response reportCsv(@PathParam("slug") String slug, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return stored(slug, org.duhbalkana.consultation.ReportDocument.Kind.CSV, org.duhbalkana.consultation.ReportDocument.NO_LANGUAGE,
                ReportDocuments::csv, "text/csv; charset=UTF-8", "attachment; filename=\"" + slug + "-report.csv\"", null, ifNoneMatch);
    }

    private ConsultationRound find(String slug) {
        return reader.round(slug).filter(r -> r.status().isPublic()).orElseThrow(() -> BadParameter.notFound("consultation"));
    }

    private static long cursor(String cursor) {
        try {
            long value = Long.parseLong(cursor.strip());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadParameter("cursor", "must be a cursor returned as nextCursor");
    }

    private static JsonObjectBuilder summary(ConsultationRound r) {
        JsonArrayBuilder organizers = Jsons.PROVIDER.createArrayBuilder();
        r.organizers().forEach(m -> organizers.add(m.code()));
        JsonArrayBuilder tags = Jsons.PROVIDER.createArrayBuilder();
        r.tags().stream().sorted().forEach(tags::add);
        JsonObjectBuilder json = Jsons.PROVIDER.createObjectBuilder()
                .add("slug", r.slug())
                .add("title", r.title())
                .add("summary", r.summary())
                .add("language", r.language().tag())
                .add("asWritten", r.asWritten())
                .add("translations", translations(r.translations(), "summary"))
                .add("status", r.status().name())
                .add("organizers", organizers)
                .add("tags", tags)
                .add("deadlineZone", r.deadlineZone().getId());
        instant(json, "opensAt", r.opensAt());
        instant(json, "closesAt", r.closesAt());
        r.shortPeriodReason().ifPresent(reason -> json.add("shortPeriodReason", reason));
        return json;
    }

    /** Translations of a title and summary (a campaign's ask), in the order of our languages. */
    static JsonArrayBuilder translations(java.util.List<org.duhbalkana.text.Translation> translations, String summaryName) {
        JsonArrayBuilder array = Jsons.PROVIDER.createArrayBuilder();
        translations.stream().sorted(java.util.Comparator.comparing(t -> t.language().ordinal()))
                .forEach(t -> array.add(Jsons.PROVIDER.createObjectBuilder().add("language", t.language().tag())
                        .add("title", t.title()).add(summaryName, t.summary())));
        return array;
    }

    private static JsonObjectBuilder comment(CommentView c) {
        JsonObjectBuilder json = Jsons.PROVIDER.createObjectBuilder().add("id", c.id());
        if (c.parentId() == null) {
            json.addNull("parentId");
        } else {
            json.add("parentId", c.parentId());
        }
        if (c.section() == null) {
            json.addNull("section");
        } else {
            json.add("section", c.section());
        }
        if (c.author() == null) {
            json.addNull("author");
        } else {
            json.add("author", c.author());
        }
        json.add("stance", c.stance().name()).add("status", c.status().name()).add("createdAt", c.createdAt().toString())
                .add("endorsements", c.endorsements());
        if (c.body() == null) {
            json.addNull("text");
            if (c.hiddenReason() != null) {
                json.add("hiddenReason", c.hiddenReason());
            }
        } else {
            json.add("text", c.body()).add("asWritten", c.asWritten());
        }
        if (c.disposition() != null) {
            json.add("disposition", c.disposition().name());
            if (c.dispositionReason() != null) {
                json.add("dispositionReason", c.dispositionReason());
            }
        }
        if (!c.replies().isEmpty()) {
            JsonArrayBuilder replies = Jsons.PROVIDER.createArrayBuilder();
            c.replies().forEach(r -> replies.add(comment(r)));
            json.add("replies", replies);
        }
        return json;
    }

    private static void instant(JsonObjectBuilder json, String name, Optional<Instant> value) {
        if (value.isPresent()) {
            json.add(name, value.get().toString());
        } else {
            json.addNull(name);
        }
    }
}
