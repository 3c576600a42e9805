package org.parley.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.parley.problem.Problem;

/**
 * A database failure at commit reaches the mappers wrapped twice; it is still answered for what it is: the database
 * going away a 503, a lost lock a 409, anything else a 500 that says nothing of the inside.
 */
@QuarkusTest
class CommitFailureTest {

    @Test
    void theDatabaseGoingAwayAtCommitIsA503Problem() {
        given().post("/test-only/commit-failure/57P01").then().statusCode(503).contentType(Problem.MEDIA_TYPE)
                .header("Retry-After", "1").body("detail", containsString("nothing was changed"));
    }

    @Test
    void theConnectionBreakingDuringTheCommitIsA503ProblemThatSaysTheOutcomeIsUnknown() {
        given().post("/test-only/commit-failure/08006/at-commit").then().statusCode(503)
                .contentType(Problem.MEDIA_TYPE).header("Retry-After", "1")
                .body("detail", containsString("may or may not have been made"))
                .body(org.hamcrest.Matchers.not(containsString("ARJUNA")));
    }

    @Test
    void anotherFailureOfTheCommitItselfIsStillA500() {
        given().post("/test-only/commit-failure/XX000/at-commit").then().statusCode(500)
                .contentType(Problem.MEDIA_TYPE).body("status", equalTo(500));
    }

    @Test
    void aDeadlockAtCommitIsA409Problem() {
        given().post("/test-only/commit-failure/40P01").then().statusCode(409).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("held them too long"));
    }

    @Test
    void anyOtherFailureAtCommitIsA500ProblemWithoutInternals() {
        given().post("/test-only/commit-failure/XX000").then().statusCode(500).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(500)).body(org.hamcrest.Matchers.not(containsString("ARJUNA")));
    }
}
