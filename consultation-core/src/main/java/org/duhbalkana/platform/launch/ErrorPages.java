package org.duhbalkana.platform.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.duhbalkana.text.Language;

/**
 * Our pages for the errors Payara Micro answers itself, for requests that the application never
 * sees (a method it does not know, a request it cannot parse as a servlet request): static files in
 * {@code DATA_DIR/error-pages}, named in the virtual server's {@code send-error_N} properties by
 * pre-boot commands, in place of Payara's error report that names the product. The application's
 * own error pages ({@code web.xml}) still answer everything that reaches it. A static page cannot
 * know the reader's language, so it says its two sentences in all four.
 */
final class ErrorPages {

    /** The statuses the web container can answer with a page of its own. */
    static final List<Integer> CODES = List.of(400, 401, 403, 404, 405, 406, 408, 409, 410, 411, 412, 413, 414, 415,
            416, 417, 429, 431, 500, 501, 502, 503, 504, 505);

    private ErrorPages() {
    }

    static Path directory(Path dataDir) {
        return dataDir.resolve("error-pages");
    }

    /**
     * Writes the pages and returns the pre-boot commands that name them; none when the directory's
     * path has a space or a quote in it, which the {@code send-error_N} property cannot carry (then
     * Payara's own page stays, without a product name in its headers).
     */
    static List<String> write(Path dataDir) throws IOException {
        Path directory = directory(dataDir).toAbsolutePath();
        if (!directory.toString().matches("[^\\s\"'=]+")) {
            return List.of();
        }
        Files.createDirectories(directory);
        List<String> commands = new ArrayList<>();
        int n = 1;
        for (int code : CODES) {
            Path page = directory.resolve(code + ".html");
            Files.writeString(page, page(code), StandardCharsets.UTF_8);
            commands.add("set configs.config.server-config.http-service.virtual-server.server.property.send-error_" + n++
                    + "=\"code=" + code + " path=" + page + "\"");
        }
        return commands;
    }

    /** The page for one status: its sentence in the four languages. */
    static String page(int code) {
        String kind = code >= 500 ? "error.server" : "error.client";
        StringBuilder sections = new StringBuilder();
        for (Language language : List.of(Language.SR_LATN, Language.SR_CYRL, Language.BG, Language.EN)) {
            sections.append("<section lang=\"").append(language.tag()).append("\"><h2>")
                    .append(LauncherTexts.html(LauncherTexts.text(language, "error.title"))).append("</h2><p>")
                    .append(LauncherTexts.html(LauncherTexts.text(language, kind))).append("</p><p><a href=\"/\">")
                    .append(LauncherTexts.html(LauncherTexts.text(language, "error.home"))).append("</a></p></section>");
        }
        return "<!DOCTYPE html>\n<html lang=\"sr-Latn\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + code + " · Duh Balkana</title>"
                + "<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;"
                + "line-height:1.5;color:#1a1a1a;background:#fff}h1{font-size:1.5rem}h2{font-size:1.1rem;margin-top:1.5rem}"
                + "a{color:#0b4f8a}</style></head><body><main><h1>Duh Balkana · " + code + "</h1>"
                + sections + "</main></body></html>\n";
    }
}
