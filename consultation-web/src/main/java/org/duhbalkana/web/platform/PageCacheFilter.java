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
 * A short-lived copy of what public readers get: a round's page (and its replies pages) and the
 * consultations API, for a visitor who is not signed in, kept for {@code PAGE_CACHE_SECONDS}
 * (default 2; 0 turns it off) per address, kept query parameters ({@link PageKey}: any other
 * parameter is dropped, also from what the page sees) and reader's language. A surge of readers on
 * one round then costs one rendering every two seconds instead of one per reader; what they read
 * is at most that old. The copies take at most {@code PAGE_CACHE_BYTES} of memory
 * ({@link PageCopies}: the least recently read go first). A copy keeps the headers the answer
 * set (its type, {@code Content-Disposition}, {@code Content-Language} …) and is sent with an
 * {@code Age}. Signed-in people, a visitor with a message waiting (the flash cookie), anything but
 * a GET, any answer but a 200 that set no cookie and started no session, and an answer whose
 * language ({@code Content-Language}, or the page's {@code <html lang>}) is not the key's are
 * never kept nor served from the copy.
 */
public class PageCacheFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** How long past its time a copy may still be sent while one request renders the page again. */
    private static final long STALE_MILLIS = 10_000;

    /** Headers that are never kept with a copy (the rest of what the page set is). */
    private static final java.util.Set<String> NOT_KEPT = java.util.Set.of("set-cookie", "content-length",
            "content-type", "content-language", "transfer-encoding", "connection", "date", "age");

    private transient PageCopies copies;
    private final java.util.Set<String> refreshes = ConcurrentHashMap.newKeySet();
    private long lifetimeMillis;

    @jakarta.inject.Inject
    transient org.duhbalkana.platform.config.Settings settings;

    @Override
    public void init() {
        lifetimeMillis = settings.pageCacheBytes() == 0 ? 0 : 1000L * settings.pageCacheSeconds();
        copies = new PageCopies(settings.pageCacheBytes());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (lifetimeMillis == 0 || !"GET".equals(request.getMethod()) || request.getUserPrincipal() != null
                || hasFlash(request)) {
            chain.doFilter(request, response);
            return;
        }
        Map<String, String[]> kept = PageKey.kept(request.getParameterMap());
        String language = LanguageFilter.resolve(request).tag();
        // the decoded, normalised path: ";x=1", "%61" or "//" spellings of one page read one copy
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        String key = PageKey.of(path, kept, language);
        long now = System.currentTimeMillis();
        PageCopies.Copy copy = copies.get(key);
        // When a copy is due, one request renders the page again while the others still get the
        // copy (for at most a few more seconds): a surge never renders one page many times at once.
        boolean refreshing = copy != null && now >= copy.expiresAt() && now < copy.expiresAt() + STALE_MILLIS
                && refreshes.add(key);
        if (copy != null && !refreshing && now < copy.expiresAt() + STALE_MILLIS) {
            replay(response, copy, now);
            return;
        }
        try {
            Capture capture = new Capture(response);
            chain.doFilter(new KeptParameters(request, kept), capture);
            if (capture.passedOn) {
                return;
            }
            byte[] body = capture.body();
            jakarta.servlet.http.HttpSession session = request.getSession(false);
            String contentType = capture.getContentType();
            if (capture.getStatus() == HttpServletResponse.SC_OK && !capture.cookies
                    && (session == null || !session.isNew()) && contentType != null) {
                String answered = answerLanguage(capture.language(), contentType, body);
                if (sameLanguage(answered, language, contentType)) {
                    long stored = System.currentTimeMillis();
                    copies.put(key, new PageCopies.Copy(body, contentType, capture.language(), capture.kept(), stored,
                            stored + lifetimeMillis));
                } else {
                    copies.remove(key);
                }
            }
            send(response, body, null);
        } finally {
            if (refreshing) {
                refreshes.remove(key);
            }
        }
    }

    /** The language an answer is in: a page's {@code <html lang>}, other answers' {@code Content-Language}; null if it names none. */
    static String answerLanguage(String contentLanguage, String contentType, byte[] body) {
        if (contentType.toLowerCase(java.util.Locale.ROOT).startsWith("text/html")) {
            String head = new String(body, 0, Math.min(body.length, 2048), StandardCharsets.UTF_8);
            java.util.regex.Matcher html = HTML_LANG.matcher(head);
            return html.find() ? html.group(1) : null;
        }
        return contentLanguage == null || contentLanguage.isBlank() ? null : contentLanguage.strip();
    }

    private static final java.util.regex.Pattern HTML_LANG =
            java.util.regex.Pattern.compile("<html\\b[^>]*?\\slang=\"([^\"]*)\"", java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * Whether an answer may be kept under a key of this language: it is in that language (a page
     * must say which; "sr" without a script stands for either Serbian); data that names none (JSON,
     * CSV) is the same in every language.
     */
    static boolean sameLanguage(String answered, String keyLanguage, String contentType) {
        if (answered == null || answered.isBlank()) {
            return !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("text/html");
        }
        java.util.Optional<org.duhbalkana.text.Language> wanted = org.duhbalkana.text.Language.ofTag(keyLanguage);
        if (wanted.isEmpty()) {
            return false;
        }
        java.util.Optional<org.duhbalkana.text.Language> exact = org.duhbalkana.text.Language.ofTag(answered);
        if (exact.isPresent()) {
            return exact.equals(wanted);
        }
        java.util.Locale locale = java.util.Locale.forLanguageTag(answered.strip());
        if (locale.getScript().isEmpty()) {
            return !locale.getLanguage().isEmpty() && locale.getLanguage().equals(wanted.get().family());
        }
        return org.duhbalkana.text.Language.of(locale).equals(wanted);
    }

    private static void replay(HttpServletResponse response, PageCopies.Copy copy, long now) throws IOException {
        java.util.Set<String> set = new java.util.HashSet<>();
        for (Map.Entry<String, String> header : copy.headers()) {
            // the first value of a name replaces what the filters before set (as the page's own did)
            String name = header.getKey().toLowerCase(java.util.Locale.ROOT);
            if (!name.equals("vary") && set.add(name)) {
                response.setHeader(header.getKey(), header.getValue());
            } else {
                response.addHeader(header.getKey(), header.getValue());
            }
        }
        if (copy.language() != null) {
            response.setHeader("Content-Language", copy.language());
        }
        response.setHeader("Age", Long.toString(Math.max(0, (now - copy.storedAt()) / 1000)));
        send(response, copy.body(), copy.contentType());
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
        /** The headers the page set, in order (set replaces, add adds). */
        private final java.util.List<Map.Entry<String, String>> headers = new java.util.ArrayList<>();
        private String contentLanguage;

        private void record(String name, String value, boolean replace) {
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            if (lower.equals("content-language")) {
                contentLanguage = value;
            }
            if (NOT_KEPT.contains(lower)) {
                return;
            }
            if (replace) {
                headers.removeIf(h -> h.getKey().equalsIgnoreCase(name));
            }
            if (value != null) {
                headers.add(Map.entry(name, value));
            }
        }

        java.util.List<Map.Entry<String, String>> kept() {
            return java.util.List.copyOf(headers);
        }

        /** The language the answer declared (a Content-Language header, or the locale the page set). */
        String language() {
            if (contentLanguage != null) {
                return contentLanguage;
            }
            String header = getHeader("Content-Language");
            return header;
        }

        @Override
        public void setLocale(java.util.Locale locale) {
            super.setLocale(locale);
            if (locale != null) {
                contentLanguage = locale.toLanguageTag();
            }
        }

        @Override
        public void setDateHeader(String name, long date) {
            super.setDateHeader(name, date);
            record(name, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    java.time.Instant.ofEpochMilli(date).atZone(java.time.ZoneOffset.UTC)), true);
        }

        @Override
        public void addDateHeader(String name, long date) {
            super.addDateHeader(name, date);
            record(name, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    java.time.Instant.ofEpochMilli(date).atZone(java.time.ZoneOffset.UTC)), false);
        }

        @Override
        public void setIntHeader(String name, int value) {
            super.setIntHeader(name, value);
            record(name, Integer.toString(value), true);
        }

        @Override
        public void addIntHeader(String name, int value) {
            super.addIntHeader(name, value);
            record(name, Integer.toString(value), false);
        }

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
            record(name, value, false);
        }

        @Override
        public void setHeader(String name, String value) {
            cookies |= "Set-Cookie".equalsIgnoreCase(name);
            super.setHeader(name, value);
            record(name, value, true);
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

    /** The request as the page sees it: only the kept parameters, so that what is rendered is what the key says. */
    private static final class KeptParameters extends jakarta.servlet.http.HttpServletRequestWrapper {

        private final Map<String, String[]> kept;
        private final String query;

        KeptParameters(HttpServletRequest request, Map<String, String[]> kept) {
            super(request);
            this.kept = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(kept));
            String q = PageKey.query(kept);
            this.query = q.isEmpty() ? null : q;
        }

        @Override
        public String getParameter(String name) {
            String[] values = kept.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return kept;
        }

        @Override
        public java.util.Enumeration<String> getParameterNames() {
            return java.util.Collections.enumeration(kept.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = kept.get(name);
            return values == null ? null : values.clone();
        }

        @Override
        public String getQueryString() {
            return query;
        }
    }
}
