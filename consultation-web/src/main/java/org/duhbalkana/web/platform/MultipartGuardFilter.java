package org.duhbalkana.web.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * Multipart bodies (file uploads) are taken only by the pages that upload files: the round
 * editor's attachment form. Any other address answers 415 before the body is read, so that no
 * page can be made to parse, buffer or spool to disk a large upload it never asked for. The Faces
 * servlet's multipart limits (web.xml) then only ever apply to the attachment form.
 */
public class MultipartGuardFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The only paths (within the application) that take multipart bodies. */
    static final Set<String> UPLOAD_PAGES = Set.of("/consultations/edit.xhtml");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (isMultipart(request.getContentType()) && !UPLOAD_PAGES.contains(path(request))) {
            // the body is not read: the connection is closed instead of draining it
            response.setHeader("Connection", "close");
            response.setStatus(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("415 Unsupported Media Type: this address takes no file uploads.\n");
            return;
        }
        chain.doFilter(request, response);
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
