package org.parley.web;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The benchmark's floor is off by default: its path answers 404 like any unknown path, with no body of its own. */
@QuarkusTest
class BenchFloorOffTest {

    @Test
    void isAbsentByDefault() {
        int unknown = given().get("/bench/no-such-path").then().extract().statusCode();
        given().get("/bench/floor?bytes=100").then().statusCode(unknown);
        given().get("/bench/floor?bytes=100").then().statusCode(404);
        given().get("/bench/floor").then().statusCode(404);
    }
}
