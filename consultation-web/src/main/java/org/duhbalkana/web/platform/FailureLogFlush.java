package org.duhbalkana.web.platform;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;

/**
 * Once a minute, writes the summary of each burst of failures whose minute is over ("the same
 * failure 1,200 times in the last minute"), so that the count of an outage's last burst is in the
 * log when it ends, not when some later failure happens to come.
 */
@Singleton
public class FailureLogFlush {

    @Schedule(second = "30", minute = "*", hour = "*", persistent = false)
    void flush() {
        FailureLog.SITE.flush();
    }
}
