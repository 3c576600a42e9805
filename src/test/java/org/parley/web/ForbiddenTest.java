package org.parley.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.parley.Api.anonymous;
import static org.parley.Api.unique;
import static org.parley.web.ProblemResponsesTest.isProblem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A signed-in user without the editor role may read but not write. */
@QuarkusTest
@TestSecurity(user = "reader", roles = "reader")
class ForbiddenTest {

    @Test
    void writesNeedTheEditorRole() {
        String slug = unique("forbidden");
        isProblem(anonymous().body(Map.of("slug", slug, "name", "x")).post("/api/v1/topics").then(), 403)
                .body("detail", containsString("editor"));
        isProblem(anonymous().delete("/api/v1/events/1").then(), 403);
        anonymous().queryParam("q", slug).get("/api/v1/topics").then().statusCode(200).body("total", equalTo(0));
    }
}
