package org.parley.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.Api.anonymous;
import static org.parley.Api.editor;
import static org.parley.Api.unique;
import static org.parley.account.Accounts.PASSWORD;
import static org.parley.account.Accounts.mergePatch;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.Api;

/**
 * Signing in for pages: the form post gives an encrypted, HttpOnly, SameSite=Strict session cookie that writes like
 * HTTP Basic credentials, sign-out expires it, and the API still answers clients without credentials with a 401
 * problem, never a redirect.
 */
@QuarkusTest
class SignInTest {

    static final String COOKIE = "parley-session";

    static Response signIn(String username, String password) {
        return given().contentType(ContentType.URLENC).formParam("j_username", username)
                .formParam("j_password", password).post("/j_security_check");
    }

    private static RequestSpecification withSession(String session) {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON).cookie(COOKIE, session);
    }

    @Test
    void theSessionCookieOfTheFormLetsACuratorWrite() {
        String curator = Accounts.create("editor");
        Response signedIn = signIn(curator, PASSWORD);
        signedIn.then().statusCode(200).header("Location", nullValue());
        Cookie cookie = signedIn.detailedCookie(COOKIE);
        assertNotNull(cookie, "the session cookie");
        assertTrue(cookie.isHttpOnly(), "HttpOnly: a page's script cannot read it");
        assertEquals("Strict", cookie.getSameSite());
        assertEquals("/", cookie.getPath());
        assertTrue(!cookie.getValue().contains(curator) && !cookie.getValue().contains(PASSWORD),
                "encrypted: " + cookie.getValue());

        withSession(cookie.getValue()).get("/api/v1/accounts/me").then().statusCode(200)
                .body("username", equalTo(curator), "roles", org.hamcrest.Matchers.contains("editor"));
        Instant before = Instant.now().minusSeconds(5);
        String slug = unique("cookie-topic");
        long id = withSession(cookie.getValue()).body(Map.of("slug", slug, "name", "Topic " + slug))
                .post("/api/v1/topics").then().statusCode(201).extract().jsonPath().getLong("id");
        anonymous().queryParam("since", before.toString()).queryParam("size", 1000).get("/api/v1/changes")
                .then().statusCode(200)
                .body("items.findAll { it.collection == 'topics' && it.id == " + id + " }.editor",
                        org.hamcrest.Matchers.contains(curator));
    }

    @Test
    void theConfigurationsEditorSignsInToo() {
        String session = signIn(Api.EDITOR, Api.PASSWORD).then().statusCode(200).extract().cookie(COOKIE);
        withSession(session).get("/api/v1/accounts/me").then().statusCode(200)
                .body("username", equalTo(Api.EDITOR));
        withSession(session).get("/api/v1/accounts").then().statusCode(200);
    }

    @Test
    void aWrongPasswordIsA401ProblemWithoutACookie() {
        String curator = Accounts.create("editor");
        for (Response refused : new Response[] {signIn(curator, "not the password"), signIn(unique("nobody"), PASSWORD),
                signIn(Api.EDITOR, "not the password")}) {
            refused.then().statusCode(401).contentType(containsString("application/problem+json"))
                    .header("Location", nullValue())
                    .header("WWW-Authenticate", startsWith("Cookie realm=\"Parley\""))
                    .header("WWW-Authenticate", containsString("form-action=\"/j_security_check\""))
                    .body("status", equalTo(401));
            assertNull(refused.cookie(COOKIE));
        }
    }

    @Test
    void aDisabledAccountCannotSignInAndItsSessionEnds() {
        String curator = Accounts.create("editor");
        String session = signIn(curator, PASSWORD).then().statusCode(200).extract().cookie(COOKIE);
        withSession(session).get("/api/v1/accounts/me").then().statusCode(200);
        mergePatch(editor(), "{\"enabled\": false}").patch(Accounts.PATH + "/" + curator).then().statusCode(200);
        withSession(session).get("/api/v1/accounts/me").then().statusCode(401);
        withSession(session).body(Map.of("slug", unique("late"), "name", "Topic")).post("/api/v1/topics").then()
                .statusCode(401);
        signIn(curator, PASSWORD).then().statusCode(401);
    }

    @Test
    void signingOutExpiresTheCookie() {
        String curator = Accounts.create("editor");
        String session = signIn(curator, PASSWORD).then().statusCode(200).extract().cookie(COOKIE);
        Response out = withSession(session).post("/sign-out");
        out.then().statusCode(204);
        Cookie expired = out.detailedCookie(COOKIE);
        assertNotNull(expired, "sign-out sets the cookie again, expired");
        assertEquals(0, expired.getMaxAge());
        assertEquals("", expired.getValue());
        assertEquals("/", expired.getPath());
        given().post("/sign-out").then().statusCode(204); // signed in or not
    }

    @Test
    void clientsWithoutCredentialsGet401ProblemsNotRedirects() {
        anonymous().body(Map.of("slug", unique("anon"), "name", "Topic")).post("/api/v1/topics").then()
                .statusCode(401).header("Location", nullValue())
                .header("WWW-Authenticate", startsWith("Basic realm=\"Parley\""))
                .contentType(containsString("application/problem+json"));
        withSession("not-a-session").get("/api/v1/accounts/me").then().statusCode(401)
                .header("Location", nullValue()).contentType(containsString("application/problem+json"));
        // a page's script gets the form's challenge: a Basic one would make the browser ask for a password itself
        anonymous().header("Sec-Fetch-Mode", "cors").get("/api/v1/accounts/me").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Cookie realm=\"Parley\""))
                .header("WWW-Authenticate", containsString("cookie-name=\"parley-session\""))
                .body("detail", org.hamcrest.Matchers.not(emptyOrNullString()));
        anonymous().header("Sec-Fetch-Mode", "navigate").get("/api/v1/accounts/me").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Basic"));
    }

    @Test
    void aSignInFromAPageOfAnotherOriginIsRefused() {
        String curator = Accounts.create("editor");
        Response refused = given().header("Origin", "https://evil.example.com").contentType(ContentType.URLENC)
                .formParam("j_username", curator).formParam("j_password", PASSWORD).post("/j_security_check");
        refused.then().statusCode(403).contentType(containsString("application/problem+json"));
        assertNull(refused.cookie(COOKIE));
    }
}
