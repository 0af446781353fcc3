package org.duhbalkana.web.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged WAR running on Payara Micro in a process of its own, started the way the README's
 * run command starts it (through {@code MicroLauncher}), on a free port, with its output in
 * {@code target/it-logs/NAME.log}.
 */
public final class RunningSite implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final String name;
    private final Map<String, String> environment;
    private final int port;
    private final Path log;
    private Process process;
    private Duration startTime;
    private long logStart;

    private RunningSite(String name, Map<String, String> environment) {
        this.name = name;
        // a site started again keeps its port; a malformed HTTP_PORT is passed on for the launcher to refuse
        String given = environment.get("HTTP_PORT");
        this.port = given != null && given.matches("\\d{1,5}") ? Integer.parseInt(given) : freePort();
        this.environment = new HashMap<>(environment);
        this.environment.putIfAbsent("HTTP_PORT", Integer.toString(port));
        // tests read what they just wrote: no kept copies of public pages unless a test asks for them
        this.environment.putIfAbsent("PAGE_CACHE_SECONDS", "0");
        this.log = output().resolve("it-logs").resolve(name + ".log");
    }

    /** A site with these configuration keys (DATA_DIR defaults to a new temporary directory). */
    public static RunningSite configured(String name, Map<String, String> environment) {
        Map<String, String> env = new HashMap<>(environment);
        if (!env.containsKey("DATA_DIR")) {
            env.put("DATA_DIR", newDataDir(name).toString());
        }
        return new RunningSite(name, env);
    }

    public static Path newDataDir(String name) {
        try {
            Files.createDirectories(output().resolve("it-data"));
            return Files.createTempDirectory(output().resolve("it-data"), name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the site and waits until {@code /health} says UP; fails with the log's tail if it does not. */
    public RunningSite start() {
        return start(START_TIMEOUT);
    }

    /** Like {@link #start()}, waiting up to this long (a site that seeds much demo content on a busy machine). */
    public RunningSite start(Duration timeout) {
        launch();
        Instant began = Instant.now();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (Duration.between(began, Instant.now()).compareTo(timeout) < 0) {
            if (!process.isAlive()) {
                throw new AssertionError("Payara Micro exited with status " + process.exitValue()
                        + " before the site was up:\n" + tail(60));
            }
            if (printed().contains("Exception while loading the app")) {
                close();
                throw new AssertionError("The application failed to deploy:\n" + tail(80));
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                HttpResponse<String> home = health.statusCode() == 200
                        ? http.send(HttpRequest.newBuilder(uri("/")).timeout(Duration.ofSeconds(30)).build(),
                                HttpResponse.BodyHandlers.ofString())
                        : null;
                if (home != null && home.statusCode() == 200) {
                    startTime = Duration.between(began, Instant.now());
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            sleep(500);
        }
        close();
        throw new AssertionError("The site did not come up within " + timeout + ":\n" + tail(60));
    }

    /** Starts the site and waits for its process to end; for configurations that must fail. */
    public int startExpectingExit(Duration within) {
        launch();
        try {
            if (!process.waitFor(within.toSeconds(), TimeUnit.SECONDS)) {
                close();
                throw new AssertionError("The site was expected to stop by itself but kept running:\n" + tail(60));
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private void launch() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.duhbalkana.platform.launch.MicroLauncher");
        command.add("--micro");
        command.add(required("test.payara.micro"));
        command.add("--war");
        command.add(required("test.war"));
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().keySet().removeIf(key -> key.startsWith("DB_") || key.startsWith("MAIL_")
                    || key.equals("DEMO") || key.equals("BASE_URL") || key.equals("DATA_DIR") || key.equals("HTTP_PORT"));
            builder.environment().putIfAbsent("JAVA_OPTS", "-Xmx512m");
            builder.environment().putAll(environment);
            Files.writeString(log, "=== start " + Instant.now() + " " + name + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            logStart = Files.size(log);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The same site once more (same port, {@code DATA_DIR} and database), not started yet: to start it
     * again after {@link #kill()} or {@link #stop()}.
     */
    public RunningSite again(String newName) {
        return new RunningSite(newName, environment);
    }

    /** Stops the site as Ctrl-C would, and waits for it. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * {@code kill -9} of Payara Micro and of its launcher, as a crashed machine leaves them: no
     * shutdown hook, no clean leave of the data grid. Returns once both are gone.
     */
    public void kill() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>(process.toHandle().descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new AssertionError("process " + handle.pid() + " outlived kill -9", e);
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return Path.of(environment.get("DATA_DIR"));
    }

    /** How long it took from starting the process to the home page answering. */
    public Duration startTime() {
        return startTime;
    }

    public long pid() {
        return process.pid();
    }

    /** The Payara Micro process (the launcher's child), for measuring its memory. */
    public java.util.Optional<ProcessHandle> payaraProcess() {
        return process.toHandle().children().findFirst();
    }

    /** Everything the site has printed since this start. */
    public String printed() {
        try {
            byte[] all = Files.readAllBytes(log);
            int from = (int) Math.min(logStart, all.length);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String tail(int lines) {
        String[] all = printed().split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
    }

    /** The build's output directory ({@code target}). */
    public static Path output() {
        return Path.of(System.getProperty("test.output", "target"));
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("System property " + property + " is not set: run the tests through Maven (failsafe)");
        }
        return value;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
