package org.duhbalkana.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * An unexpected API failure is logged once, with its stack trace and an incident id that the
 * client's JSON answer also carries; the strict JSON body reader refuses what it must.
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
        Logger logger = Logger.getLogger(ApiFailures.class.getName());
        logger.addHandler(capture);
        try {
            IllegalStateException bug = new IllegalStateException("a bug");
            Response answer = new ApiFailures().toResponse(bug);

            assertThat(answer.getStatus()).isEqualTo(500);
            assertThat(answer.getMediaType().toString()).startsWith("application/json");
            String body = (String) answer.getEntity();
            String incident = body.replaceAll(".*\"incident\":\"([0-9a-f]+)\".*", "$1");
            assertThat(incident).matches("[0-9a-f]{12}");
            assertThat(body).startsWith("{\"error\":\"").contains(incident).doesNotContain("a bug").doesNotContain("api.error");
            assertThat(records).hasSize(1);
            assertThat(records.get(0).getMessage()).contains(incident);
            assertThat(records.get(0).getThrown()).isSameAs(bug);
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

    @Test
    void aBodyOverItsLimitIs413AndBytesThatAreNotUtf8Are400() {
        byte[] big = "x".repeat(101).getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> JsonBodies.read(new ByteArrayInputStream(big), "application/json", null, 100))
                .isInstanceOf(WebApplicationException.class)
                .satisfies(e -> assertThat(((WebApplicationException) e).getResponse().getStatus()).isEqualTo(413));
        assertThatThrownBy(() -> JsonBodies.read(new ByteArrayInputStream(new byte[0]), "application/json", "101", 100))
                .satisfies(e -> assertThat(((WebApplicationException) e).getResponse().getStatus()).isEqualTo(413));
        assertThatThrownBy(() -> JsonBodies.read(new ByteArrayInputStream(new byte[] {'"', (byte) 0xE9, '"'}), "application/json", null, 100))
                .satisfies(e -> assertThat(((WebApplicationException) e).getResponse().getStatus()).isEqualTo(400));
        assertThat(JsonBodies.read(new ByteArrayInputStream(big), "application/json", "101", 101)).hasSize(101);
    }
}
