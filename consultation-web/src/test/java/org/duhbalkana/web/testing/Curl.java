package org.duhbalkana.web.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * curl as a client, for what Java's HTTP client cannot do: send from a chosen loopback address
 * ({@code --interface 127.0.0.7}), so that one test plays several visitors.
 */
public final class Curl {

    private Curl() {
    }

    /** Status, headers (lower-case names, last value wins) and body of one answer. */
    public record Answer(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    public static Answer run(String url, List<String> options) {
        try {
            Path headers = Files.createTempFile("curl-headers-", ".txt");
            Path body = Files.createTempFile("curl-body-", ".txt");
            try {
                List<String> command = new ArrayList<>(List.of("curl", "-sS", "--max-time", "60",
                        "-o", body.toString(), "-D", headers.toString(), "-w", "%{http_code}"));
                command.addAll(options);
                command.add(url);
                Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
                String status = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    throw new AssertionError("curl " + String.join(" ", options) + " " + url + " failed: " + errors);
                }
                Map<String, String> named = new LinkedHashMap<>();
                for (String line : Files.readAllLines(headers, StandardCharsets.ISO_8859_1)) {
                    int colon = line.indexOf(':');
                    if (colon > 0 && !line.startsWith("HTTP/")) {
                        named.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
                    }
                }
                return new Answer(Integer.parseInt(status), named, Files.readString(body, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(headers);
                Files.deleteIfExists(body);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
