package org.duhbalkana.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duhbalkana.web.testing.MariaDbSite;
import org.duhbalkana.web.testing.RunningSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What clients see while the site starts (issue 20): the site is killed ({@code kill -9} of the
 * launcher and Payara Micro) under a client that keeps signing and confirming petition signatures
 * through the API and opening a page, and started again on the same port and database. Every answer
 * is a normal one or our 503 with {@code Retry-After}; never a 404 for a valid token, a server's own
 * page or an empty 500. Connections are refused only while no process holds the port: after the
 * kill, and in the moment the launcher hands the port to Payara Micro. Every link refused with 503
 * confirms on retry, and the database holds every signature answered 202 and every confirmation.
 * Then, on the restarted site: the requests that never reach the application get our pages, and
 * {@code /openapi} documents 404 and 503 for every operation.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StartUnderLoadIT {

    private static final String DANUBE = "dunav-bez-plastike";
    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");

    /** The database and the site as first started. */
    private static MariaDbSite first;
    /** The site running now: the first, then the one started after the kill. */
    private static RunningSite site;

    @BeforeAll
    static void start() {
        // the client signs from one address, more often than a person would
        first = MariaDbSite.startWithDemoAccounts("start-under-load-1", Map.of("JAVA_OPTS", "-Xmx768m",
                "SIGNATURE_MAILS_PER_ADDRESS_HOUR", "100000", "SIGNATURE_MAILS_PER_HOUR", "100000"));
        site = first.site();
    }

    @AfterAll
    static void stop() {
        try {
            if (site != null && first != null && site != first.site()) {
                site.close();
            }
        } finally {
            if (first != null) {
                first.close();
            }
        }
    }

    // --- what the client saw ---------------------------------------------------------------------

    /**
     * One answer, timed when it was complete; status -1: connection refused; -2: the connection broke
     * (the server was killed mid-answer).
     */
    record Answer(Instant at, String what, int status, Map<String, String> headers, String body) {

        boolean refused() {
            return status == -1;
        }

        boolean broken() {
            return status == -2;
        }

        boolean unavailable() {
            return status == 503;
        }

        boolean normal() {
            return status > 0 && status != 503;
        }

        @Override
        public String toString() {
            return at + " " + what + " " + status + " " + headers + " " + body.substring(0, Math.min(body.length(), 300));
        }
    }

    /** One HTTP/1.0 exchange over a fresh connection: nothing pooled survives a kill unnoticed. */
    private static Answer exchange(String what, String method, String path, String contentType, String body,
            String acceptLanguage) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.0\r\nHost: localhost:" + site.port() + "\r\n"
                + "Accept-Language: " + acceptLanguage + "\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(content.length).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", site.port()), 5_000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            if (end < 0) {
                return new Answer(Instant.now(), what, -2, Map.of(), text);
            }
            String[] lines = text.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
                }
            }
            return new Answer(Instant.now(), what, Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(end + 4));
        } catch (ConnectException refused) {
            return new Answer(Instant.now(), what, -1, Map.of(), "");
        } catch (IOException broken) {
            return new Answer(Instant.now(), what, -2, Map.of(), String.valueOf(broken));
        }
    }

    private static String query(String sql, Object... parameters) {
        return first.db().query(sql, parameters);
    }

    /** The token in the confirmation mail to this address (kept in the outbox: no mail server here). */
    private static String token(String email) {
        String body = query("SELECT body FROM mail_message WHERE recipient = ? ORDER BY id DESC", email);
        assertThat(body).as("confirmation mail to " + email).isNotNull();
        Matcher m = TOKEN.matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group(1);
    }

    /**
     * Signs with a new address each round, confirms the signature of the round before (so a link
     * is always waiting when the site goes away) and opens a page. A signature answered 503 or
     * refused is sent again; one whose connection broke mid-request has an unknown outcome and is
     * left. A link answered 503, refused or broken is tried again every round until it confirms.
     */
    static final class Client implements Runnable {

        final List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        final Set<String> accepted = Collections.synchronizedSet(new LinkedHashSet<>());
        final Set<String> confirmed = Collections.synchronizedSet(new LinkedHashSet<>());
        final Set<String> confirmationsRefused = Collections.synchronizedSet(new LinkedHashSet<>());
        final AtomicBoolean running = new AtomicBoolean(true);
        volatile Throwable failure;
        private final Deque<String[]> waiting = new ArrayDeque<>();
        private int round;

        @Override
        public void run() {
            try {
                work();
            } catch (Throwable e) {
                failure = e;
            }
        }

        private void work() {
            String email = null;
            while (running.get()) {
                if (email == null) {
                    email = "signer" + round++ + "@restart.example";
                }
                Answer signed = exchange("sign", "POST", "/api/campaigns/" + DANUBE + "/signatures", "application/json",
                        "{\"name\":\"Ana Ilić\",\"email\":\"" + email + "\",\"country\":\"AT\",\"consentSignature\":true,"
                                + "\"language\":\"en\"}", "en");
                answers.add(signed);
                if (signed.status() == 202) {
                    accepted.add(email);
                    waiting.add(new String[] {email, token(email)});
                }
                if (!signed.unavailable() && !signed.refused()) {
                    // signed, or broken by the kill (its outcome unknown), or a wrong answer (asserted later)
                    email = null;
                }
                // the link of an earlier round; while the site is away, the one that is waiting
                if (waiting.size() > 1 || !waiting.isEmpty() && !signed.normal()) {
                    String[] link = waiting.peek();
                    Answer confirmation = exchange("confirm", "POST", "/api/signatures/confirmation",
                            "application/x-www-form-urlencoded", "token=" + URLEncoder.encode(link[1], StandardCharsets.UTF_8), "en");
                    answers.add(confirmation);
                    if (confirmation.status() == 200) {
                        confirmed.add(link[0]);
                        waiting.poll();
                    } else if (confirmation.unavailable() || confirmation.refused() || confirmation.broken()) {
                        confirmationsRefused.add(link[0]);
                    } else {
                        waiting.poll();
                    }
                }
                answers.add(page());
                if (!signed.normal()) {
                    pause();
                }
            }
        }

        /** The campaign's page, as a Bulgarian reader opens it. */
        private static Answer page() {
            return exchange("page", "GET", "/campaigns/view.xhtml?slug=" + DANUBE, null, null, "bg");
        }

        private static void pause() {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        long normalSince(Instant since) {
            synchronized (answers) {
                return answers.stream().filter(a -> a.normal() && a.at().isAfter(since) && a.what().equals("confirm")).count();
            }
        }
    }

    private static void awaitConfirmations(Client client, Instant since, int count, Duration within) throws InterruptedException {
        Instant until = Instant.now().plus(within);
        while (client.normalSince(since) < count) {
            if (client.failure != null) {
                throw new AssertionError("The client failed", client.failure);
            }
            assertThat(Instant.now()).as("the client confirmed %d signatures after %s", count, since).isBefore(until);
            Thread.sleep(100);
        }
    }

    @Test
    @Order(1)
    void aRestartUnderARunningClientAnswersOnly503WithRetryAfterOrNormally() throws Exception {
        Client client = new Client();
        Thread thread = new Thread(client, "signing-client");
        thread.start();
        Instant began = Instant.now();
        awaitConfirmations(client, began, 3, Duration.ofMinutes(2));

        Instant killed = Instant.now();
        site.kill();
        site = site.again("start-under-load-2").start(Duration.ofMinutes(5));
        Instant up = Instant.now();
        awaitConfirmations(client, up, 3, Duration.ofMinutes(2));
        client.running.set(false);
        thread.join(120_000);
        if (client.failure != null) {
            throw new AssertionError("The client failed", client.failure);
        }

        List<Answer> answers = new ArrayList<>(client.answers);
        // Answers may still complete normally while kill() is signalling the processes: the site is
        // down from the first answer after the kill that is not a normal one (a refusal or a 503).
        Instant firstDown = answers.stream().filter(a -> a.at().isAfter(killed) && !a.normal())
                .map(Answer::at).findFirst().orElseThrow();
        Instant firstAfterKill = answers.stream().filter(a -> a.at().isAfter(firstDown) && a.unavailable())
                .map(Answer::at).findFirst().orElseThrow();
        Instant firstNormalAfterKill = answers.stream().filter(a -> a.at().isAfter(firstDown) && a.normal())
                .map(Answer::at).findFirst().orElseThrow();
        Instant last503 = answers.stream().filter(Answer::unavailable).map(Answer::at).reduce((a, b) -> b).orElseThrow();

        for (Answer answer : answers) {
            assertThat(answer.body()).as(answer.toString()).doesNotContain("Payara").doesNotContain("java.lang.");
            assertThat(answer.headers()).as(answer.toString()).doesNotContainKey("server").doesNotContainKey("x-powered-by");
            if (answer.normal()) {
                int expected = switch (answer.what()) {
                    case "sign" -> 202;
                    default -> 200;
                };
                assertThat(answer.status()).as("no 404 for a valid token, no 500: " + answer).isEqualTo(expected);
            } else if (answer.unavailable()) {
                assertThat(answer.at()).as(answer.toString()).isAfter(killed).isBefore(firstNormalAfterKill);
                assertThat(answer.headers()).as(answer.toString()).containsKey("retry-after");
                if (answer.what().equals("page")) {
                    assertThat(answer.headers().get("content-type")).startsWith("text/html");
                    assertThat(answer.body()).as(answer.toString()).contains("<html lang=\"bg\">", "Сайтът се стартира");
                } else {
                    assertThat(answer.headers().get("content-type")).startsWith("application/json");
                    assertThat(answer.body()).as(answer.toString()).startsWith("{\"error\":\"The site is starting.");
                }
            } else {
                // refused or broken: only while no process held the port (after the kill, before the
                // placeholder answered) or in the hand-over from the placeholder to Payara Micro
                assertThat(answer.at()).as(answer.toString()).isAfterOrEqualTo(killed);
                boolean killGap = answer.at().isBefore(firstAfterKill);
                boolean handOver = answer.at().isAfter(last503) && answer.at().isBefore(firstNormalAfterKill);
                assertThat(killGap || handOver).as("connection refused only in the kill gap or the hand-over: " + answer).isTrue();
            }
        }
        long unavailable = answers.stream().filter(Answer::unavailable).count();
        assertThat(answers.stream().filter(a -> a.unavailable() && a.what().equals("sign"))).as("signing refused while starting").isNotEmpty();
        assertThat(answers.stream().filter(a -> a.unavailable() && a.what().equals("page"))).as("pages while starting").isNotEmpty();
        assertThat(client.confirmationsRefused).as("a link was waiting while the site was down").isNotEmpty();
        assertThat(client.confirmed).as("every link refused while starting confirms on retry")
                .containsAll(client.confirmationsRefused);

        for (String email : client.accepted) {
            assertThat(query("SELECT COUNT(*) FROM signature WHERE email = ?", email)).as(email).isEqualTo("1");
        }
        for (String email : client.confirmed) {
            assertThat(query("SELECT confirmed_at IS NOT NULL FROM signature WHERE email = ?", email)).as(email).isIn("1", "true");
        }

        Duration killGap = Duration.between(killed, firstAfterKill);
        List<Instant> handOverRefusals = answers.stream().filter(a -> a.refused() && a.at().isAfter(last503))
                .map(Answer::at).toList();
        Duration handOver = handOverRefusals.isEmpty() ? Duration.ZERO
                : Duration.between(handOverRefusals.get(0), handOverRefusals.get(handOverRefusals.size() - 1));
        String figures = Instant.now() + " restart under a client: " + answers.size() + " answers, " + unavailable
                + " x 503 while starting, kill-to-503 " + killGap.toMillis() + " ms, connections refused during the port hand-over for "
                + handOver.toMillis() + " ms, " + answers.stream().filter(Answer::refused).count() + " refused, "
                + answers.stream().filter(Answer::broken).count() + " broken by the kill; " + client.accepted.size()
                + " signatures accepted, " + client.confirmed.size() + " confirmed\n";
        Files.writeString(RunningSite.output().resolve("it-logs").resolve("figures.txt"), figures, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    @Order(2)
    void requestsThatNeverReachTheApplicationGetNoProductPage() {
        List<Answer> odd = List.of(
                exchange("bad method", "FOO(", "/", null, null, "en"),
                exchange("bad method on the API", "FOO(", "/api/campaigns", null, null, "en"),
                exchange("percent signs", "GET", "/%%%", null, null, "en"),
                exchange("dot-dot-semicolon", "GET", "/..;/", null, null, "en"),
                exchange("encoded dot-dot", "GET", "/%2e%2e/WEB-INF/web.xml", null, null, "en"),
                exchange("NUL in the path", "GET", "/a%00b", null, null, "en"));
        for (Answer answer : odd) {
            assertThat(answer.status()).as(answer.toString()).isBetween(200, 599);
            assertThat(answer.status()).as(answer.toString()).isNotEqualTo(500);
            assertThat(answer.body()).as(answer.toString()).doesNotContain("Payara").doesNotContain("GlassFish")
                    .doesNotContain("Error report").doesNotContain("java.lang.").doesNotContain("<web-app");
            assertThat(answer.headers()).as(answer.toString()).doesNotContainKey("server").doesNotContainKey("x-powered-by");
        }
        // a method the container refuses itself: our page, in the four languages
        assertThat(odd.get(0).status()).isEqualTo(400);
        assertThat(odd.get(0).body()).contains("Duh Balkana · 400", "Adresa ili zahtev nisu ispravni.",
                "Адресът или заявката не са валидни.", "The address or the request is not valid.");

        String huge = "x".repeat(20_000);
        Answer bigHeader = exchange("huge header", "GET", "/?" + huge, null, null, "en");
        assertThat(bigHeader.body()).doesNotContain("Payara");
        assertThat(bigHeader.headers()).doesNotContainKey("server");
    }

    @Test
    @Order(3)
    void theApiDescriptionSays404IsUnknownAnd503IsTryAgainForEveryOperation() {
        Answer openapi = exchange("openapi", "GET", "/openapi", null, null, "en");
        assertThat(openapi.status()).isEqualTo(200);
        String yaml = openapi.body();
        assertThat(yaml).contains("/api/signatures/confirmation:", "/api/campaigns/{slug}/signatures:");
        Matcher operations = Pattern.compile("(?m)^    (get|post|put|delete|patch):\\s*$").matcher(yaml);
        int count = 0;
        while (operations.find()) {
            count++;
        }
        assertThat(count).as(yaml).isGreaterThan(5);
        assertThat(occurrences(yaml, "Try again later: the site is starting")).as(yaml).isEqualTo(count);
        assertThat(occurrences(yaml, "Unknown: there is no such")).as(yaml).isEqualTo(count);
        assertThat(occurrences(yaml, "Retry-After")).as(yaml).isGreaterThanOrEqualTo(count);
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
