package org.parley.account;

import static io.restassured.RestAssured.given;
import static org.parley.Api.editor;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.parley.Api;

/** Test support: curators' accounts made through the API by the configuration's editor, the bootstrap admin. */
final class Accounts {

    static final String PATH = "/api/v1/accounts";
    static final String PASSWORD = "a long enough secret";

    private Accounts() {
    }

    /** A new enabled account with a user name no other test uses and {@link #PASSWORD}. */
    static String create(String... roles) {
        String username = Api.unique("curator");
        editor().body(Map.of("username", username, "password", PASSWORD, "roles", List.of(roles)))
                .post(PATH).then().statusCode(201);
        return username;
    }

    /** Requests with this account's HTTP Basic credentials. */
    static RequestSpecification as(String username, String password) {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON).auth().preemptive()
                .basic(username, password);
    }

    static RequestSpecification as(String username) {
        return as(username, PASSWORD);
    }

    static RequestSpecification mergePatch(RequestSpecification request, String patch) {
        return request.contentType("application/merge-patch+json").body(patch);
    }
}
