package org.parley.page;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The sign-in page: a form that {@code assets/session.js} posts to the form authentication's
 * {@code /j_security_check}, which answers with the session cookie the desk's API calls then carry.
 */
@Path("/sign-in")
@Produces(MediaType.TEXT_HTML)
public class SignInPage {

    @CheckedTemplate(basePath = "Desk")
    static class Templates {
        static native TemplateInstance signIn(Viewer viewer);
    }

    private final Viewer viewer;

    public SignInPage(Viewer viewer) {
        this.viewer = viewer;
    }

    @GET
    @Operation(hidden = true) // a page for people, not an operation of the API
    public TemplateInstance signIn() {
        return Templates.signIn(viewer);
    }
}
