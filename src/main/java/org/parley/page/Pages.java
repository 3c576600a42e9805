package org.parley.page;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The reader's pages: HTML for people, made from what the API serves. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class Pages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home();
    }

    @GET
    @Operation(hidden = true) // a page for people, not an operation of the API
    public TemplateInstance home() {
        return Templates.home();
    }
}
