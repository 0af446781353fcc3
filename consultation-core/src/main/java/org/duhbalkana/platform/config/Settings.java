package org.duhbalkana.platform.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The platform's configuration, read once and checked as a whole.
 *
 * <p>The keys are the ones documented in the README: {@code HTTP_PORT}, {@code DATA_DIR},
 * {@code DB_URL}, {@code DB_USER}, {@code DB_PASSWORD}, {@code MAIL_HOST}, {@code MAIL_PORT},
 * {@code MAIL_FROM}, {@code BASE_URL}, {@code DEMO}, {@code DEMO_PURGE}, {@code PAGE_CACHE_SECONDS},
 * {@code PAGE_CACHE_BYTES}, the participation limits ({@code COMMENT_LIMIT_ACCOUNT}, {@code COMMENT_LIMIT_ADDRESS},
 * {@code FLAG_LIMIT_HOUR}, {@code FLAG_LIMIT_ROUND}) and the signature mail limits. Defaults live in
 * {@code META-INF/microprofile-config.properties}; inside the server they are read through
 * MicroProfile Config, in the launcher through {@link DefaultConfiguration}. Whatever the
 * source, {@link #read(Function)} applies the same rules, so a malformed value is refused with
 * the same one-line message everywhere.
 */
public record Settings(
        int httpPort,
        Path dataDir,
        Database database,
        Optional<Mail> mail,
        String mailFrom,
        URI baseUrl,
        boolean demo,
        int pageCacheSeconds,
        long pageCacheBytes,
        Limits limits,
        boolean demoPurge) {

    public static final String HTTP_PORT = "HTTP_PORT";
    public static final String DATA_DIR = "DATA_DIR";
    public static final String DB_URL = "DB_URL";
    public static final String DB_USER = "DB_USER";
    public static final String DB_PASSWORD = "DB_PASSWORD";
    public static final String MAIL_HOST = "MAIL_HOST";
    public static final String MAIL_PORT = "MAIL_PORT";
    public static final String MAIL_FROM = "MAIL_FROM";
    public static final String BASE_URL = "BASE_URL";
    public static final String DEMO = "DEMO";
    /** How long visitors who are not signed in may be served a copy of a public round page (0: never). */
    public static final String PAGE_CACHE_SECONDS = "PAGE_CACHE_SECONDS";
    /** Delete the content {@code DEMO} created (and all that hangs off it) at start-up; only with {@code DEMO} off. */
    public static final String DEMO_PURGE = "DEMO_PURGE";
    /** How much memory those copies may take, in bytes (suffixes K, M, G: 1024-based); the least recently read go first. */
    public static final String PAGE_CACHE_BYTES = "PAGE_CACHE_BYTES";

    /** Comments and replies one account may write in ten minutes. */
    public static final String COMMENT_LIMIT_ACCOUNT = "COMMENT_LIMIT_ACCOUNT";
    /** Comments and replies that may come from one network address in ten minutes. */
    public static final String COMMENT_LIMIT_ADDRESS = "COMMENT_LIMIT_ADDRESS";
    /** Comments one account may flag in an hour. */
    public static final String FLAG_LIMIT_HOUR = "FLAG_LIMIT_HOUR";
    /** Comments one account may flag in one consultation round. */
    public static final String FLAG_LIMIT_ROUND = "FLAG_LIMIT_ROUND";

    /** Every key, in the order the README lists them. */
    public static final Set<String> KEYS = Set.of(HTTP_PORT, DATA_DIR, DB_URL, DB_USER,
            DB_PASSWORD, MAIL_HOST, MAIL_PORT, MAIL_FROM, BASE_URL, DEMO, DEMO_PURGE, PAGE_CACHE_SECONDS, PAGE_CACHE_BYTES,
            COMMENT_LIMIT_ACCOUNT, COMMENT_LIMIT_ADDRESS, FLAG_LIMIT_HOUR, FLAG_LIMIT_ROUND,
            SignatureMailLimits.SIGNATURE_MAILS_PER_ADDRESS_HOUR, SignatureMailLimits.SIGNATURE_MAILS_PER_HOUR,
            org.duhbalkana.platform.network.TrustedProxies.KEY,
            EdgeSettings.DB_WAIT_SECONDS, EdgeSettings.API_BODY_LIMIT_BYTES,
            ClusterSettings.CLUSTER, ClusterSettings.CLUSTER_MEMBERS, ClusterSettings.CLUSTER_ADDRESS, ClusterSettings.CLUSTER_PORT, ClusterSettings.CLUSTER_NAME, ClusterSettings.ATTACHMENTS_DIR);

    /** How much one account (or one network address) may write or flag in a consultation. */
    public record Limits(int commentsPerAccount, int commentsPerAddress, int flagsPerHour, int flagsPerRound) {

        /** The defaults: 10 comments and replies per account and 100 per address in ten minutes; 10 flags an hour, 20 a round. */
        public static final Limits DEFAULT = new Limits(10, 100, 10, 20);
    }

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+]");
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>]+@[^@\\s<>]+");
    private static final Pattern NAMED_ADDRESS = Pattern.compile("[^<>]*<([^@\\s<>]+@[^@\\s<>]+)>");

    /** Where the database lives and how to sign in to it. */
    public record Database(String url, String user, String password) {

        public Database {
            if (url == null || user == null || password == null) {
                throw new IllegalArgumentException("url, user and password are required");
            }
        }

        public boolean isMariaDb() {
            return url.startsWith("jdbc:mariadb:");
        }

        /** The URL with any credentials it carries masked, fit for a log line or an error. */
        public String safeUrl() {
            return maskCredentials(url);
        }

        @Override
        public String toString() {
            return "Database[" + safeUrl() + ", user=" + user + "]";
        }
    }

    /** The SMTP server mail is sent through. */
    public record Mail(String host, int port) {
    }

    /**
     * Reads and checks every key.
     *
     * @param source gives the configured value of a key, with defaults applied; empty when the
     *               key has neither
     * @throws ConfigurationException naming the first key whose value cannot be used
     */
    public static Settings read(Function<String, Optional<String>> source) {
        int httpPort = port(HTTP_PORT, required(source, HTTP_PORT));
        Path dataDir = path(DATA_DIR, required(source, DATA_DIR));
        Database database = new Database(
                jdbcUrl(required(source, DB_URL)),
                notBlank(DB_USER, required(source, DB_USER), "is empty: give the database user's name"),
                notBlank(DB_PASSWORD, required(source, DB_PASSWORD),
                        "is empty: give the database user a password (an empty one cannot be passed to the data source)"));
        Optional<String> mailHost = source.apply(MAIL_HOST).map(String::trim).filter(s -> !s.isEmpty());
        Optional<Mail> mail = mailHost.map(host -> {
            if (!HOST.matcher(host).matches()) {
                throw new ConfigurationException(MAIL_HOST, "is not a host name or address: '" + printable(host) + "'");
            }
            return new Mail(host, port(MAIL_PORT, source.apply(MAIL_PORT).orElse("25")));
        });
        if (mail.isEmpty()) {
            source.apply(MAIL_PORT).ifPresent(value -> port(MAIL_PORT, value));
        }
        String mailFrom = mailFrom(required(source, MAIL_FROM));
        URI baseUrl = baseUrl(required(source, BASE_URL));
        boolean demo = flag(DEMO, source.apply(DEMO).orElse("false"));
        int pageCacheSeconds = seconds(PAGE_CACHE_SECONDS, source.apply(PAGE_CACHE_SECONDS).orElse("2"));
        boolean demoPurge = flag(DEMO_PURGE, source.apply(DEMO_PURGE).orElse("false"));
        if (demo && demoPurge) {
            throw new ConfigurationException(DEMO_PURGE, "cannot be on while DEMO is on: it deletes the demo content DEMO creates");
        }
        SignatureMailLimits.read(source); // checked with the rest at start-up; produced on its own (SettingsProducer)
        org.duhbalkana.platform.network.TrustedProxies.read(source); // checked here; read by the web module's request filter
        EdgeSettings.read(source); // the same: the database wait and the API body limit
        ClusterSettings.read(source); // the same: the data grid (the launcher's options) and the attachments directory
        long pageCacheBytes = bytes(PAGE_CACHE_BYTES, source.apply(PAGE_CACHE_BYTES).orElse("32M"));
        Limits limits = new Limits(
                limit(COMMENT_LIMIT_ACCOUNT, source.apply(COMMENT_LIMIT_ACCOUNT).orElse(Integer.toString(Limits.DEFAULT.commentsPerAccount()))),
                limit(COMMENT_LIMIT_ADDRESS, source.apply(COMMENT_LIMIT_ADDRESS).orElse(Integer.toString(Limits.DEFAULT.commentsPerAddress()))),
                limit(FLAG_LIMIT_HOUR, source.apply(FLAG_LIMIT_HOUR).orElse(Integer.toString(Limits.DEFAULT.flagsPerHour()))),
                limit(FLAG_LIMIT_ROUND, source.apply(FLAG_LIMIT_ROUND).orElse(Integer.toString(Limits.DEFAULT.flagsPerRound()))));
        return new Settings(httpPort, dataDir, database, mail, mailFrom, baseUrl, demo, pageCacheSeconds, pageCacheBytes, limits, demoPurge);
    }

    private static int limit(String key, String value) {
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= 1_000_000) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ConfigurationException(key, "must be a whole number from 1 to 1000000, not '" + printable(value) + "'");
    }

    /** A size in bytes, such as {@code 33554432}, {@code 32768K}, {@code 32M} or {@code 1G}: at most 4 GiB. */
    static long bytes(String key, String value) {
        String text = value.trim().toUpperCase(Locale.ROOT);
        long unit = 1;
        if (text.endsWith("B") && text.length() > 1 && "KMG".indexOf(text.charAt(text.length() - 2)) >= 0) {
            text = text.substring(0, text.length() - 1);
        }
        if (!text.isEmpty()) {
            switch (text.charAt(text.length() - 1)) {
                case 'K' -> unit = 1024L;
                case 'M' -> unit = 1024L * 1024;
                case 'G' -> unit = 1024L * 1024 * 1024;
                default -> unit = 1;
            }
            if (unit > 1) {
                text = text.substring(0, text.length() - 1).trim();
            }
        }
        try {
            long number = Long.parseLong(text);
            if (number >= 0 && number <= (4L << 30) / unit) {
                return number * unit;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ConfigurationException(key, "must be a size in bytes from 0 to 4G, such as 33554432 or 32M, not '" + printable(value) + "'");
    }

    private static int seconds(String key, String value) {
        try {
            int seconds = Integer.parseInt(value.trim());
            if (seconds >= 0 && seconds <= 3600) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ConfigurationException(key, "must be a number of seconds from 0 to 3600, not '" + printable(value) + "'");
    }

    private static String required(Function<String, Optional<String>> source, String key) {
        return source.apply(key)
                .orElseThrow(() -> new ConfigurationException(key, "is not set and has no default"));
    }

    private static String notBlank(String key, String value, String problem) {
        if (value.isBlank()) {
            throw new ConfigurationException(key, problem);
        }
        return value;
    }

    static int port(String key, String value) {
        String trimmed = value.trim();
        try {
            int port = Integer.parseInt(trimmed);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new ConfigurationException(key, "must be a port number from 1 to 65535, not '" + printable(value) + "'");
    }

    private static Path path(String key, String value) {
        if (value.isBlank()) {
            throw new ConfigurationException(key, "is empty: give a directory");
        }
        try {
            return Path.of(value.trim());
        } catch (InvalidPathException invalid) {
            throw new ConfigurationException(key, "is not a usable path: '" + printable(value) + "'");
        }
    }

    private static String jdbcUrl(String value) {
        String url = value.trim();
        if (url.startsWith("jdbc:mariadb://") && url.length() > "jdbc:mariadb://".length()) {
            return url;
        }
        if (url.startsWith("jdbc:h2:") && url.length() > "jdbc:h2:".length()) {
            return url;
        }
        throw new ConfigurationException(DB_URL,
                "must start with jdbc:mariadb:// (MariaDB) or jdbc:h2: (embedded), not '" + printable(maskCredentials(url)) + "'");
    }

    private static String mailFrom(String value) {
        String from = value.trim();
        if (ADDRESS.matcher(from).matches() || NAMED_ADDRESS.matcher(from).matches()) {
            return from;
        }
        throw new ConfigurationException(MAIL_FROM,
                "must be an e-mail address such as 'Duh Balkana <noreply@example.org>', not '" + printable(from) + "'");
    }

    private static URI baseUrl(String value) {
        String trimmed = value.trim();
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getQuery() == null && uri.getFragment() == null) {
                String text = uri.toString();
                return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            }
        } catch (URISyntaxException malformed) {
            // reported below
        }
        throw new ConfigurationException(BASE_URL,
                "must be an absolute http:// or https:// address such as https://konsultacije.example.org, not '"
                        + printable(trimmed) + "'");
    }

    static boolean flag(String key, String value) {
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes", "1":
                return true;
            case "false", "off", "no", "0":
                return false;
            default:
                throw new ConfigurationException(key, "must be true or false (or on/off), not '" + printable(value) + "'");
        }
    }

    /** Removes passwords from a JDBC URL: {@code user:secret@host} and {@code password=secret}. */
    static String maskCredentials(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***")
                .replaceAll("//([^/@:]+):[^/@]*@", "//$1:***@");
    }

    /** Keeps an error line on one line and of a readable length. */
    private static String printable(String value) {
        String oneLine = value.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() > 120 ? oneLine.substring(0, 120) + "…" : oneLine;
    }

    /** The absolute address of a path on this site, such as {@code /health}. */
    public URI link(String path) {
        return URI.create(baseUrl + (path.startsWith("/") ? path : "/" + path));
    }

    @Override
    public String toString() {
        return "Settings[httpPort=" + httpPort + ", dataDir=" + dataDir + ", database=" + database
                + ", mail=" + mail + ", mailFrom=" + mailFrom + ", baseUrl=" + baseUrl + ", demo=" + demo + ", limits=" + limits + "]";
    }
}
