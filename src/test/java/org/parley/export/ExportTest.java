package org.parley.export;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.Api.anonymous;
import static org.parley.Api.createEvent;
import static org.parley.Api.createParticipant;
import static org.parley.Api.createStatement;
import static org.parley.Api.createTopic;
import static org.parley.Api.event;
import static org.parley.Api.unique;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Exports are parsed back with a CSV or JSON parser, and must give what was written. */
@QuarkusTest
public class ExportTest {

    private static final String TRICKY = "Il a dit : \"la paix, d'abord\";\nPuis, en Asie centrale — sécurité\r\n« fin »";

    private static List<Map<String, String>> csv(String body) throws IOException {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(body)) {
            return rows.readAll();
        }
    }

    @Test
    public void exportsAreStreamedInChunksNotBufferedWhole() {
        long p = createParticipant(unique("Streamer"), "FR");
        long e = createEvent(event("Streamed", "MEETING", "2013-03-03", List.of(p), Map.of()));
        createStatement(e, p, "Premier", Map.of());
        for (String format : List.of("csv", "ndjson")) {
            for (String list : List.of("/api/v1/statements", "/api/v1/events")) {
                anonymous().queryParam("format", format).get(list).then().statusCode(200)
                        .header("Transfer-Encoding", "chunked")
                        .header("Content-Length", org.hamcrest.Matchers.nullValue());
            }
        }
    }

    @Test
    public void statementsSurviveACsvRoundTrip() throws IOException {
        long p = createParticipant(unique("Orateur"), "FR");
        long e = createEvent(event("Export", "MEETING", "2012-12-12", List.of(p), Map.of()));
        String zebra = unique("zebra");
        String alpha = unique("alpha");
        createTopic(zebra);
        createTopic(alpha);
        long s1 = createStatement(e, p, TRICKY, Map.of("translation", "He said: \"peace, first\"",
                "topics", List.of(zebra, alpha)));
        long s2 = createStatement(e, p, "Deuxième", Map.of());
        String body = anonymous().accept("text/csv").queryParam("event", e).get("/api/v1/statements")
                .then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("statements.csv"))
                .extract().asString();
        List<Map<String, String>> rows = csv(body);
        assertEquals(2, rows.size());
        Map<String, String> first = rows.get(0);
        assertEquals(String.valueOf(s1), first.get("id"));
        assertEquals(TRICKY, first.get("text"));
        assertEquals("He said: \"peace, first\"", first.get("translation"));
        assertEquals("2012-12-12", first.get("eventDate"));
        assertEquals(alpha + "; " + zebra, first.get("topics"), "slugs in order");
        assertEquals("", rows.get(1).get("topics"));
        assertEquals("FR", first.get("speakerCountry"));
        assertEquals("MEETING", first.get("eventType"));
        assertEquals(String.valueOf(e), first.get("eventId"));
        assertTrue(first.get("speakerName").startsWith("Orateur"));
        String events = anonymous().queryParam("format", "csv").queryParam("participant", p).get("/api/v1/events")
                .asString();
        assertTrue(csv(events).get(0).get("createdAt").matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), events);
        assertEquals("FR", first.get("speakerCountry"));
        assertTrue(first.get("speakerName").startsWith("Orateur"));
        assertEquals(String.valueOf(s2), rows.get(1).get("id"));
    }

    @Test
    public void fieldsPickAndOrderCsvColumns() throws IOException {
        long p = createParticipant(unique("Cols"), "DE");
        long e = createEvent(event("Columns, \"quoted\"", "SUMMIT", "2012-11-11", List.of(p), Map.of()));
        String body = anonymous().queryParam("format", "csv").queryParam("fields", "title,id")
                .queryParam("participant", p).get("/api/v1/events").then().statusCode(200).extract().asString();
        assertTrue(body.startsWith("title,id\r\n") || body.startsWith("title,id\n"), body);
        assertEquals(List.of(Map.of("title", "Columns, \"quoted\"", "id", String.valueOf(e))), csv(body));
    }

    @Test
    public void eventsExportAsNdjson() throws IOException {
        long p = createParticipant(unique("Lines"), "ES");
        long a = createEvent(event("Line one", "MEETING", "2012-10-01", List.of(p), Map.of("subjectCountries", List.of("PT"))));
        long b = createEvent(event("Line two", "VISIT", "2012-10-02", List.of(p), Map.of()));
        String body = anonymous().accept("application/x-ndjson").queryParam("participant", p)
                .get("/api/v1/events").then().statusCode(200).contentType(containsString("application/x-ndjson"))
                .extract().asString();
        List<String> lines = body.lines().filter(l -> !l.isBlank()).toList();
        assertEquals(2, lines.size(), body);
        ObjectMapper json = new ObjectMapper();
        assertEquals(b, json.readTree(lines.get(0)).get("id").asLong());
        assertEquals(a, json.readTree(lines.get(1)).get("id").asLong());
        assertEquals("PT", json.readTree(lines.get(1)).get("subjectCountries").get(0).asText());
        String selected = anonymous().queryParam("format", "ndjson").queryParam("fields", "id,type")
                .queryParam("participant", p).get("/api/v1/events").asString();
        assertEquals("{\"id\":" + b + ",\"type\":\"VISIT\"}", selected.lines().findFirst().orElseThrow());
    }

    @Test
    public void exportsTakeTheListFiltersAndNoCap() throws IOException {
        long p = createParticipant(unique("Many"), "NL");
        for (int i = 0; i < 25; i++) {
            createEvent(event("Many " + i, i % 2 == 0 ? "MEETING" : "VISIT", "2011-01-01", List.of(p), Map.of()));
        }
        assertEquals(25, csv(anonymous().queryParam("format", "csv").queryParam("participant", p)
                .queryParam("size", 5).get("/api/v1/events").asString()).size(), "no page size applies");
        assertEquals(13, csv(anonymous().queryParam("format", "csv").queryParam("participant", p)
                .queryParam("type", "MEETING").get("/api/v1/events").asString()).size());
    }

    @Test
    public void aBatchOfManyStoredRowsIsExportedWhole() throws IOException {
        // more statements than a look-up binds as parameters: the batch's ids are written into the statement
        String run = unique("wide").toLowerCase();
        List<Map<String, Object>> said = new java.util.ArrayList<>();
        for (int i = 0; i < 150; i++) {
            said.add(Map.of("event", run, "speaker", run + "-p", "text", "Déclaration n° " + i + ", « " + run + " »",
                    "language", "fr", "kind", "REPORTED"));
        }
        Map<String, Object> document = Map.of(
                "participants", List.of(Map.of("externalId", run + "-p", "name", "Orateur " + run, "kind", "PERSON",
                        "country", "FR")),
                "events", List.of(Map.of("externalId", run, "title", "Conférence " + run, "type", "MEETING",
                        "date", "2015-05-05", "participants", List.of(Map.of("participant", run + "-p")))),
                "statements", said);
        org.parley.Api.editor().contentType("application/json").body(new ObjectMapper().writeValueAsString(document))
                .post("/api/v1/import").then().statusCode(200);
        var listed = anonymous().queryParam("q", run).queryParam("size", 500).get("/api/v1/statements")
                .then().statusCode(200).extract().jsonPath();
        List<String> ids = listed.getList("items.id", Long.class).stream().map(String::valueOf).toList();
        assertEquals(150, ids.size());
        List<Map<String, String>> rows = csv(anonymous().queryParam("format", "csv").queryParam("q", run)
                .get("/api/v1/statements").asString());
        assertEquals(ids, rows.stream().map(row -> row.get("id")).toList());
        assertEquals(listed.getList("items.text"), rows.stream().map(row -> row.get("text")).toList());
        List<String> lines = anonymous().queryParam("format", "ndjson").queryParam("q", run)
                .get("/api/v1/statements").asString().lines().toList();
        assertEquals(ids, lines.stream().map(line -> {
            try {
                return new ObjectMapper().readTree(line).get("id").asText();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList());
    }

    @Test
    public void fieldsSelectJsonPropertiesOnLists() {
        anonymous().queryParam("fields", "id,name").queryParam("country", "CN").get("/api/v1/participants")
                .then().statusCode(200)
                .body("items[0]", hasKey("name"))
                .body("items[0]", not(hasKey("country")))
                .body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
    }

    @Test
    public void badFormatsAndFieldsAreRejected() {
        anonymous().queryParam("format", "xlsx").get("/api/v1/events").then().statusCode(400)
                .body("violations[0].field", equalTo("format"));
        anonymous().queryParam("format", "csv").queryParam("fields", "id,colour").get("/api/v1/statements")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].message", containsString("colour"));
        anonymous().queryParam("fields", "id,colour").get("/api/v1/events").then().statusCode(400);
        anonymous().queryParam("format", "csv").queryParam("country", "XX").get("/api/v1/events")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
