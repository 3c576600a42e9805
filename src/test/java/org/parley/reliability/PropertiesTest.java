package org.parley.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.Api.anonymous;
import static org.parley.Api.createEvent;
import static org.parley.Api.createParticipant;
import static org.parley.Api.editor;
import static org.parley.Api.event;
import static org.parley.Api.unique;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.lists;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.topic.TopicRequest;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Issue 6: property-based tests (QuickTheories, with shrinking to the smallest failing input) of validation and of
 * the JSON and CSV round trips. Random values are sent through the API as clients send them; each property holds
 * for every example: an invalid value is a 400 problem naming its field and a valid one is accepted, and text is
 * read back, as JSON and in the CSV export, exactly as it was written.
 *
 * <p>{@code -Dparley.properties.examples=N} tries N examples per property (default 40).
 */
@QuarkusTest
class PropertiesTest {

    private static final int EXAMPLES = Integer.getInteger("parley.properties.examples", 40);

    /** Pieces of text that break naive JSON or CSV: quotes, separators, line breaks, escapes, scripts, emoji. */
    private static final List<String> PIECES = List.of("a", "Z", "9", " ", "  ", "\"", "'", ",", ";", "\n", "\r\n",
            "\t", "\\", "\\n", "/", "{", "}", "[", "]", "é", "ï", "ß", "Ö", "ç", "王毅", "Лавров", "السلام", "עברית",
            "\u200f", "\u202e", "🙂", "𝄞", "=1+1", "@SUM(A1)", "null", "<b>", "&amp;", "%20", "\u00a0", "\u2028");

    /** Text that starts and ends with a letter: services strip surrounding whitespace, by design. */
    private static final Gen<String> TEXT = lists().of(Generate.pick(PIECES)).ofSizeBetween(0, 20)
            .map(pieces -> "x" + String.join("", pieces) + "y");

    private static final Gen<String> SLUG_CANDIDATES = lists().of(Generate.pick(List.of("a", "z", "0", "9", "-",
            "--", "A", "_", " ", ".", "é", "/", "'"))).ofSizeBetween(1, 12).map(pieces -> String.join("", pieces));

    /** Each example is a few HTTP requests: shrinking a failure is kept to a few hundred steps. */
    private static org.quicktheories.QuickTheory theory() {
        return qt().withExamples(EXAMPLES).withShrinkCycles(200);
    }

    @Test
    void aTopicSlugIsAcceptedExactlyWhenItIsASlug() {
        theory().forAll(SLUG_CANDIDATES).checkAssert(candidate -> {
            // a unique valid prefix keeps accepted slugs apart; the candidate decides validity
            String slug = unique("p").replaceAll("[^a-z0-9]", "") + candidate;
            Response answer = editor().body(Map.of("slug", slug, "name", "Property " + slug)).post("/api/v1/topics");
            if (slug.matches(TopicRequest.SLUG)) {
                assertEquals(201, answer.statusCode(), slug + ": " + answer.asString());
                assertEquals(slug, answer.jsonPath().getString("slug"));
            } else {
                assertInvalid(answer, "slug");
            }
        });
    }

    @Test
    void aParticipantCountryIsAcceptedExactlyWhenItIsAnAlpha2Code() {
        Set<String> codes = new HashSet<>(anonymous().queryParam("size", 500).get("/api/v1/countries")
                .then().statusCode(200).extract().jsonPath().getList("items.code", String.class));
        assertTrue(codes.contains("KZ") && codes.size() > 200, "the API's country list: " + codes.size());
        Gen<String> candidates = lists().of(Generate.pick(List.of("A", "K", "Z", "C", "N", "a", "z", "1", " ", "É")))
                .ofSizeBetween(0, 3).map(pieces -> String.join("", pieces));
        theory().forAll(candidates).checkAssert(country -> {
            Response answer = editor().body(Map.of("name", unique("Country property"), "kind", "PERSON",
                    "country", country)).post("/api/v1/participants");
            if (codes.contains(country)) {
                assertEquals(201, answer.statusCode(), country + ": " + answer.asString());
                assertEquals(country, answer.jsonPath().getString("country"));
            } else {
                assertInvalid(answer, "country");
            }
        });
    }

    @Test
    void aGoldsteinValueIsAcceptedExactlyWithinTheScale() {
        long host = createParticipant(unique("Goldstein"), "CN");
        theory().forAll(doubles().between(-20.0, 20.0)).checkAssert(goldstein -> {
            Response answer = editor().body(event("Scaled", "MEETING", "2022-01-01", List.of(host),
                    Map.of("goldstein", goldstein))).post("/api/v1/events");
            if (goldstein >= -10.0 && goldstein <= 10.0) {
                assertEquals(201, answer.statusCode(), goldstein + ": " + answer.asString());
                // read with Jackson: REST Assured's JsonPath reads numbers that fit a float as floats
                assertEquals(goldstein, readTree(answer).path("goldstein").doubleValue(), 0.0);
            } else {
                assertInvalid(answer, "goldstein");
            }
        });
    }

    @Test
    void aStatementAndAParticipantAreReadBackAsWritten() {
        long host = createParticipant(unique("Round trip"), "CN");
        long eventId = createEvent(event("Round trip", "MEETING", "2022-01-01", List.of(host), Map.of()));
        theory().forAll(TEXT, TEXT, TEXT).checkAssert((text, translation, name) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("eventId", eventId);
            body.put("speakerId", host);
            body.put("text", text);
            body.put("translation", translation);
            body.put("language", "fr");
            body.put("kind", "DIRECT_QUOTE");
            long id = editor().body(body).post("/api/v1/statements").then().statusCode(201)
                    .extract().jsonPath().getLong("id");
            var read = anonymous().get("/api/v1/statements/" + id).then().statusCode(200).extract().jsonPath();
            assertEquals(text, read.getString("text"));
            assertEquals(translation, read.getString("translation"));

            String participantName = name + " " + unique("n");
            long participant = editor().body(Map.of("name", participantName, "kind", "ORGANIZATION",
                    "aliases", List.of(text, translation))).post("/api/v1/participants").then().statusCode(201)
                    .extract().jsonPath().getLong("id");
            var person = anonymous().get("/api/v1/participants/" + participant).then().statusCode(200)
                    .extract().jsonPath();
            assertEquals(participantName, person.getString("name"));
            // aliases are a set of spellings: one written twice is kept once, in the order written
            assertEquals(List.copyOf(new java.util.LinkedHashSet<>(List.of(text, translation))),
                    person.getList("aliases", String.class));
        });
    }

    @Test
    void theCsvExportGivesBackEveryTextAsWritten() throws Exception {
        long host = createParticipant(unique("Csv speaker, \"quoted\""), "RU");
        long eventId = createEvent(event("Csv round trip", "MEETING", "2022-01-01", List.of(host), Map.of()));
        Map<Long, List<String>> written = new HashMap<>();
        theory().forAll(TEXT, TEXT).checkAssert((text, translation) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("eventId", eventId);
            body.put("speakerId", host);
            body.put("text", text);
            body.put("translation", translation);
            body.put("language", "ru");
            body.put("kind", "REPORTED");
            long id = editor().body(body).post("/api/v1/statements").then().statusCode(201)
                    .extract().jsonPath().getLong("id");
            written.put(id, List.of(text, translation));
            // every example exports the event's statements again and finds all written so far
            Map<Long, List<String>> exported = exportedTexts(eventId);
            assertEquals(written, exported);
        });
        assertTrue(written.size() >= Math.min(EXAMPLES, 2), "examples were tried: " + written.size());
    }

    private static Map<Long, List<String>> exportedTexts(long eventId) {
        byte[] csv = anonymous().accept("text/csv").queryParam("event", eventId).get("/api/v1/statements")
                .then().statusCode(200).extract().asByteArray();
        Map<Long, List<String>> rows = new HashMap<>();
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            while (it.hasNext()) {
                Map<String, String> row = it.next();
                rows.put(Long.parseLong(row.get("id")), List.of(row.get("text"), row.get("translation")));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return rows;
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(Response answer) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.asByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertInvalid(Response answer, String field) {
        assertEquals(400, answer.statusCode(), answer.asString());
        assertTrue(answer.contentType().startsWith("application/problem+json"), answer.contentType());
        assertTrue(answer.jsonPath().getList("violations.field", String.class).contains(field), answer.asString());
    }
}
