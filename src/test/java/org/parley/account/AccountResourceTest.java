package org.parley.account;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.Api.anonymous;
import static org.parley.Api.editor;
import static org.parley.Api.unique;
import static org.parley.account.Accounts.PASSWORD;
import static org.parley.account.Accounts.PATH;
import static org.parley.account.Accounts.as;
import static org.parley.account.Accounts.mergePatch;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.Api;

/**
 * Curators' accounts: administrators (the configuration's editor, or an account with the role) create, read, list,
 * change, disable and give new passwords to them; each curator signs in under their own name, and revisions and the
 * change feed name them.
 */
@QuarkusTest
class AccountResourceTest {

    @Inject
    AccountRepository accounts;

    @Test
    void anAdminCreatesReadsAndListsAnAccountAndOnlyABcryptHashIsStored() {
        String username = unique("ana");
        Instant before = Instant.now().minusSeconds(5);
        editor().body(Map.of("username", username, "displayName", "Ana López", "password", PASSWORD,
                "roles", List.of("editor"))).post(PATH).then().statusCode(201)
                .header("Location", endsWith(PATH + "/" + username))
                .body("username", equalTo(username), "displayName", equalTo("Ana López"),
                        "roles", contains("editor"), "enabled", equalTo(true), "createdAt", notNullValue(),
                        "password", nullValue(), "passwordHash", nullValue());
        editor().get(PATH + "/" + username).then().statusCode(200)
                .body("username", equalTo(username), "roles", contains("editor"), "enabled", equalTo(true),
                        "$", not(org.hamcrest.Matchers.hasKey("password")));
        editor().queryParam("size", 500).get(PATH).then().statusCode(200)
                .body("items.username", hasItem(username), "items.password", everyItem(nullValue()));

        String hash = QuarkusTransaction.requiringNew().call(() -> accounts.findByUsername(username).orElseThrow()
                .passwordHash);
        assertTrue(hash.startsWith("$2"), "a bcrypt hash in Modular Crypt Format: " + hash);
        assertFalse(hash.contains(PASSWORD));
        assertTrue(BcryptUtil.matches(PASSWORD, hash));
        Instant created = Instant.parse(editor().get(PATH + "/" + username).jsonPath().getString("createdAt"));
        assertTrue(created.isAfter(before));
    }

    @Test
    void aCuratorWritesUnderTheirOwnNameInRevisionsAndTheChangeFeed() {
        String curator = Accounts.create("editor");
        Instant before = Instant.now().minusSeconds(5);
        long speaker = Api.createParticipant(unique("Speaker"), "KZ");
        long event = as(curator).body(Api.event(unique("Talks"), "MEETING", "2022-01-10", List.of(speaker),
                Map.of())).post("/api/v1/events").then().statusCode(201).extract().jsonPath().getLong("id");
        mergePatch(as(curator), "{\"summary\": \"Changed by the curator\"}").patch("/api/v1/events/" + event)
                .then().statusCode(200).body("summary", equalTo("Changed by the curator"));

        anonymous().get("/api/v1/events/" + event + "/revisions").then().statusCode(200)
                .body("items.operation", contains("CREATED", "UPDATED"), "items.editor", contains(curator, curator));
        anonymous().queryParam("since", before.toString()).queryParam("size", 1000).get("/api/v1/changes")
                .then().statusCode(200)
                .body("items.findAll { it.collection == 'events' && it.id == " + event + " }.editor",
                        contains(curator, curator))
                .body("items.findAll { it.collection == 'participants' && it.id == " + speaker + " }.editor",
                        contains("editor"));
    }

    @Test
    void accountsAreForAdminsOnly() {
        String plainEditor = Accounts.create("editor");
        String someone = Accounts.create("editor");
        forbidden(as(plainEditor).get(PATH));
        forbidden(as(plainEditor).get(PATH + "/" + someone));
        forbidden(as(plainEditor).body(Map.of("username", unique("x"), "password", PASSWORD,
                "roles", List.of("editor"))).post(PATH));
        forbidden(mergePatch(as(plainEditor), "{\"enabled\": false}").patch(PATH + "/" + someone));
        forbidden(as(plainEditor).body(Map.of("password", "another long secret")).put(PATH + "/" + someone
                + "/password"));
        as(someone).get("/api/v1/accounts/me").then().statusCode(200); // still enabled, same password

        for (ValidatableResponse anonymousAnswer : List.of(anonymous().get(PATH).then(),
                anonymous().get(PATH + "/" + someone).then(),
                anonymous().body(Map.of("password", "another long secret")).put(PATH + "/" + someone + "/password")
                        .then())) {
            anonymousAnswer.statusCode(401).contentType(containsString("application/problem+json"))
                    .header("WWW-Authenticate", startsWith("Basic")).body("status", equalTo(401));
        }
        as(plainEditor, "not the password").get(PATH).then().statusCode(401);
    }

    @Test
    void anAdminAccountManagesAccountsButWritesRecordsOnlyWithTheEditorRole() {
        String admin = Accounts.create("admin");
        String curator = unique("made-by-admin");
        as(admin).body(Map.of("username", curator, "password", PASSWORD, "roles", List.of("editor", "admin")))
                .post(PATH).then().statusCode(201).body("roles", contains("editor", "admin"));
        forbidden(as(admin).body(Map.of("slug", unique("admin-topic"), "name", "Topic")).post("/api/v1/topics"));
        as(curator).body(Map.of("slug", unique("both-topic"), "name", "Topic")).post("/api/v1/topics")
                .then().statusCode(201);
        as(curator).get(PATH).then().statusCode(200);
    }

    @Test
    void aDisabledAccountCannotSignInUntilEnabledAgain() {
        String curator = Accounts.create("editor");
        as(curator).get("/api/v1/accounts/me").then().statusCode(200);
        mergePatch(editor(), "{\"enabled\": false}").patch(PATH + "/" + curator).then().statusCode(200)
                .body("enabled", equalTo(false), "roles", contains("editor"));
        as(curator).get("/api/v1/accounts/me").then().statusCode(401)
                .contentType(containsString("application/problem+json"));
        as(curator).body(Map.of("slug", unique("disabled"), "name", "Topic")).post("/api/v1/topics")
                .then().statusCode(401);
        mergePatch(editor(), "{\"enabled\": true, \"displayName\": \"Back again\"}").patch(PATH + "/" + curator)
                .then().statusCode(200).body("enabled", equalTo(true), "displayName", equalTo("Back again"));
        as(curator).get("/api/v1/accounts/me").then().statusCode(200).body("displayName", equalTo("Back again"));
    }

    @Test
    void aPasswordResetReplacesTheOldPassword() {
        String curator = Accounts.create("editor");
        String newPassword = "a brand new passphrase";
        editor().body(Map.of("password", newPassword)).put(PATH + "/" + curator + "/password").then()
                .statusCode(200).body("username", equalTo(curator), "enabled", equalTo(true));
        as(curator).get("/api/v1/accounts/me").then().statusCode(401);
        as(curator, newPassword).get("/api/v1/accounts/me").then().statusCode(200)
                .body("username", equalTo(curator));
    }

    @Test
    void rolesAndDisplayNameChangeByMergePatch() {
        String curator = Accounts.create("editor");
        mergePatch(editor(), "{\"roles\": [\"admin\", \"editor\"], \"displayName\": \"Ana\"}")
                .patch(PATH + "/" + curator).then().statusCode(200)
                .body("roles", contains("editor", "admin"), "displayName", equalTo("Ana"), "enabled", equalTo(true));
        mergePatch(editor(), "{\"displayName\": null}").patch(PATH + "/" + curator).then().statusCode(200)
                .body("displayName", nullValue(), "roles", contains("editor", "admin"));
        as(curator).get(PATH).then().statusCode(200);
    }

    @Test
    void anAdminCannotLockThemselvesOut() {
        String admin = Accounts.create("admin", "editor");
        conflict(mergePatch(as(admin), "{\"enabled\": false}").patch(PATH + "/" + admin), "cannot disable");
        conflict(mergePatch(as(admin), "{\"roles\": [\"editor\"]}").patch(PATH + "/" + admin), "cannot disable");
        editor().get(PATH + "/" + admin).then().statusCode(200).body("enabled", equalTo(true),
                "roles", contains("editor", "admin"));
        mergePatch(editor(), "{\"roles\": [\"editor\"]}").patch(PATH + "/" + admin).then().statusCode(200)
                .body("roles", contains("editor"));
    }

    @Test
    void aDuplicateOrTheConfigurationsEditorNameIs409() {
        String curator = Accounts.create("editor");
        conflict(editor().body(Map.of("username", curator, "password", PASSWORD, "roles", List.of("admin")))
                .post(PATH), "already exists");
        conflict(editor().body(Map.of("username", Api.EDITOR, "password", PASSWORD, "roles", List.of("editor")))
                .post(PATH), "editor account of the configuration");
        editor().get(PATH + "/" + curator).then().statusCode(200).body("roles", contains("editor"));
    }

    @Test
    void invalidAccountsAre400WithViolations() {
        invalid(editor().body(Map.of("username", "Ana Lopez", "password", "short", "roles", List.of()))
                .post(PATH), "password", "roles", "username");
        invalid(editor().body(Map.of("username", unique("x"), "password", PASSWORD, "roles", List.of("owner")))
                .post(PATH), "roles[0]");
        invalid(editor().body(Map.of("username", unique("x"), "roles", List.of("editor"))).post(PATH), "password");
        invalid(editor().body(Map.of("username", "me", "password", PASSWORD, "roles", List.of("editor")))
                .post(PATH), "username");
        invalid(editor().body(Map.of("username", "system", "password", PASSWORD, "roles", List.of("editor")))
                .post(PATH), "username");
        // 40 characters, 80 bytes: bcrypt would read only the first 72
        invalid(editor().body(Map.of("username", unique("x"), "password", "é".repeat(40), "roles",
                List.of("editor"))).post(PATH), "password");

        String curator = Accounts.create("editor");
        invalid(mergePatch(editor(), "{\"roles\": []}").patch(PATH + "/" + curator), "roles");
        invalid(mergePatch(editor(), "{\"enabled\": null}").patch(PATH + "/" + curator), "enabled");
        invalid(mergePatch(editor(), "{\"username\": \"renamed\"}").patch(PATH + "/" + curator), "username");
        invalid(mergePatch(editor(), "{\"password\": \"a long enough password\"}").patch(PATH + "/" + curator),
                "password");
        invalid(editor().body(Map.of("password", "too short")).put(PATH + "/" + curator + "/password"),
                "password");
        editor().get(PATH + "/" + curator).then().statusCode(200).body("enabled", equalTo(true),
                "roles", contains("editor"));
        as(curator).get("/api/v1/accounts/me").then().statusCode(200);
        editor().queryParam("cursor", "*").get(PATH).then().statusCode(400);
    }

    @Test
    void anUnknownAccountIs404() {
        String nobody = unique("nobody");
        notFound(editor().get(PATH + "/" + nobody));
        notFound(editor().urlEncodingEnabled(false).get(PATH + "/Not%00A%20Name"));
        notFound(mergePatch(editor(), "{\"enabled\": false}").patch(PATH + "/" + nobody));
        notFound(editor().body(Map.of("password", "another long secret")).put(PATH + "/" + nobody + "/password"));
    }

    @Test
    void meNamesTheSignedInUserAndTheirRoles() {
        anonymous().get(PATH + "/me").then().statusCode(401).header("WWW-Authenticate", startsWith("Basic"));
        editor().get(PATH + "/me").then().statusCode(200)
                .body("username", equalTo(Api.EDITOR), "roles", contains("admin", "editor"),
                        "displayName", nullValue());
        String curator = unique("me-curator");
        editor().body(Map.of("username", curator, "displayName", "Mei Chen", "password", PASSWORD,
                "roles", List.of("editor"))).post(PATH).then().statusCode(201);
        as(curator).get(PATH + "/me").then().statusCode(200)
                .body("username", equalTo(curator), "displayName", equalTo("Mei Chen"), "roles", contains("editor"));
        String token = Jwt.issuer("https://issuer.parley.test").upn("token-user").groups(Set.of("editor"))
                .expiresIn(600).sign();
        anonymous().header("Authorization", "Bearer " + token).get(PATH + "/me").then().statusCode(200)
                .body("username", equalTo("token-user"), "roles", contains("editor"));
    }

    @Test
    void theConfigurationsEditorPasswordOpensNoOtherAccount() {
        String curator = Accounts.create("editor");
        as(curator, Api.PASSWORD).get(PATH + "/me").then().statusCode(401);
        as(Api.EDITOR, PASSWORD).get(PATH + "/me").then().statusCode(401);
    }

    private static void forbidden(io.restassured.response.Response response) {
        response.then().statusCode(403).contentType(containsString("application/problem+json"))
                .body("status", equalTo(403), "detail", containsString("'admin'"));
    }

    private static void conflict(io.restassured.response.Response response, String detail) {
        response.then().statusCode(409).contentType(containsString("application/problem+json"))
                .body("status", equalTo(409), "detail", containsString(detail));
    }

    private static void notFound(io.restassured.response.Response response) {
        response.then().statusCode(404).contentType(containsString("application/problem+json"))
                .body("status", equalTo(404));
    }

    private static void invalid(io.restassured.response.Response response, String... fields) {
        response.then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("violations.field", contains(fields));
    }
}
