package org.duhbalkana.web.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A short-lived copy of what public readers get: a round's page and its comments API, for a
 * visitor who is not signed in, kept for {@code PAGE_CACHE_SECONDS} (default 2; 0 turns it off)
 * per address, query and reader's language. A surge of readers on one round then costs one
 * rendering every two seconds instead of one per reader; what they read is at most that old.
 * Signed-in people, a visitor with a message waiting (the flash cookie), anything but a GET, and
 * any answer but a 200 that set no cookie and started no session are never kept nor served from
 * the copy.
 */
public class PageCacheFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    /** More distinct pages than this in the window: the copies are dropped and start again. */
    private static final int MAX_ENTRIES = 2_000;
    /** Larger answers (attachments, report PDFs) are not kept. */
    private static final int MAX_BODY = 512 * 1024;

    private record Copy(long expiresAt, byte[] body, String contentType) {
    }

    /** How long past its time a copy may still be sent while one request renders the page again. */
    private static final long STALE_MILLIS = 10_000;

    private final Map<String, Copy> copies = new ConcurrentHashMap<>();
    private final java.util.Set<String> refreshes = ConcurrentHashMap.newKeySet();
    private long lifetimeMillis;

    @jakarta.inject.Inject
    transient org.duhbalkana.platform.config.Settings settings;

    @Override
    public void init() {
        lifetimeMillis = 1000L * settings.pageCacheSeconds();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (lifetimeMillis == 0 || !"GET".equals(request.getMethod()) || request.getUserPrincipal() != null
                || hasFlash(request)) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getRequestURI() + '?' + request.getQueryString() + '|' + LanguageFilter.resolve(request).tag();
        long now = System.currentTimeMillis();
        Copy copy = copies.get(key);
        // When a copy is due, one request renders the page again while the others still get the
        // copy (for at most a few more seconds): a surge never renders one page many times at once.
        boolean refreshing = copy != null && now >= copy.expiresAt && now < copy.expiresAt + STALE_MILLIS
                && refreshes.add(key);
        if (copy != null && !refreshing && now < copy.expiresAt + STALE_MILLIS) {
            send(response, copy.body, copy.contentType);
            return;
        }
        try {
            Capture capture = new Capture(response);
            chain.doFilter(request, capture);
            if (capture.passedOn) {
                return;
            }
            byte[] body = capture.body();
            jakarta.servlet.http.HttpSession session = request.getSession(false);
            if (capture.getStatus() == HttpServletResponse.SC_OK && body.length <= MAX_BODY && !capture.cookies
                    && (session == null || !session.isNew()) && capture.getContentType() != null) {
                if (copies.size() >= MAX_ENTRIES) {
                    copies.clear();
                }
                copies.put(key, new Copy(System.currentTimeMillis() + lifetimeMillis, body, capture.getContentType()));
            }
            send(response, body, null);
        } finally {
            if (refreshing) {
                refreshes.remove(key);
            }
        }
    }

    private static void send(HttpServletResponse response, byte[] body, String contentType) throws IOException {
        if (contentType != null) {
            response.setContentType(contentType);
        }
        if (!response.isCommitted()) {
            response.setContentLength(body.length);
        }
        response.getOutputStream().write(body);
    }

    /** Faces keeps a message for the next page in this cookie (a redirect after an action). */
    private static boolean hasFlash(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if ("csfcfc".equals(c.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Keeps what the page writes, to be sent and perhaps kept once it is complete. */
    private static final class Capture extends HttpServletResponseWrapper {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 * 1024);
        private ServletOutputStream stream;
        private PrintWriter writer;
        private boolean cookies;
        /** An error or a redirect went straight to the response: nothing to send or keep. */
        private boolean passedOn;

        Capture(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendError(int sc) throws IOException {
            passedOn = true;
            super.sendError(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            passedOn = true;
            super.sendError(sc, msg);
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            passedOn = true;
            super.sendRedirect(location);
        }

        @Override
        public void addCookie(Cookie cookie) {
            cookies = true;
            super.addCookie(cookie);
        }

        @Override
        public void addHeader(String name, String value) {
            cookies |= "Set-Cookie".equalsIgnoreCase(name);
            super.addHeader(name, value);
        }

        @Override
        public void setHeader(String name, String value) {
            cookies |= "Set-Cookie".equalsIgnoreCase(name);
            super.setHeader(name, value);
        }

        @Override
        public void setContentLength(int len) {
            // the length is set once the whole answer is known
        }

        @Override
        public void setContentLengthLong(long len) {
            // the length is set once the whole answer is known
        }

        @Override
        public ServletOutputStream getOutputStream() {
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) {
                        bytes.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        bytes.write(b, off, len);
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new UnsupportedOperationException();
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                String encoding = getCharacterEncoding();
                writer = new PrintWriter(new OutputStreamWriter(getOutputStream(),
                        encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
            }
            return writer;
        }

        @Override
        public void flushBuffer() {
            if (writer != null) {
                writer.flush();
            }
        }

        @Override
        public void resetBuffer() {
            bytes.reset();
        }

        @Override
        public void reset() {
            super.reset();
            bytes.reset();
        }

        byte[] body() {
            if (writer != null) {
                writer.flush();
            }
            return bytes.toByteArray();
        }
    }
}
