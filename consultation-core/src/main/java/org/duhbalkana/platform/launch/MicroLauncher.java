package org.duhbalkana.platform.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.duhbalkana.platform.config.ConfigurationException;
import org.duhbalkana.platform.config.DefaultConfiguration;
import org.duhbalkana.platform.config.Settings;
import org.duhbalkana.platform.startup.ApplicationStartup;

/**
 * Starts the web module on Payara Micro in the foreground: the README's run command, the
 * Payara Micro image and the tests all start the site through this class.
 *
 * <p>It checks the configuration first, so that a malformed key stops start-up with one line
 * and exit status 2 before a server is started; then it runs Payara Micro in a child process
 * with the WAR at the root context and the port of {@code HTTP_PORT}, waits for it, and exits
 * with its status. While Payara Micro boots and deploys, the launcher holds the port itself and
 * answers every request with 503 and {@code Retry-After} ({@link StartingServer}); Payara Micro's
 * listener stays closed until the application is ready and the launcher has handed the port over
 * ({@link PortHandover}). Requests Payara Micro answers itself get our pages ({@link ErrorPages}). The application itself exits with status 3 when its database cannot be
 * used. Ctrl-C (or SIGTERM) stops Payara Micro cleanly.
 *
 * <pre>
 * java -cp consultation-core.jar org.duhbalkana.platform.launch.MicroLauncher \
 *      --micro payara-micro.jar --war consultation.war [--demo-default] [-- more Payara Micro options]
 * </pre>
 * Clustering is set by the keys {@code CLUSTER} and {@code CLUSTER_*}, not by options after {@code --}.
 */
public final class MicroLauncher {

    static final int CONFIGURATION_ERROR = 2;
    private static final int USAGE_ERROR = 64;

    private MicroLauncher() {
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: MicroLauncher --micro payara-micro.jar --war app.war [--demo-default] [-- options]");
            System.exit(USAGE_ERROR);
            return;
        }
        Map<String, String> environment = new java.util.HashMap<>(System.getenv());
        if (arguments.demoDefault && isUnset(environment.get(Settings.DEMO)) && System.getProperty(Settings.DEMO) == null) {
            environment.put(Settings.DEMO, "true");
        }
        Settings settings;
        try {
            settings = Settings.read(new DefaultConfiguration(environment, System.getProperties()));
            Files.createDirectories(settings.dataDir());
        } catch (ConfigurationException e) {
            System.err.println("Configuration error: " + e.getMessage());
            System.exit(CONFIGURATION_ERROR);
            return;
        } catch (IOException e) {
            System.err.println("Configuration error: DATA_DIR cannot be created: " + e.getMessage());
            System.exit(CONFIGURATION_ERROR);
            return;
        }

        List<String> command = command(arguments, settings);
        try {
            List<String> preBoot = new ArrayList<>(PRE_BOOT_COMMANDS);
            preBoot.addAll(ErrorPages.write(settings.dataDir()));
            Files.writeString(preBootFile(settings), String.join("\n", preBoot) + "\n", StandardCharsets.UTF_8);
            Files.writeString(postDeployFile(settings), String.join("\n", POST_DEPLOY_COMMANDS) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("Configuration error: DATA_DIR is not writable: " + e.getMessage());
            System.exit(CONFIGURATION_ERROR);
            return;
        }
        StartingServer placeholder;
        try {
            placeholder = StartingServer.start(settings.httpPort());
        } catch (IOException e) {
            System.err.println("Configuration error: HTTP_PORT " + settings.httpPort() + " cannot be used (" + e.getMessage()
                    + "): is another server listening on it?");
            System.exit(CONFIGURATION_ERROR);
            return;
        }
        Path handover = handoverPath(settings);
        PortHandover.clean(handover);
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process payara = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(payara), "stop-payara-micro"));
        Thread handing = new Thread(() -> handOver(payara, placeholder, handover, settings.httpPort()), "port-handover");
        handing.setDaemon(true);
        handing.start();
        int status = payara.waitFor();
        placeholder.stop();
        PortHandover.clean(handover);
        System.exit(status);
    }

    /** Exit status when Payara Micro never takes the port: the deployment hung, or its listener did not open. */
    static final int NEVER_SERVED = 4;

    /** How long a deployment may take before the launcher gives up on it (demo content on a slow machine takes minutes). */
    static final java.time.Duration DEPLOYMENT_LIMIT = java.time.Duration.ofMinutes(15);

    /** How long Payara Micro may take to open its listener once the port is released. */
    static final java.time.Duration LISTENER_LIMIT = java.time.Duration.ofSeconds(60);

    /**
     * Answers 503 on the port until the application asks for it, then closes it and says so: Payara
     * Micro opens it a moment later (its post-deploy command). If Payara Micro ends first (a failed
     * start-up), the launcher ends with it. A deployment that never asks, or a listener that does not
     * open once the port is free, ends the launcher with one line and {@link #NEVER_SERVED}, so that a
     * supervisor starts it again instead of leaving a site that answers "starting" for ever.
     */
    private static void handOver(Process payara, StartingServer placeholder, Path handover, int port) {
        boolean asked = PortHandover.await(() -> !payara.isAlive() || Files.exists(PortHandover.requested(handover)),
                DEPLOYMENT_LIMIT);
        if (!payara.isAlive()) {
            return;
        }
        if (!asked) {
            System.err.println("Start-up failed: the application was not ready within " + DEPLOYMENT_LIMIT.toMinutes()
                    + " minutes; stopping");
            System.exit(NEVER_SERVED);
            return;
        }
        placeholder.stop();
        try {
            PortHandover.release(handover);
        } catch (IOException e) {
            System.err.println("The port hand-over file cannot be written: " + e.getMessage());
        }
        boolean listening = PortHandover.await(() -> !payara.isAlive() || accepts(port), LISTENER_LIMIT);
        if (payara.isAlive() && !listening) {
            System.err.println("Start-up failed: Payara Micro did not open port " + port + " within "
                    + LISTENER_LIMIT.toSeconds() + " s of the hand-over; stopping");
            System.exit(NEVER_SERVED);
        }
    }

    /** Whether something accepts connections on the port (on this machine). */
    private static boolean accepts(int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /**
     * The asadmin commands Payara Micro runs before it boots: its HTTP listener names no product or
     * version ({@code Server} and {@code X-Powered-By} headers off), and it stays closed while the
     * application deploys (the launcher answers on the port meanwhile); {@link ErrorPages} adds our
     * error pages. Payara Server (the EAR) is set by its operator (README).
     */
    static final List<String> PRE_BOOT_COMMANDS = List.of(
            "set configs.config.server-config.network-config.protocols.protocol.http-listener.http.server-header=false",
            "set configs.config.server-config.network-config.protocols.protocol.http-listener.http.xpowered-by=false",
            "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.enabled=false");

    /**
     * The asadmin commands Payara Micro runs once the application is deployed: it opens its HTTP
     * listener, which Payara Micro does at once, without a restart.
     */
    static final List<String> POST_DEPLOY_COMMANDS = List.of(
            "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.enabled=true");

    /** Where the post-deploy commands are written for Payara Micro to read. */
    static Path postDeployFile(Settings settings) {
        return settings.dataDir().resolve("payara-post-deploy.asadmin");
    }

    /** The common path of the port hand-over files of this launcher (its process id: instances may share DATA_DIR). */
    static Path handoverPath(Settings settings) {
        return settings.dataDir().toAbsolutePath().resolve("port-handover-" + ProcessHandle.current().pid());
    }

    /** Where the pre-boot commands are written for Payara Micro to read. */
    static Path preBootFile(Settings settings) {
        return settings.dataDir().resolve("payara-pre-boot.asadmin");
    }

    /** The Payara Micro command line for these settings. */
    static List<String> command(Arguments arguments, Settings settings) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Optional.ofNullable(System.getenv("JAVA_OPTS")).filter(s -> !s.isBlank())
                .ifPresent(options -> command.addAll(Arrays.asList(options.trim().split("\\s+"))));
        command.add("-D" + ApplicationStartup.EXIT_ON_FAILURE + "=true");
        command.add("-D" + PortHandover.PROPERTY + "=" + handoverPath(settings));
        for (String key : Settings.KEYS) {
            String value = System.getProperty(key);
            if (value != null) {
                command.add("-D" + key + "=" + value);
            }
        }
        command.add("-jar");
        command.add(arguments.micro.toString());
        command.add("--deploy");
        command.add(arguments.war.toString());
        command.add("--contextroot");
        command.add("/");
        command.add("--port");
        command.add(Integer.toString(settings.httpPort()));
        command.add("--prebootcommandfile");
        command.add(preBootFile(settings).toString());
        command.add("--postdeploycommandfile");
        command.add(postDeployFile(settings).toString());
        command.addAll(clusterOptions(org.duhbalkana.platform.config.DefaultConfiguration.ofThisProcess()));
        command.addAll(arguments.payaraOptions);
        return command;
    }

    /**
     * Payara Micro's data grid options (issue 13): {@code --nocluster} unless {@code CLUSTER=true},
     * then a static member list on the configured interface ({@link ClusterSettings#payaraOptions()}).
     * The keys were checked with the rest before this is called.
     */
    static List<String> clusterOptions(java.util.function.Function<String, Optional<String>> source) {
        return org.duhbalkana.platform.config.ClusterSettings.read(source).payaraOptions();
    }

    private static void stop(Process payara) {
        if (!payara.isAlive()) {
            return;
        }
        payara.destroy();
        try {
            if (!payara.waitFor(30, TimeUnit.SECONDS)) {
                payara.destroyForcibly();
            }
        } catch (InterruptedException e) {
            payara.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isUnset(String value) {
        return value == null || value.isEmpty();
    }

    /** The launcher's own command line. */
    record Arguments(Path micro, Path war, boolean demoDefault, List<String> payaraOptions) {

        static Arguments parse(String[] args) {
            Path micro = null;
            Path war = null;
            boolean demoDefault = false;
            List<String> options = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--micro" -> micro = Path.of(value(args, ++i, "--micro"));
                    case "--war" -> war = Path.of(value(args, ++i, "--war"));
                    case "--demo-default" -> demoDefault = true;
                    case "--" -> {
                        options.addAll(Arrays.asList(args).subList(i + 1, args.length));
                        i = args.length;
                    }
                    default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
                }
            }
            if (micro == null || !Files.isRegularFile(micro)) {
                throw new IllegalArgumentException("--micro must name the Payara Micro jar: " + micro);
            }
            if (war == null || !Files.exists(war)) {
                throw new IllegalArgumentException("--war must name the web module: " + war);
            }
            return new Arguments(micro, war, demoDefault, List.copyOf(options));
        }

        private static String value(String[] args, int index, String option) {
            if (index >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[index];
        }
    }
}
