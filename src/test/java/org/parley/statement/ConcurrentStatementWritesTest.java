package org.parley.statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.parley.Api.anonymous;
import static org.parley.Api.createEvent;
import static org.parley.Api.createParticipant;
import static org.parley.Api.editor;
import static org.parley.Api.event;
import static org.parley.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Writers of one event and of its statements at the same time all succeed: each locks the event first, so that none
 * holds a row (the event's, or one of its words) that another needs while waiting for one that other holds.
 */
@QuarkusTest
class ConcurrentStatementWritesTest {

    @Test
    void statementsAddedWhileTheEventIsRenamedAllLand() throws Exception {
        long host = createParticipant(unique("Host"), "CN");
        long guest = createParticipant(unique("Guest"), "RU");
        long eventId = createEvent(event("Concurrent", "MEETING", "2022-02-02", List.of(host, guest), Map.of()));
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        AtomicInteger created = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            int writer = w;
            done.add(pool.submit(() -> {
                for (int i = 0; i < 6; i++) {
                    int status = writer % 2 == 0
                            ? editor().body(Map.of("eventId", eventId, "speakerId", host, "text",
                                    "Propos " + writer + "." + i + " sur la sécurité", "language", "fr",
                                    "kind", "REPORTED")).post("/api/v1/statements").statusCode()
                            : editor().contentType("application/merge-patch+json")
                                    .body(("{\"title\": \"Renommé " + writer + "." + i + "\"}")
                                            .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                                    .patch("/api/v1/events/" + eventId).statusCode();
                    statuses.merge(status, 1, Integer::sum);
                    if (status == 201) {
                        created.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> writer : done) {
            writer.get();
        }
        pool.shutdown();
        assertEquals(Map.of(201, 24, 200, 24), statuses, "every write succeeds");
        anonymous().get("/api/v1/events/" + eventId).then().statusCode(200)
                .body("statements.size()", org.hamcrest.Matchers.equalTo(created.get()))
                .body("statements.position", org.hamcrest.Matchers.equalTo(
                        java.util.stream.IntStream.rangeClosed(1, 24).boxed().toList()));
        anonymous().queryParam("q", "securite").queryParam("event", eventId).get("/api/v1/statements").then()
                .statusCode(200).body("total", org.hamcrest.Matchers.equalTo(24));
    }
}
