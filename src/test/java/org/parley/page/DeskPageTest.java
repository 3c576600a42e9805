package org.parley.page;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.parley.Api;

/** The desk's and the sign-in page's HTML as served: tools for editors only, a prompt for everyone else. */
@QuarkusTest
class DeskPageTest {

    @Test
    void anonymousVisitorsGetTheSignInPromptAndNoTools() {
        Api.anonymous().accept("text/html").get("/desk").then().statusCode(200)
                .body(containsString("id=\"sign-in-prompt\""), containsString("href=\"/sign-in?next=/desk\""),
                        not(containsString("report-form")), not(containsString("/assets/desk.js")),
                        containsString("<a href=\"/sign-in\">Sign in</a>"));
    }

    @Test
    void editorsGetTheToolsAndTheirNameInTheLayout() {
        Api.editor().accept("text/html").get("/desk").then().statusCode(200)
                .body(not(containsString("sign-in-prompt")), containsString("id=\"report-form\""),
                        containsString("<script type=\"module\" src=\"/assets/desk.js\"></script>"),
                        containsString("<option value=\"PHONE_CALL\">phone call</option>"),
                        containsString("<option value=\"fr\">fr</option>"),
                        containsString("Signed in as <strong>editor</strong>"),
                        containsString("<button type=\"submit\">Sign out</button>"));
    }

    @Test
    void wrongCredentialsSeeThePromptNotAnError() {
        Api.anonymous().auth().preemptive().basic(Api.EDITOR, "wrong").accept("text/html").get("/desk").then()
                .statusCode(200).body(containsString("id=\"sign-in-prompt\""), not(containsString("report-form")),
                        containsString("<a href=\"/sign-in\">Sign in</a>"));
    }

    @Test
    void theSignInPagePostsLabelledFieldsToTheFormAuthentication() {
        Api.anonymous().accept("text/html").get("/sign-in").then().statusCode(200)
                .body(containsString("<form id=\"sign-in\" class=\"sign-in\" method=\"post\""
                        + " action=\"/j_security_check\">"),
                        containsString("<label for=\"j_username\">User name</label>"),
                        containsString("<label for=\"j_password\">Password</label>"),
                        containsString("type=\"password\" autocomplete=\"current-password\""));
    }
}
