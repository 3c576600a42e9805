package org.parley.page;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.parley.event.EventType;
import org.parley.statement.StatementKind;

/**
 * The curator's desk: a report in, its draft ({@code POST /api/v1/drafts}) shown on the report and corrected, then
 * published through {@code POST /api/v1/import}, all by {@code assets/desk.js} with the session of the sign-in page.
 * Editors get the tools; anyone else a prompt to sign in.
 */
@Path("/desk")
@Produces(MediaType.TEXT_HTML)
public class Desk {

    /** The languages the drafter reads, as its lexicons list them. */
    private static final List<String> LANGUAGES = languages();

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance desk(Viewer viewer, List<Choice> types, List<Choice> kinds,
                List<String> languages);
    }

    /** An option of a select: the API's value and how people read it ({@code PHONE_CALL}, "phone call"). */
    public record Choice(String value, String label) {
        public static List<Choice> of(Enum<?>[] values) {
            return Arrays.stream(values).map(v -> new Choice(v.name(),
                    v.name().replace('_', ' ').toLowerCase(Locale.ROOT))).toList();
        }
    }

    private final Viewer viewer;

    public Desk(Viewer viewer) {
        this.viewer = viewer;
    }

    @GET
    @Operation(hidden = true) // a page for people, not an operation of the API
    public TemplateInstance desk() {
        return Templates.desk(viewer, Choice.of(EventType.values()), Choice.of(StatementKind.values()), LANGUAGES);
    }

    private static List<String> languages() {
        try (InputStream in = Desk.class.getResourceAsStream("/draft/lexicon/languages.txt")) {
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
