package org.parley.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.parley.Api.anonymous;
import static org.parley.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Editors with bearer JWTs: signed by the configured key (test resources {@code jwt/}), from the configured issuer,
 * with "editor" among their groups. Every other token is a problem: 401 when it cannot be trusted, 403 when it can
 * but grants no right to write. Reads need no token.
 */
@QuarkusTest
class JwtAuthTest {

    private static final String ISSUER = "https://issuer.parley.test";

    @Test
    void anEditorsTokenWritesAndTheRevisionNamesItsUser() {
        String slug = unique("jwt-topic");
        Instant before = Instant.now().minusSeconds(5);
        int id = create(token("curator-ana", Set.of(Roles.EDITOR)), slug).statusCode(201)
                .body("slug", equalTo(slug)).extract().jsonPath().getInt("id");
        anonymous().queryParam("since", before.toString()).queryParam("size", 1000).get("/api/v1/changes")
                .then().statusCode(200)
                .body("items.findAll { it.collection == 'topics' && it.id == " + id + " }.editor",
                        equalTo(java.util.List.of("curator-ana")));
    }

    @Test
    void anExpiredTokenIs401() {
        String expired = Jwt.issuer(ISSUER).upn("curator-ana").groups(Set.of(Roles.EDITOR))
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign();
        unauthorized(create(expired, unique("jwt-expired")));
    }

    @Test
    void aTokenSignedWithAnotherKeyIs401() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey other = generator.generateKeyPair().getPrivate();
        String forged = Jwt.issuer(ISSUER).upn("mallory").groups(Set.of(Roles.EDITOR))
                .expiresIn(600).sign(other);
        unauthorized(create(forged, unique("jwt-forged")));
    }

    @Test
    void aTokenFromAnotherIssuerIs401() {
        String foreign = Jwt.issuer("https://elsewhere.example").upn("curator-ana").groups(Set.of(Roles.EDITOR))
                .expiresIn(600).sign();
        unauthorized(create(foreign, unique("jwt-foreign")));
    }

    @Test
    void aGarbledTokenIs401() {
        unauthorized(create("not.a.token", unique("jwt-garbled")));
    }

    @Test
    void aTokenWithoutTheEditorGroupIs403() {
        for (Set<String> groups : Set.of(Set.<String>of(), Set.of("reader", "auditor"))) {
            create(token("visitor", groups), unique("jwt-roleless")).statusCode(403)
                    .contentType(containsString("application/problem+json"))
                    .body("status", equalTo(403)).body("title", equalTo("Forbidden"));
        }
    }

    @Test
    void readsNeedNoToken() {
        given().accept(ContentType.JSON).get("/api/v1/topics").then().statusCode(200);
    }

    private static String token(String user, Set<String> groups) {
        return Jwt.issuer(ISSUER).upn(user).groups(groups).expiresIn(600).sign();
    }

    private static ValidatableResponse create(String token, String slug) {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON)
                .header("Authorization", "Bearer " + token)
                .body(Map.of("slug", slug, "name", "Topic " + slug)).post("/api/v1/topics").then();
    }

    private static void unauthorized(ValidatableResponse response) {
        response.statusCode(401).contentType(containsString("application/problem+json"))
                .body("status", equalTo(401)).body("title", equalTo("Unauthorized"));
    }
}
