import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signing and confirming through the API against the site on this machine, for a fixed time:
 * SIGNERS threads post new signatures back to back; CONFIRMERS threads take the confirmation
 * links out of the site's mail outbox (the database: no SMTP server is configured) and post them;
 * one reader asks for the campaign's count every half second. Prints signatures accepted per
 * second, confirmations per second, how fast the public count grew, and the latency percentiles
 * of each kind of request. Needs the MariaDB JDBC driver on the class path.
 *
 * java -cp mariadb-java-client.jar bench/SignBench.java BASE_URL SLUG SIGNERS CONFIRMERS SECONDS JDBC_URL USER PASSWORD
 */
public class SignBench {

    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");
    private static final Pattern COUNT = Pattern.compile("\"confirmedSignatures\":(\\d+)");

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        if (!"localhost".equals(base.getHost()) && !base.getHost().startsWith("127.")) {
            throw new IllegalArgumentException("only a site on this machine (localhost) may be loaded");
        }
        String slug = args[1];
        int signers = Integer.parseInt(args[2]);
        int confirmers = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        String jdbc = args[5];
        String user = args[6];
        String password = args[7];

        // HTTP/1.1: a surge comes from many people, each on a connection of their own, not as streams
        // multiplexed over one HTTP/2 connection (which costs Grizzly more per stream as streams pile up).
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong signed = new AtomicLong();
        AtomicLong signFailures = new AtomicLong();
        AtomicLong confirmed = new AtomicLong();
        AtomicLong confirmFailures = new AtomicLong();
        List<Long> signLatency = Collections.synchronizedList(new ArrayList<>());
        List<Long> confirmLatency = Collections.synchronizedList(new ArrayList<>());
        List<Long> readLatency = Collections.synchronizedList(new ArrayList<>());
        ConcurrentLinkedQueue<String> tokens = new ConcurrentLinkedQueue<>();
        long run = System.currentTimeMillis();
        int startCount = count(http, base, slug, readLatency);

        ExecutorService pool = Executors.newFixedThreadPool(signers + confirmers + 2);
        for (int t = 0; t < signers; t++) {
            int thread = t;
            pool.submit(() -> {
                long i = 0;
                while (running.get()) {
                    String json = "{\"name\":\"Bench Signer\",\"email\":\"b" + run + "-" + thread + "-" + (i++)
                            + "@bench.example\",\"country\":\"AT\",\"consentSignature\":true,\"language\":\"en\"}";
                    long began = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/campaigns/" + slug + "/signatures"))
                                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
                        signLatency.add(System.nanoTime() - began);
                        (r.statusCode() == 202 ? signed : signFailures).incrementAndGet();
                    } catch (Exception e) {
                        signFailures.incrementAndGet();
                    }
                }
                return null;
            });
        }
        // The outbox reader: new confirmation mails, in order.
        pool.submit(() -> {
            long last = 0;
            try (Connection c = DriverManager.getConnection(jdbc, user, password)) {
                try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM mail_message"); ResultSet r = s.executeQuery()) {
                    r.next();
                    last = r.getLong(1);
                }
                while (running.get()) {
                    try (PreparedStatement s = c.prepareStatement(
                            "SELECT id, body FROM mail_message WHERE id > ? AND recipient LIKE 'b" + run + "-%' ORDER BY id LIMIT 5000")) {
                        s.setLong(1, last);
                        try (ResultSet r = s.executeQuery()) {
                            while (r.next()) {
                                last = r.getLong(1);
                                Matcher m = TOKEN.matcher(r.getString(2));
                                if (m.find()) {
                                    tokens.add(m.group(1));
                                }
                            }
                        }
                    }
                    Thread.sleep(200);
                }
            }
            return null;
        });
        for (int t = 0; t < confirmers; t++) {
            pool.submit(() -> {
                while (running.get()) {
                    String token = tokens.poll();
                    if (token == null) {
                        Thread.sleep(20);
                        continue;
                    }
                    long began = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/signatures/confirmation"))
                                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                                .build(), HttpResponse.BodyHandlers.ofString());
                        confirmLatency.add(System.nanoTime() - began);
                        (r.statusCode() == 200 ? confirmed : confirmFailures).incrementAndGet();
                    } catch (Exception e) {
                        confirmFailures.incrementAndGet();
                    }
                }
                return null;
            });
        }
        // The public count, as a visitor's page would read it.
        pool.submit(() -> {
            while (running.get()) {
                count(http, base, slug, readLatency);
                Thread.sleep(500);
            }
            return null;
        });

        Thread.sleep(seconds * 1000L);
        running.set(false);
        pool.shutdown();
        pool.awaitTermination(60, TimeUnit.SECONDS);
        Thread.sleep(7000); // the counting job's last batches
        int endCount = count(http, base, slug, readLatency);

        System.out.printf("%d s, %d signers, %d confirmers%n", seconds, signers, confirmers);
        System.out.printf("signatures accepted: %d (%.0f/s), failed: %d, latency %s%n", signed.get(), signed.get() / (double) seconds,
                signFailures.get(), percentiles(signLatency));
        System.out.printf("confirmations: %d (%.0f/s), failed: %d, latency %s%n", confirmed.get(), confirmed.get() / (double) seconds,
                confirmFailures.get(), percentiles(confirmLatency));
        System.out.printf("public count: %d -> %d (+%d, %.0f/s); count reads %s%n", startCount, endCount, endCount - startCount,
                (endCount - startCount) / (double) seconds, percentiles(readLatency));
    }

    private static int count(HttpClient http, URI base, String slug, List<Long> latency) {
        long began = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/campaigns/" + slug)).timeout(Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.ofString());
            latency.add(System.nanoTime() - began);
            Matcher m = COUNT.matcher(r.body());
            return m.find() ? Integer.parseInt(m.group(1)) : -1;
        } catch (Exception e) {
            return -1;
        }
    }

    private static String percentiles(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return "(none)";
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return String.format("p50 %d ms, p95 %d ms, p99 %d ms", at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99));
    }

    private static long at(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) (q * sorted.size()))) / 1_000_000;
    }
}
