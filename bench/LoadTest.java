import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load test: N virtual users, each with its own cookies (a real visitor's session),
 * request the given paths in turn, back to back, for a fixed time after a warm-up. Prints the
 * throughput and the latency percentiles per path. Only for the site on this machine (loopback).
 *
 * java bench/LoadTest.java BASE_URL USERS SECONDS WARMUP_SECONDS PATH [PATH ...]
 *
 * A path may hold {@code {after:N}}: each request then asks for a page chosen at random, the token
 * replaced by a multiple of 20 below N (readers browsing many pages of comments, not one).
 */
public class LoadTest {

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        if (!"localhost".equals(base.getHost()) && !base.getHost().startsWith("127.")) {
            throw new IllegalArgumentException("only a site on this machine (localhost) may be loaded");
        }
        int users = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        List<String> paths = List.of(args).subList(4, args.length);

        for (String path : paths) {
            run(base, users, warmup, List.of(path), false);
            Result result = run(base, users, seconds, List.of(path), true);
            System.out.println(result.describe(path, users, seconds));
        }
    }

    record Result(List<Long> micros, long errors) {
        String describe(String path, int users, int seconds) {
            List<Long> sorted = new ArrayList<>(micros);
            Collections.sort(sorted);
            return String.format("%-75s users=%d requests=%d errors=%d rps=%.0f p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms",
                    path, users, sorted.size(), errors, sorted.size() / (double) seconds,
                    pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1000.0);
        }

        static double pct(List<Long> sorted, int p) {
            if (sorted.isEmpty()) {
                return 0;
            }
            int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, index)) / 1000.0;
        }
    }

    private static final java.util.regex.Pattern AFTER = java.util.regex.Pattern.compile("\\{after:(\\d+)}");

    static String spread(String path) {
        java.util.regex.Matcher m = AFTER.matcher(path);
        if (!m.find()) {
            return path;
        }
        int pages = Integer.parseInt(m.group(1)) / 20;
        return m.replaceFirst(Integer.toString(java.util.concurrent.ThreadLocalRandom.current().nextInt(pages) * 20));
    }

    static Result run(URI base, int users, int seconds, List<String> paths, boolean record) throws Exception {
        List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(users);
        for (int u = 0; u < users; u++) {
            pool.submit(() -> {
                HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                        .connectTimeout(Duration.ofSeconds(5)).build();
                int i = 0;
                while (System.nanoTime() < end) {
                    String path = spread(paths.get(i++ % paths.size()));
                    long start = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(base.resolve(path))
                                .header("Accept-Language", "sr-Latn").timeout(Duration.ofSeconds(30)).build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                        long took = (System.nanoTime() - start) / 1000;
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        } else if (record) {
                            micros.add(took);
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        return new Result(micros, record ? errors.get() : 0);
    }
}
