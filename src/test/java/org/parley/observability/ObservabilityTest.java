package org.parley.observability;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.Api.anonymous;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.Logger;
import org.junit.jupiter.api.Test;

/** Request ids in responses and logs, and Prometheus metrics per route template with pool gauges. */
@QuarkusTest
class ObservabilityTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    @Test
    void aClientsRequestIdIsEchoed() {
        anonymous().header("X-Request-Id", "client-42.a:b").get("/api/v1/events/1")
                .then().statusCode(200).header("X-Request-Id", "client-42.a:b");
        // also on answers of the HTTP layer and of the problem mappers
        anonymous().header("X-Request-Id", "lost-7").get("/api/v1/nowhere")
                .then().statusCode(404).header("X-Request-Id", "lost-7");
        anonymous().header("X-Request-Id", "bad-8").get("/api/v1/events/999999999")
                .then().statusCode(404).header("X-Request-Id", "bad-8");
    }

    @Test
    void aRequestWithoutAnIdGetsANewOneEachTime() {
        String first = anonymous().get("/api/v1/topics").then().statusCode(200)
                .header("X-Request-Id", matchesPattern(UUID)).extract().header("X-Request-Id");
        String second = anonymous().get("/api/v1/topics").then().statusCode(200)
                .header("X-Request-Id", matchesPattern(UUID)).extract().header("X-Request-Id");
        assertNotEquals(first, second);
    }

    @Test
    void generatedIdsAreVersion4Uuids() {
        for (int i = 0; i < 1000; i++) {
            String id = RequestIds.newId();
            assertTrue(id.matches(UUID), id);
            assertEquals(4, java.util.UUID.fromString(id).version());
            assertEquals(2, java.util.UUID.fromString(id).variant());
        }
    }

    @Test
    void anImplausibleIdIsReplacedNotEchoed() {
        for (String bad : List.of("two words", "x".repeat(129), "semi;colon", "<script>")) {
            anonymous().header("X-Request-Id", bad).get("/api/v1/topics")
                    .then().statusCode(200).header("X-Request-Id", matchesPattern(UUID));
        }
    }

    @Test
    void theLogLinesOfARequestCarryItsId() {
        List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record instanceof ExtLogRecord ext && LogProbeResource.MESSAGE.equals(ext.getMessage())) {
                    ext.copyMdc();
                    records.add(ext);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            given().header("X-Request-Id", "probe-1").get("/test-only/log").then().statusCode(200);
            given().header("X-Request-Id", "probe-2").get("/test-only/log").then().statusCode(200);
            String generated = given().get("/test-only/log").then().statusCode(200)
                    .extract().header("X-Request-Id");
            assertEquals(List.of("probe-1", "probe-2", generated),
                    records.stream().map(r -> r.getMdc(RequestIds.MDC_KEY)).toList());
            assertFalse(records.get(0).getThreadName().contains("eventloop"), "logged on a worker thread");
        } finally {
            root.removeHandler(capture);
        }
    }

    @Test
    void metricsArePerRouteTemplateWithLatencyHistogramsAndPoolGauges() {
        anonymous().get("/api/v1/events/1").then().statusCode(200);
        anonymous().get("/api/v1/events/1").then().statusCode(200);
        String metrics = given().accept("text/plain").get("/q/metrics").then().statusCode(200)
                .contentType(containsString("text/plain")).extract().asString();
        List<String> eventReads = metrics.lines().filter(line -> line.startsWith("http_server_requests_seconds")
                && line.contains("method=\"GET\"") && line.contains("status=\"200\"")
                && line.contains("uri=\"/api/v1/events/{id}\"")).toList();
        assertTrue(eventReads.stream().anyMatch(line -> line.startsWith("http_server_requests_seconds_bucket{")
                && line.contains("le=\"")), "latency buckets for GET /api/v1/events/{id}: " + eventReads);
        double count = eventReads.stream().filter(line -> line.startsWith("http_server_requests_seconds_count{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
        assertTrue(count >= 2, "two reads counted: " + count);
        assertFalse(metrics.contains("uri=\"/api/v1/events/1\""), "no raw paths as tags");
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("agroal_active_count")),
                "database pool gauges");
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("agroal_max_used_count")),
                "database pool gauges");
    }
}
