package org.parley.store;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.parley.Api;

/**
 * A write refused for want of space is a 507 problem with Retry-After, counted and reported by the wellness check
 * "storage" while readiness stays up; any other failure stays a 500. The harness reliability/full_disk.py fills real
 * disks on both databases.
 */
@QuarkusTest
@TestProfile(StorageFaultsTest.Alone.class)
class StorageFaultsTest {

    /** An application of its own: its wellness check stays down for a minute, which others' checks would see. */
    public static class Alone implements QuarkusTestProfile {
    }

    @Test
    void aFullDiskIsA507ThatSaysNothingChangedOnEitherDatabase() {
        for (String kind : new String[] {"h2-commit", "postgresql"}) {
            Api.editor().post("/test-only/full-disk/" + kind).then().statusCode(507)
                    .contentType("application/problem+json").header("Retry-After", "60")
                    .body("title", equalTo("Insufficient Storage"), "status", equalTo(507),
                            "detail", equalTo("The database's disk is full: nothing was changed; reads go on; retry"
                                    + " once space is freed"),
                            "instance", equalTo("/test-only/full-disk/" + kind));
        }
        given().get("/q/health/well").then().statusCode(503)
                .body("checks.find { it.name == 'storage' }.status", equalTo("DOWN"),
                        "checks.find { it.name == 'storage' }.data.lastFullAt", notNullValue(),
                        "checks.find { it.name == 'storage' }.data.error", notNullValue());
        given().get("/q/health/ready").then().statusCode(200);
        String metrics = given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(metrics.lines().anyMatch(line -> line.startsWith(
                "parley_storage_full_total") && Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) >= 2),
                "counted");
        Api.editor().post("/test-only/full-disk/other").then().statusCode(500)
                .contentType("application/problem+json").body("title", equalTo("Internal Server Error"));
    }
}
