package org.parley.store;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.Api;
import org.parley.EmbeddedH2;

/**
 * On an H2 file database with less space left than Parley keeps free, every write is refused with a 507 before the
 * database is asked, and reads go on: here the space to keep is more than any disk has.
 */
@QuarkusTest
@TestProfile(StorageGuardTest.NoDiskIsLargeEnough.class)
class StorageGuardTest {

    public static class NoDiskIsLargeEnough implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return EmbeddedH2.withFile(Path.of("target", "storage-guard-test"),
                    Map.of("parley.storage.min-free-space", "1000000T"));
        }
    }

    /** PostgreSQL's disk is the server's, out of sight: the space kept free applies to H2 only. */
    @Test
    void onPostgresqlTheSpaceKeptFreeDoesNotApply() {
        if (EmbeddedH2.built()) {
            return; // writesAreRefusedBeforeTheDatabaseIsAskedAndReadsGoOn is the H2 build's
        }
        Api.editor().body(Map.of("slug", Api.unique("written"), "name", "Written")).post("/api/v1/topics").then()
                .statusCode(201);
    }

    @Test
    void writesAreRefusedBeforeTheDatabaseIsAskedAndReadsGoOn() {
        if (!EmbeddedH2.built()) {
            return; // see onPostgresqlTheSpaceKeptFreeDoesNotApply
        }
        long before = given().get("/api/v1/topics").then().statusCode(200).extract().jsonPath().getLong("total");
        Api.editor().body(Map.of("slug", "never-written", "name", "Never written")).post("/api/v1/topics").then()
                .statusCode(507).contentType("application/problem+json").header("Retry-After", "60")
                .body("title", equalTo("Insufficient Storage"), "instance", equalTo("/api/v1/topics"),
                        "detail", startsWith("The database's disk is full: less than 1048576000000 MiB left, which"
                                + " Parley keeps free; nothing was changed"));
        Api.editor().delete("/api/v1/topics/1").then().statusCode(507);
        given().get("/api/v1/topics").then().statusCode(200).body("total", equalTo((int) before));
        given().get("/q/health/well").then().statusCode(503)
                .body("checks.find { it.name == 'storage' }.status", equalTo("DOWN"));
        given().get("/q/health/ready").then().statusCode(200);
    }
}
