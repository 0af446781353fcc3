package org.duhbalkana.web.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's nginx running the project's own proxy configuration ({@code docker/nginx/}) on loopback,
 * with a self-signed certificate made for the test, in a process of its own. The template is
 * rendered as the official nginx image renders it: each {@code ${NAME}} replaced by its value.
 */
public final class Nginx implements AutoCloseable {

    private static final Path NGINX = Path.of(System.getProperty("test.nginx", "/usr/sbin/nginx"));
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z_0-9]+)}");

    private final Path dir;
    private final int httpsPort;
    private final int httpPort;
    private final Process process;

    private Nginx(Path dir, int httpsPort, int httpPort, Process process) {
        this.dir = dir;
        this.httpsPort = httpsPort;
        this.httpPort = httpPort;
        this.process = process;
    }

    /** Starts nginx in front of these instances ({@code 127.0.0.1:port}), the certificate made for {@code localhost}. */
    public static Nginx inFrontOf(String upstream1, String upstream2) {
        if (!Files.isExecutable(NGINX)) {
            throw new IllegalStateException("The proxy tests need Debian's nginx (" + NGINX + "): apt-get install nginx");
        }
        try {
            Path dir = Files.createTempDirectory(RunningSite.output().toAbsolutePath(), "nginx-");
            Path config = Path.of(System.getProperty("test.docker.dir", "../docker")).resolve("nginx").toAbsolutePath();
            int https = RunningSite.freePort();
            int http = RunningSite.freePort();
            run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                    "-keyout", dir.resolve("key.pem").toString(), "-out", dir.resolve("cert.pem").toString()));
            Map<String, String> values = Map.of(
                    "UPSTREAM_1", upstream1, "UPSTREAM_2", upstream2, "SERVER_NAME", "localhost",
                    "LISTEN_HTTPS", Integer.toString(https), "LISTEN_HTTP", Integer.toString(http),
                    "TLS_CERTIFICATE", dir.resolve("cert.pem").toString(),
                    "TLS_CERTIFICATE_KEY", dir.resolve("key.pem").toString(),
                    "CACHE_DIR", dir.resolve("cache").toString(), "ERROR_PAGES", config.toString());
            Files.writeString(dir.resolve("site.conf"), render(
                    Files.readString(config.resolve("duhbalkana.conf.template"), StandardCharsets.UTF_8), values));
            Files.writeString(dir.resolve("nginx.conf"), String.join("\n",
                    "worker_processes 1;",
                    "user root;",
                    "pid " + dir.resolve("nginx.pid") + ";",
                    "error_log " + dir.resolve("error.log") + " warn;",
                    "events { worker_connections 512; }",
                    "http {",
                    "  include /etc/nginx/mime.types;",
                    "  default_type application/octet-stream;",
                    "  access_log " + dir.resolve("access.log") + ";",
                    "  client_body_temp_path " + dir.resolve("body") + ";",
                    "  proxy_temp_path " + dir.resolve("proxy") + ";",
                    "  fastcgi_temp_path " + dir.resolve("fastcgi") + ";",
                    "  uwsgi_temp_path " + dir.resolve("uwsgi") + ";",
                    "  scgi_temp_path " + dir.resolve("scgi") + ";",
                    "  include " + dir.resolve("site.conf") + ";",
                    "}", ""));
            run(List.of(NGINX.toString(), "-t", "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString()));
            Process process = new ProcessBuilder(NGINX.toString(), "-p", dir.toString(), "-c",
                    dir.resolve("nginx.conf").toString(), "-g", "daemon off;")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
            Nginx nginx = new Nginx(dir, https, http, process);
            nginx.awaitListening();
            return nginx;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The template with every {@code ${NAME}} replaced; a name without a value fails the test. */
    static String render(String template, Map<String, String> values) {
        Matcher matcher = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for ${" + matcher.group(1) + "} in the nginx template");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(out).toString();
    }

    private void awaitListening() {
        Instant until = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new AssertionError("nginx exited: " + read(dir.resolve("nginx.out")) + read(dir.resolve("error.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", httpsPort), 500);
                return;
            } catch (IOException notYet) {
                RunningSite.sleep(100);
            }
        }
        throw new AssertionError("nginx did not listen on " + httpsPort + ": " + read(dir.resolve("error.log")));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public int httpsPort() {
        return httpsPort;
    }

    public int httpPort() {
        return httpPort;
    }

    public Path certificate() {
        return dir.resolve("cert.pem");
    }

    /** What nginx logged as errors (for a failing test's message). */
    public String errorLog() {
        return read(dir.resolve("error.log"));
    }

    /** One request with curl from a chosen loopback address ({@code --interface}), as a client of its own. */
    public Curl.Answer curl(String fromAddress, String url, String... more) {
        List<String> args = new ArrayList<>(List.of("--cacert", certificate().toString(), "--interface", fromAddress));
        args.addAll(List.of(more));
        return Curl.run(url, args);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
