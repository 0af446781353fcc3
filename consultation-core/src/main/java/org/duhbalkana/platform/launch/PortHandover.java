package org.duhbalkana.platform.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The hand-over of the site's port from the launcher's {@link StartingServer} to Payara Micro, once
 * the application is deployed: two files next to each other in {@code DATA_DIR}.
 *
 * <ol>
 * <li>The application, when its web module is ready (and only when the launcher started it, which
 *     sets the system property {@value #PROPERTY} to the files' common path), writes
 *     {@code <path>.requested} and waits;</li>
 * <li>the launcher sees it, closes its placeholder's port and writes {@code <path>.released};</li>
 * <li>the application goes on; Payara Micro finishes the deployment and runs its post-deploy
 *     command, which enables its HTTP listener on the port that is now free.</li>
 * </ol>
 *
 * Between 2 and 3 the port is closed: connections are refused for about a second.
 */
public final class PortHandover {

    /** System property: the common path of the two files (set by the launcher on Payara Micro's command line). */
    public static final String PROPERTY = "duhbalkana.portHandover";

    private static final Duration POLL = Duration.ofMillis(10);

    private PortHandover() {
    }

    /**
     * The application's side: asks the launcher for the port and waits until it is released, at most
     * {@code patience}. Does nothing when the site was not started by the launcher.
     *
     * @return whether the port was released (or there was nothing to hand over)
     */
    public static boolean requestPort(Duration patience) {
        Optional<Path> path = Optional.ofNullable(System.getProperty(PROPERTY)).filter(p -> !p.isBlank()).map(Path::of);
        if (path.isEmpty()) {
            return true;
        }
        try {
            Files.writeString(requested(path.get()), "requested\n");
        } catch (IOException e) {
            throw new UncheckedIOException("The port hand-over file cannot be written: " + e.getMessage(), e);
        }
        return await(() -> Files.exists(released(path.get())), patience);
    }


    /** The launcher's side: says that the port is free now. */
    static void release(Path path) throws IOException {
        Files.writeString(released(path), "released\n");
    }

    /** Removes the files (before a start, and after the hand-over). */
    static void clean(Path path) {
        try {
            Files.deleteIfExists(requested(path));
            Files.deleteIfExists(released(path));
        } catch (IOException ignored) {
            // a file left behind is named after a process that is gone; nothing reads it again
        }
    }

    static Path requested(Path path) {
        return path.resolveSibling(path.getFileName() + ".requested");
    }

    static Path released(Path path) {
        return path.resolveSibling(path.getFileName() + ".released");
    }

    /** Polls until the condition holds or the time is up. */
    static boolean await(BooleanSupplier condition, Duration patience) {
        Instant until = Instant.now().plus(patience);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                return false;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
