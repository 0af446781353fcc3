package org.duhbalkana.web.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A MariaDB server of the test's own, in a temporary data directory on a free port of the loopback
 * interface, that the test may kill ({@code kill -9}) and start again on the same port and data: the
 * shared server at 127.0.0.1:3306 is never touched. It has one database, {@code consultation}, and one
 * user with a password ({@link #USER}), as a deployment would. Every wait is bounded; {@link #close()}
 * kills the server and deletes its data.
 */
public final class OwnMariaDb implements AutoCloseable {

    public static final String USER = "duh";
    public static final String PASSWORD = "duh-own-password";
    public static final String DATABASE = "consultation";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path dir;
    private final int port;
    private Process server;

    private OwnMariaDb(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Creates the data directory, starts the server and creates the database and its user. */
    public static OwnMariaDb start() {
        Path dir;
        try {
            dir = Files.createTempDirectory("duh-mariadb-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        OwnMariaDb db = new OwnMariaDb(dir, freePort());
        try {
            run(List.of("mariadb-install-db", "--no-defaults", "--datadir=" + dir.resolve("data"), "--user=root",
                    "--auth-root-authentication-method=normal", "--skip-test-db"), dir.resolve("install.log"), Duration.ofSeconds(120));
            db.launch();
            StringBuilder sql = new StringBuilder("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;");
            for (String host : new String[] {"127.0.0.1", "localhost", "%"}) {
                sql.append("CREATE USER '" + USER + "'@'" + host + "' IDENTIFIED BY '" + PASSWORD + "';")
                        .append("GRANT ALL PRIVILEGES ON " + DATABASE + ".* TO '" + USER + "'@'" + host + "';");
            }
            if (!db.asRoot(sql.toString())) {
                throw new IllegalStateException("could not create the database and its user:\n" + db.errorLog());
            }
            return db;
        } catch (RuntimeException | Error e) {
            db.close();
            throw e;
        }
    }

    /** The configuration keys that point the site at this server. */
    public Map<String, String> environment() {
        return Map.of("DB_URL", url(), "DB_USER", USER, "DB_PASSWORD", PASSWORD);
    }

    public String url() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + DATABASE;
    }

    public int port() {
        return port;
    }

    /** A connection as the database's user (for the test's own reads). */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, PASSWORD);
    }

    /** Kills the server as a crash would ({@code kill -9}) and waits until it is gone. */
    public void kill() {
        Process running = server;
        if (running == null) {
            return;
        }
        running.descendants().forEach(ProcessHandle::destroyForcibly);
        running.destroyForcibly();
        try {
            if (!running.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test's MariaDB did not die within 30 s"); // kept, so close() tries again
            }
            server = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the server again on the same port and data; returns when it accepts connections. */
    public void restart() {
        if (server != null) {
            throw new IllegalStateException("the server is running");
        }
        launch();
    }

    private void launch() {
        try {
            Files.deleteIfExists(dir.resolve("sock"));
            Files.deleteIfExists(dir.resolve("pid"));
            ProcessBuilder builder = new ProcessBuilder("/usr/sbin/mariadbd", "--no-defaults",
                    "--datadir=" + dir.resolve("data"), "--port=" + port, "--bind-address=127.0.0.1",
                    "--socket=" + dir.resolve("sock"), "--pid-file=" + dir.resolve("pid"), "--user=root",
                    "--skip-log-bin", "--innodb-buffer-pool-size=32M", "--innodb-use-native-aio=0",
                    "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci",
                    "--log-error=" + dir.resolve("error.log"))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.out").toFile()));
            server = builder.start();
            Process started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                // the test JVM killed by failsafe: no mariadbd left behind
                started.descendants().forEach(ProcessHandle::destroyForcibly);
                started.destroyForcibly();
            }, "stop-test-mariadb"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant began = Instant.now();
        while (Duration.between(began, Instant.now()).compareTo(START_TIMEOUT) < 0) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the test's MariaDB exited with " + server.exitValue() + ": " + errorLog());
            }
            if (asRoot("SELECT 1")) {
                return;
            }
            sleep(200);
        }
        throw new IllegalStateException("the test's MariaDB did not accept connections within " + START_TIMEOUT + ":\n" + errorLog());
    }

    /** Runs SQL as root through the server's own socket (root signs in there without a password); true when it worked. */
    private boolean asRoot(String sql) {
        try {
            Process client = new ProcessBuilder("mariadb", "--no-defaults", "--socket=" + dir.resolve("sock"), "-uroot",
                    "--connect-timeout=2", "-e", sql).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("client.log").toFile())).start();
            if (!client.waitFor(20, TimeUnit.SECONDS)) {
                client.destroyForcibly();
                return false;
            }
            return client.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String errorLog() {
        try {
            StringBuilder all = new StringBuilder();
            for (String name : new String[] {"error.log", "client.log"}) {
                Path log = dir.resolve(name);
                all.append(name).append(": ").append(Files.exists(log) ? Files.readString(log) : "(none)").append('\n');
            }
            return all.toString();
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() {
        try {
            kill();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // a temporary directory left behind
            }
        }
    }

    private static void run(List<String> command, Path log, Duration within) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(within.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + within);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A free port below the kernel's ephemeral range (32768 and up here), so that no client
     * connection elsewhere on the machine can be given it while the server is away.
     */
    private static int freePort() {
        java.util.Random random = new java.util.Random();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 20000 + random.nextInt(10000);
            try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port between 20000 and 30000");
    }


    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
