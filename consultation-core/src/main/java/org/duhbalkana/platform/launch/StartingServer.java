package org.duhbalkana.platform.launch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.duhbalkana.text.Language;

/**
 * Holds the site's port while Payara Micro boots and deploys the application, and answers every
 * request with 503 and {@code Retry-After}: our JSON error for {@code /api/…}, a health answer
 * that says DOWN for {@code /health…}, and otherwise a short page in the reader's language (the
 * {@code lang} cookie, then {@code Accept-Language}). So no client ever sees a half-deployed site:
 * no 404 for a link that is valid, no server's own page. Each answer closes its connection, so
 * that no client keeps a connection to this server once the site takes the port over.
 */
final class StartingServer {

    /** Seconds a client is asked to wait before it tries again. */
    static final int RETRY_AFTER_SECONDS = 5;

    private final HttpServer server;
    private final ExecutorService threads;
    private final java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();

    private StartingServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /**
     * Binds the port (all addresses, as Payara Micro's listener does) and starts answering.
     *
     * @throws IOException when the port cannot be bound (in use, or not allowed)
     */
    static StartingServer start(int port) throws IOException {
        // A client that sends half a request may hold a thread for at most 5 s (the JDK server reads
        // these once, at its first use); with as many threads as the backlog, a few slow clients
        // cannot keep the others from their 503.
        System.setProperty("sun.net.httpserver.maxReqTime", System.getProperty("sun.net.httpserver.maxReqTime", "5"));
        System.setProperty("sun.net.httpserver.maxRspTime", System.getProperty("sun.net.httpserver.maxRspTime", "5"));
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 64);
        ExecutorService threads = Executors.newFixedThreadPool(64, runnable -> {
            Thread thread = new Thread(runnable, "starting-server");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/", StartingServer::answer);
        server.start();
        return new StartingServer(server, threads);
    }

    /** The port it listens on. */
    int port() {
        return server.getAddress().getPort();
    }

    /**
     * Closes the port at once: new connections are refused from now on (until the site opens it).
     * No wait for answers being written: each is a few hundred bytes that closes its connection,
     * and {@code stop(n)} waits its whole n seconds even when nothing is in flight, which would
     * lengthen the hand-over by as much. Stopping twice does nothing.
     */
    void stop() {
        if (stopped.getAndSet(true)) {
            return;
        }
        server.stop(0);
        threads.shutdownNow();
    }

    private static void answer(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            // The request body is not read: a client may be sending a large one, and it is refused anyway.
            String path = Optional.ofNullable(exchange.getRequestURI().getRawPath()).orElse("/");
            Answer answer = answerFor(path, exchange.getRequestHeaders().getFirst("Accept-Language"),
                    exchange.getRequestHeaders().get("Cookie"));
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.getResponseHeaders().set("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.getResponseHeaders().set("Connection", "close");
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            if (answer.contentType().startsWith("text/html")) {
                exchange.getResponseHeaders().set("Content-Language", answer.language().tag());
                exchange.getResponseHeaders().set("Vary", "Accept-Language, Cookie");
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            boolean head = "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
            exchange.sendResponseHeaders(503, head ? -1 : bytes.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    /** What one request is answered while the site starts (its status is always 503). */
    record Answer(Language language, String contentType, String body) {
    }

    static Answer answerFor(String path, String acceptLanguage, List<String> cookieHeaders) {
        if (path.equals("/api") || path.startsWith("/api/")) {
            // the API's language is Accept-Language only, as for its other errors
            Language language = Language.negotiate(acceptLanguage);
            return new Answer(language, "application/json;charset=UTF-8",
                    "{\"error\":" + LauncherTexts.json(LauncherTexts.text(language, "starting.api"))
                            + ",\"retryAfter\":" + RETRY_AFTER_SECONDS + "}");
        }
        if (path.equals("/health") || path.startsWith("/health/")) {
            return new Answer(Language.EN, "application/json;charset=UTF-8", "{\"status\":\"DOWN\",\"checks\":[]}");
        }
        Language language = chosen(cookieHeaders).orElseGet(() -> Language.negotiate(acceptLanguage));
        return new Answer(language, "text/html;charset=UTF-8", page(language));
    }

    /** The language kept in the {@code lang} cookie, if any. */
    static Optional<Language> chosen(List<String> cookieHeaders) {
        if (cookieHeaders == null) {
            return Optional.empty();
        }
        return cookieHeaders.stream()
                .flatMap(header -> Arrays.stream(header.split(";")))
                .map(String::trim)
                .filter(pair -> pair.startsWith("lang="))
                .map(pair -> Language.ofTag(pair.substring("lang=".length()).replace("\"", "")))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static String page(Language language) {
        String title = LauncherTexts.html(LauncherTexts.text(language, "starting.title"));
        return "<!DOCTYPE html>\n<html lang=\"" + language.tag() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + title + " · Duh Balkana</title>"
                + "<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;"
                + "line-height:1.5;color:#1a1a1a;background:#fff}h1{font-size:1.5rem}</style></head>"
                + "<body><main><h1>" + title + "</h1><p>"
                + LauncherTexts.html(LauncherTexts.text(language, "starting.text")) + "</p></main></body></html>\n";
    }
}
