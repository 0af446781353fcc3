package org.duhbalkana.web.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.duhbalkana.consultation.Attachment;

/**
 * Multipart bodies (file uploads) are taken only by the pages that upload files: the round
 * editor's attachment form. Any other address answers 415 before the body is read, so that no
 * page can be made to parse, buffer or spool to disk a large upload it never asked for. The Faces
 * servlet's multipart limits (web.xml) then only ever apply to the attachment form.
 *
 * <p>An upload whose {@code Content-Length} is over the form's limit (twice what an attachment may be,
 * {@link Attachment#MAX_BYTES}, as the multipart limits in web.xml) is answered 413 with our page,
 * also before it is read (issue 20). A file between the attachment's limit and that is read and
 * refused by the service with its message on the form: the reviewer stays on the editor (a browser
 * that is still sending a body when the server answers and closes often shows a reset instead of
 * the answer, so the early refusal is kept for bodies no form of ours would send).
 */
public class MultipartGuardFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The only paths (within the application) that take multipart bodies. */
    static final Set<String> UPLOAD_PAGES = Set.of("/consultations/edit.xhtml");

    /** The largest upload read: web.xml's multipart max-request-size (about twice an attachment's limit). */
    static final long MAX_UPLOAD_BYTES = 2 * Attachment.MAX_BYTES + 1024 * 1024;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (isMultipart(request.getContentType()) && !UPLOAD_PAGES.contains(path(request))) {
            refuse(request, response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "upload415");
            return;
        }
        if (isMultipart(request.getContentType()) && request.getContentLengthLong() > MAX_UPLOAD_BYTES) {
            refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "upload413");
            return;
        }
        chain.doFilter(request, response);
    }

    /** Our page, and the body is not read: the connection is closed instead of draining it. */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String kind) throws IOException {
        response.setHeader("Connection", "close");
        response.setStatus(status);
        FailurePagesFilter.plainPage(request, response, kind);
    }

    static boolean isMultipart(String contentType) {
        return contentType != null && contentType.strip().toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    /** The path within the application as the container mapped it (decoded and normalised). */
    static String path(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        return request.getPathInfo() == null ? servletPath : servletPath + request.getPathInfo();
    }
}
