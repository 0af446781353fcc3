package org.duhbalkana.web.platform;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.duhbalkana.platform.database.DatabaseUnavailableException;

/**
 * The log of the failures the site did not expect, kept readable (issue 20), for the API and the
 * pages alike. The first failure of a kind in a window (a minute) is logged once, with its stack
 * trace and an incident id; the same failure again within the window is only counted, and the
 * clients who meet it are given the same incident id, the one in the log. When the window is over
 * one line sums it up: "the same failure 1,200 times in the last minute (incident 3f9a…)".
 *
 * <p>The database being away is not a bug: it is logged as one WARNING line without a stack trace,
 * and summed up the same way.
 *
 * <p>"The same failure" is the same channel, the same chain of exception types and the same place
 * in our code (or the innermost frame). Messages are never compared nor logged beyond the
 * exception's own: they may hold what a client sent.
 */
public final class FailureLog {

    /** The one log the API's and the pages' failure paths share. */
    public static final FailureLog SITE = new FailureLog(Clock.systemUTC(), Logger.getLogger(FailureLog.class.getName()),
            Duration.ofMinutes(1));

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_KINDS = 256;

    private final Clock clock;
    private final Logger log;
    private final Duration window;
    private final Map<String, Burst> bursts = new LinkedHashMap<>();

    /** A kind of failure seen in the current window: its first incident, and how often it came back. */
    private static final class Burst {
        final Instant started;
        final String incident;
        final String what;
        long repeats;

        Burst(Instant started, String incident, String what) {
            this.started = started;
            this.incident = incident;
            this.what = what;
        }
    }

    public FailureLog(Clock clock, Logger log, Duration window) {
        this.clock = clock;
        this.log = log;
        this.window = window;
    }

    /**
     * An unexpected failure (a bug): logs it with its stack trace unless the same one was logged in
     * the window, and returns the incident id to show the client (the one in the log).
     */
    public String unexpected(String channel, Throwable failure) {
        String kind = channel + " " + signature(failure);
        synchronized (bursts) {
            Burst burst = current(kind);
            if (burst != null) {
                burst.repeats++;
                return burst.incident;
            }
            String incident = newIncident();
            bursts.put(kind, new Burst(clock.instant(), incident, "failure of the " + channel + ", incident " + incident));
            log.log(Level.SEVERE, "Unexpected failure of the " + channel + ", incident " + incident, failure);
            return incident;
        }
    }

    /** The database is away: one line (no stack trace) per window, then a count. */
    public void databaseAway(String channel, Throwable failure) {
        String kind = channel + " database away";
        synchronized (bursts) {
            Burst burst = current(kind);
            if (burst != null) {
                burst.repeats++;
                return;
            }
            bursts.put(kind, new Burst(clock.instant(), null, "answer 503 of the " + channel + " because the database is away"));
            String cause = DatabaseUnavailableException.rootMessage(failure);
            log.warning(() -> "The database is away: the " + channel + " answers 503 (try again) until it is back. Cause: "
                    + (cause.length() > 200 ? cause.substring(0, 200) + "…" : cause));
        }
    }

    /** Sums up every window that is over (they are also summed up when the next failure comes). */
    public void flush() {
        synchronized (bursts) {
            current(null);
        }
    }

    /** Ends the windows that are over (one summary line each), then the burst of this kind if it is still open. */
    private Burst current(String kind) {
        Instant now = clock.instant();
        for (Iterator<Burst> it = bursts.values().iterator(); it.hasNext(); ) {
            Burst burst = it.next();
            if (!now.isBefore(burst.started.plus(window))) {
                it.remove();
                summarise(burst);
            }
        }
        while (bursts.size() >= MAX_KINDS) {
            Iterator<Burst> oldest = bursts.values().iterator();
            summarise(oldest.next());
            oldest.remove();
        }
        return kind == null ? null : bursts.get(kind);
    }

    private void summarise(Burst burst) {
        if (burst.repeats == 0) {
            return;
        }
        long times = burst.repeats + 1;
        Supplier<String> line = () -> String.format(java.util.Locale.ROOT, "The same %s: %,d times in the last %s", burst.what,
                times, window.equals(Duration.ofMinutes(1)) ? "minute" : window.toSeconds() + " seconds");
        log.log(burst.incident == null ? Level.WARNING : Level.SEVERE, line);
    }

    /** The kind of a failure: its chain of types and, for the innermost, where it was thrown (ours first). */
    static String signature(Throwable failure) {
        StringBuilder kind = new StringBuilder();
        Throwable root = failure;
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 16; t = t.getCause() == t ? null : t.getCause(), depth++) {
            kind.append(t.getClass().getName()).append('<');
            root = t;
        }
        StackTraceElement[] frames = root.getStackTrace();
        StackTraceElement where = frames.length == 0 ? null : frames[0];
        for (StackTraceElement frame : frames) {
            if (frame.getClassName().startsWith("org.duhbalkana.")) {
                where = frame;
                break;
            }
        }
        return kind.append(where == null ? "?" : where.getClassName() + "." + where.getMethodName() + ":" + where.getLineNumber())
                .toString();
    }

    /** A short random id, unique enough to find one entry in a log. */
    public static String newIncident() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
