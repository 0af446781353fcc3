package org.duhbalkana.web.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Cross-origin use of the open API, so that other sites (a municipality's, an organizer's, a
 * newsroom's) can show our open data and embed a petition's signing form: a page of any origin
 * may read the API ({@code GET}) and post a signature to a petition ({@code POST
 * /api/campaigns/{slug}/signatures}), which answers it exactly as it answers our own form, with
 * the same validation and limits. Nothing else is allowed across origins, and no credential ever
 * is (no {@code Access-Control-Allow-Credentials}): a page elsewhere cannot act as a signed-in
 * person, and a browser sends it no cookie of ours.
 */
public class CorsFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Pattern SIGNATURES = Pattern.compile("/api/campaigns/[a-z0-9-]+/signatures");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean signing = SIGNATURES.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
        String asked = request.getHeader("Access-Control-Request-Method");
        if ("OPTIONS".equals(request.getMethod()) && asked != null && request.getHeader("Origin") != null) {
            // A preflight: allowed, it gets the allowing headers; refused, it gets none and the browser stops there.
            if (allowed(asked, signing)) {
                response.setHeader("Access-Control-Allow-Origin", "*");
                response.setHeader("Access-Control-Allow-Methods", signing ? "GET, HEAD, POST" : "GET, HEAD");
                response.setHeader("Access-Control-Allow-Headers", "Content-Type, Accept-Language");
                response.setHeader("Access-Control-Max-Age", "86400");
            }
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        // On every allowed answer, asked across origins or not, so that a copy kept by a shared
        // cache (or by PageCacheFilter) carries it too.
        if (allowed(request.getMethod(), signing)) {
            response.setHeader("Access-Control-Allow-Origin", "*");
        }
        chain.doFilter(request, response);
    }

    private static boolean allowed(String method, boolean signing) {
        return "GET".equals(method) || "HEAD".equals(method) || ("POST".equals(method) && signing);
    }
}
