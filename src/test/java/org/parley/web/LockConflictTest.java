package org.parley.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.parley.Api.anonymous;
import static org.parley.Api.createEvent;
import static org.parley.Api.createParticipant;
import static org.parley.Api.createStatement;
import static org.parley.Api.editor;
import static org.parley.Api.event;
import static org.parley.Api.unique;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.parley.problem.Problem;

/**
 * A write that cannot get the row locks it needs within the database's lock timeout (another transaction holds the
 * event) loses the race: a 409 problem with Retry-After, and nothing of it is written.
 */
@QuarkusTest
class LockConflictTest {

    @Inject
    EntityManager entityManager;

    @Test
    void aWriteThatWaitsTooLongForALockIsAConflictAndChangesNothing() throws Exception {
        long host = createParticipant(unique("Host"), "CN");
        long guest = createParticipant(unique("Guest"), "RU");
        long eventId = createEvent(event("Locked", "MEETING", "2021-05-05", List.of(host, guest), Map.of()));
        long statementId = createStatement(eventId, host, "Avant.", Map.of());
        Map<String, Object> change = Map.of("eventId", eventId, "speakerId", host, "text", "Après.",
                "language", "fr", "kind", "REPORTED");

        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService holder = Executors.newSingleThreadExecutor();
        Future<?> holding = holder.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("select id from event where id = ?1 for update")
                    .setParameter(1, eventId).getResultList();
            locked.countDown();
            try {
                release.await(60, TimeUnit.SECONDS); // at most: the write below gives up long before
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        Response refused;
        try {
            locked.await(30, TimeUnit.SECONDS);
            refused = editor().body(change).put("/api/v1/statements/" + statementId);
        } finally {
            release.countDown();
            holding.get(60, TimeUnit.SECONDS);
            holder.shutdown();
        }
        refused.then().statusCode(409).contentType(Problem.MEDIA_TYPE).header("Retry-After", "1")
                .body("detail", containsString("held them too long"));
        anonymous().get("/api/v1/statements/" + statementId).then().statusCode(200)
                .body("text", equalTo("Avant.")).body("version", equalTo(0));

        editor().body(change).put("/api/v1/statements/" + statementId).then().statusCode(200)
                .body("text", equalTo("Après."));
    }
}
