package org.parley.limits;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.Api.EDITOR;
import static org.parley.Api.PASSWORD;
import static org.parley.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The limits with small values. Each test is its own client (its own {@code X-Forwarded-For} address, which this
 * profile trusts as a proxy's), so that tests do not share allowances.
 */
@QuarkusTest
@TestProfile(LimitsTest.SmallLimits.class)
class LimitsTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(Map.entry("parley.limits.reads-per-minute", "5"),
                    Map.entry("parley.limits.writes-per-minute", "6"),
                    Map.entry("parley.limits.failed-logins", "3"),
                    Map.entry("parley.limits.failed-login-window", "10M"),
                    Map.entry("parley.limits.max-header-size", "2K"),
                    Map.entry("parley.limits.max-query-length", "100"),
                    Map.entry("parley.limits.write-origins", "https://editor.example.org"),
                    Map.entry("quarkus.http.proxy.proxy-address-forwarding", "true"),
                    Map.entry("quarkus.http.proxy.allow-x-forwarded", "true"));
        }
    }

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    /** A new client address (TEST-NET-3). */
    private static String newClient() {
        return "203.0.113." + CLIENTS.incrementAndGet();
    }

    private static RequestSpecification from(String client) {
        return given().header("X-Forwarded-For", client).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    private static Map<String, String> topic(String slug) {
        return Map.of("slug", slug, "name", "Topic " + slug);
    }

    private static void assertProblem(Response response, int status, String detailPart) {
        response.then().statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status)).body("detail", containsString(detailPart));
    }

    @Test
    void readsBeyondTheRateAreRefusedWithRetryAfterAndOtherClientsAreNotAffected() {
        String client = newClient();
        for (int remaining = 4; remaining >= 0; remaining--) {
            from(client).get("/api/v1/topics").then().statusCode(200)
                    .header("RateLimit-Limit", "5").header("RateLimit-Remaining", Integer.toString(remaining))
                    .header("RateLimit-Policy", "5;w=60");
        }
        Response refused = from(client).get("/api/v1/topics");
        assertProblem(refused, 429, "more than 5 reads in a minute");
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 12, "a token comes back every 12 s: " + retryAfter);
        assertEquals("0", refused.header("RateLimit-Remaining"));
        long reset = Long.parseLong(refused.header("RateLimit-Reset"));
        assertTrue(reset > 12 && reset <= 60, "all five are back within the minute: " + reset);

        from(newClient()).get("/api/v1/topics").then().statusCode(200).header("RateLimit-Remaining", "4");
        from(client).get("/q/health/ready").then().statusCode(200); // load balancers are not limited
    }

    @Test
    void writesHaveTheirOwnAllowanceAndARefusedWriteChangesNothing() {
        String client = newClient();
        for (int i = 0; i < 6; i++) {
            from(client).auth().preemptive().basic(EDITOR, PASSWORD).body(topic(unique("rl")))
                    .post("/api/v1/topics").then().statusCode(201).header("RateLimit-Limit", "6");
        }
        String slug = unique("refused");
        assertProblem(from(client).auth().preemptive().basic(EDITOR, PASSWORD).body(topic(slug))
                .post("/api/v1/topics"), 429, "more than 6 writes in a minute");
        from(client).get("/api/v1/topics?q=" + slug).then().statusCode(200).body("total", equalTo(0))
                .header("RateLimit-Limit", "5");
    }

    @Test
    void failedLoginsLockTheClientOutEvenWithTheRightPassword() {
        String client = newClient();
        for (int i = 0; i < 2; i++) {
            from(client).auth().preemptive().basic(EDITOR, "wrong-" + i).body(topic(unique("x")))
                    .post("/api/v1/topics").then().statusCode(401);
        }
        from(client).header("Authorization", "Bearer not.a.token").body(topic(unique("x"))).post("/api/v1/topics")
                .then().statusCode(401);
        String slug = unique("locked");
        Response locked = from(client).auth().preemptive().basic(EDITOR, PASSWORD).body(topic(slug))
                .post("/api/v1/topics");
        assertProblem(locked, 429, "Too many failed logins");
        long retryAfter = Long.parseLong(locked.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 200, "one failed login comes back every 200 s: " + retryAfter);

        String other = newClient();
        from(other).auth().preemptive().basic(EDITOR, PASSWORD).body(topic(slug)).post("/api/v1/topics")
                .then().statusCode(201);
        from(client).get("/api/v1/topics?q=" + slug).then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void failedSignInsOfTheFormLockTheClientOutLikeFailedLogins() {
        String client = newClient();
        for (int i = 0; i < 3; i++) {
            signIn(client, "wrong-" + i).then().statusCode(401);
        }
        Response locked = signIn(client, PASSWORD);
        assertProblem(locked, 429, "Too many failed logins");
        assertTrue(Long.parseLong(locked.header("Retry-After")) >= 1);
        assertEquals(null, locked.cookie("parley-session"));
        assertProblem(from(client).auth().preemptive().basic(EDITOR, PASSWORD).body(topic(unique("x")))
                .post("/api/v1/topics"), 429, "Too many failed logins");

        String other = newClient();
        signIn(other, PASSWORD).then().statusCode(200).cookie("parley-session");
    }

    private static Response signIn(String client, String password) {
        return given().header("X-Forwarded-For", client).contentType(ContentType.URLENC)
                .formParam("j_username", EDITOR).formParam("j_password", password).post("/j_security_check");
    }

    @Test
    void anOversizedQueryStringOrHeaderIsAProblem() {
        assertProblem(from(newClient()).queryParam("q", "x".repeat(120)).get("/api/v1/topics"), 414,
                "the limit is 100");
        assertProblem(from(newClient()).header("X-Padding", "y".repeat(2100)).get("/api/v1/topics"), 431,
                "the limit is 2048 bytes");
        assertProblem(from(newClient()).header("X-Padding", "y".repeat(2100)).get("/q/health/ready"), 431,
                "the limit is 2048 bytes");
        from(newClient()).queryParam("q", "x".repeat(80)).get("/api/v1/topics").then().statusCode(200);
    }

    @Test
    void pagesOfAnyOriginMayReadButOnlyKnownOnesMayWrite() {
        from(newClient()).header("Origin", "https://reader.example.com").get("/api/v1/topics").then()
                .statusCode(200).header("Access-Control-Allow-Origin", "https://reader.example.com")
                .header("Access-Control-Expose-Headers", containsString("ETag"));

        assertProblem(from(newClient()).header("Origin", "https://evil.example.com")
                .header("Access-Control-Request-Method", "POST").options("/api/v1/topics"), 403,
                "not accepted from a page of origin https://evil.example.com");
        String slug = unique("cors");
        assertProblem(from(newClient()).header("Origin", "https://evil.example.com").auth().preemptive()
                .basic(EDITOR, PASSWORD).body(topic(slug)).post("/api/v1/topics"), 403, "https://editor.example.org");
        from(newClient()).get("/api/v1/topics?q=" + slug).then().statusCode(200).body("total", equalTo(0));

        from(newClient()).header("Origin", "https://editor.example.org")
                .header("Access-Control-Request-Method", "POST").options("/api/v1/topics").then()
                .statusCode(200).header("Access-Control-Allow-Methods", containsString("POST"));
        from(newClient()).header("Origin", "https://editor.example.org").auth().preemptive()
                .basic(EDITOR, PASSWORD).body(topic(slug)).post("/api/v1/topics").then().statusCode(201);
        String own = "http://localhost:" + RestAssured.port;
        from(newClient()).header("Origin", own).auth().preemptive().basic(EDITOR, PASSWORD)
                .body(topic(unique("own"))).post("/api/v1/topics").then().statusCode(201);
    }
}
