package org.parley.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.Api;

/**
 * A short report in the style of a wire story, written for these tests (no published article), and an import
 * document of the event it reports whose source carries the text and whose two statements carry their spans in it.
 */
public final class WireReport {

    public static final String FIRST = "We agreed to publish a joint schedule of water releases before the summer";
    public static final String SECOND = "keep the channels open at every level";
    public static final String TEXT = "ALMATY, 14 March (Parley Wire) -- The foreign ministers of Kazakhstan and"
            + " Uzbekistan met in Almaty on Monday to discuss water sharing on the Syr Darya.\n\n\"" + FIRST + ",\""
            + " Kazakh Foreign Minister Aru Testova told reporters after the talks.\n\nHer Uzbek counterpart, Bek"
            + " Sampleov, said the two sides would \"" + SECOND + "\" until the schedule is agreed.\n\nThe ministers"
            + " will meet again in Tashkent in June.";

    /** Keys unique to one call: {@code run}-aru, {@code run}-bek, {@code run}-talks. */
    public static Map<String, Object> document(String run, boolean withText) {
        Map<String, Object> source = new LinkedHashMap<>(Map.of("url", "https://wire.example/" + run,
                "publisher", "Parley Wire", "language", "en"));
        if (withText) {
            source.put("text", TEXT);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("participants", List.of(
                Map.of("externalId", run + "-aru", "name", "Aru Testova " + run, "kind", "PERSON", "country", "KZ"),
                Map.of("externalId", run + "-bek", "name", "Bek Sampleov " + run, "kind", "PERSON", "country", "UZ")));
        doc.put("events", List.of(new LinkedHashMap<>(Map.of("externalId", run + "-talks",
                "title", "Kazakhstan and Uzbekistan discuss water sharing " + run, "type", "MEETING",
                "date", "2023-03-13",
                "participants", List.of(Map.of("participant", run + "-aru", "role", "Minister of Foreign Affairs"),
                        Map.of("participant", run + "-bek", "role", "Minister of Foreign Affairs")),
                "sources", new ArrayList<>(List.of(source))))));
        doc.put("statements", List.of(statement(run, run + "-aru", FIRST, "DIRECT_QUOTE"),
                statement(run, run + "-bek", SECOND, "REPORTED")));
        return doc;
    }

    private static Map<String, Object> statement(String run, String speaker, String text, String kind) {
        int start = TEXT.indexOf(text);
        return new LinkedHashMap<>(Map.of("event", run + "-talks", "speaker", speaker, "text", text,
                "language", "en", "kind", kind, "sourceUrl", "https://wire.example/" + run,
                "span", Map.of("start", start, "end", start + text.length())));
    }

    /** Imports the document and answers the id of its event. */
    public static long imported(String run) {
        Api.editor().contentType("application/json").body(document(run, true)).post("/api/v1/import")
                .then().statusCode(200);
        return Api.anonymous().queryParam("q", run).get("/api/v1/events").then().statusCode(200)
                .extract().jsonPath().getLong("items[0].id");
    }

    private WireReport() {
    }
}
