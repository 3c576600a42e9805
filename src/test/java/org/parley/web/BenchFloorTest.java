package org.parley.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark's floor, switched on: a constant JSON body of exactly the size asked for. */
@QuarkusTest
@TestProfile(BenchFloorTest.FloorOn.class)
class BenchFloorTest {

    public static class FloorOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parley.bench.floor", "true");
        }
    }

    @Test
    void servesJsonOfTheSizeAskedFor() {
        for (int size : new int[] {10, 11, 6957, 30505}) {
            byte[] body = given().accept("application/json").get("/bench/floor?bytes=" + size)
                    .then().statusCode(200).contentType("application/json").extract().asByteArray();
            assertEquals(size, body.length);
            String text = new String(body, StandardCharsets.US_ASCII);
            assertTrue(text.startsWith("{\"pad\":\"") && text.endsWith("\"}"), text.substring(0, 10));
        }
    }

    @Test
    void refusesSizesOutOfRange() {
        given().get("/bench/floor?bytes=9").then().statusCode(400);
        given().get("/bench/floor?bytes=" + (BenchFloor.MAX_BYTES + 1)).then().statusCode(400);
    }
}
