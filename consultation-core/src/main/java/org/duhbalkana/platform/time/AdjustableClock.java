package org.duhbalkana.platform.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system clock moved forward by an offset that tests can change, so that a running site can
 * be taken through a whole consultation (open for 15 days, then closed) in seconds. Used only when
 * the JVM runs with {@value #ENABLE} set to true, which neither the launcher nor the images do.
 */
public final class AdjustableClock extends Clock implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** System property that turns the adjustable clock on (tests only). */
    public static final String ENABLE = "duhbalkana.adjustableClock";

    private static final AtomicReference<Duration> OFFSET = new AtomicReference<>(Duration.ZERO);

    private final ZoneId zone;

    public AdjustableClock(ZoneId zone) {
        this.zone = zone;
    }

    public static boolean enabled() {
        return Boolean.getBoolean(ENABLE);
    }

    /** Moves time forward (or back) for everyone reading this clock. */
    public static void advance(Duration by) {
        OFFSET.updateAndGet(offset -> offset.plus(by));
    }

    public static Duration offset() {
        return OFFSET.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new AdjustableClock(other);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(OFFSET.get());
    }
}
