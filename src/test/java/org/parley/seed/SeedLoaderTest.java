package org.parley.seed;

import static org.parley.Api.anonymous;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SeedLoaderTest {

    @Inject
    SeedLoader loader;

    private static long count(String collection) {
        return anonymous().queryParam("size", 1).get(collection).then().statusCode(200)
                .extract().jsonPath().getLong("total");
    }

    private static long seedEvents(long wang) {
        return anonymous().queryParam("participant", wang).get("/api/v1/events").then().statusCode(200)
                .extract().jsonPath().getLong("total");
    }

    @Test
    void startingAgainImportsNothingTwice() {
        long wang = SeedTest.participantId("Wang Yi");
        long seedEvents = seedEvents(wang);
        long topics = count("/api/v1/topics");
        long participants = count("/api/v1/participants");
        loader.onStart(null);
        assertEquals(1, seedEvents);
        assertEquals(seedEvents, seedEvents(wang));
        assertEquals(topics, count("/api/v1/topics"));
        assertEquals(participants, count("/api/v1/participants"));
    }
}
