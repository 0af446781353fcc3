package org.duhbalkana.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * An unexpected API failure is logged once, with its stack trace and an incident id that the
 * client's JSON answer also carries (the same failure again is counted: {@code FailureLogTest}); only JSON in UTF-8 is JSON; nesting is counted without parsing.
 * (Bodies over their limit are refused in {@code BadInputIT}, over HTTP.)
 */
class ApiFailuresTest {

    @Test
    void anUnexpectedFailureIsLoggedOnceWithTheIncidentIdTheAnswerCarries() {
        List<LogRecord> records = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(org.duhbalkana.web.platform.FailureLog.class.getName());
        logger.addHandler(capture);
        try {
            IllegalStateException bug = new IllegalStateException("a bug");
            String incident = ApiFailures.report(bug);
            // the answer's sentence (ApiFailures.body) names the incident in the client's language
            String sentence = ApiErrors.sentence(org.duhbalkana.text.Language.negotiate("sr-Latn").locale(), "api.error.incident",
                    new Object[] {incident});

            assertThat(incident).matches("[0-9a-f]{12}");
            assertThat(sentence).startsWith("Nešto").contains(incident).doesNotContain("{0}");
            assertThat(records).hasSize(1);
            assertThat(records.get(0).getMessage()).contains(incident);
            assertThat(records.get(0).getThrown()).isSameAs(bug);
            // the same failure again within the minute: counted, not logged again, and the same incident named
            assertThat(ApiFailures.report(bug)).isEqualTo(incident);
            assertThat(records).hasSize(1);
            assertThat(ApiFailures.report(new IllegalArgumentException("another bug"))).isNotEqualTo(incident);
        } finally {
            logger.removeHandler(capture);
        }
    }

    @Test
    void onlyApplicationJsonInUtf8IsJson() {
        assertThat(JsonBodies.isJson("application/json")).isTrue();
        assertThat(JsonBodies.isJson("application/json; charset=UTF-8")).isTrue();
        assertThat(JsonBodies.isJson("Application/JSON;charset=\"utf-8\"")).isTrue();
        for (String type : new String[] {null, "", "*/*", "application/*", "text/plain", "application/json; charset=latin1",
                "application/json; charset=ISO-8859-1", "application/json; q=1", "application/jsonx", "nonsense"}) {
            assertThat(JsonBodies.isJson(type)).as(type).isFalse();
        }
    }

    @Test
    void nestingIsCountedOutsideStrings() {
        assertThat(JsonBodies.depth("{\"a\":[1,{\"b\":2}]}")).isEqualTo(3);
        assertThat(JsonBodies.depth("{\"a\":\"[[[[{{{{\\\"[[[\"}")).isEqualTo(1);
        assertThat(JsonBodies.depth("[".repeat(5000))).isEqualTo(5000);
    }

}
