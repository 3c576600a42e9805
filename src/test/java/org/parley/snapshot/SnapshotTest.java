package org.parley.snapshot;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.Api.anonymous;
import static org.parley.Api.createEvent;
import static org.parley.Api.createParticipant;
import static org.parley.Api.createStatement;
import static org.parley.Api.createTopic;
import static org.parley.Api.editor;
import static org.parley.Api.event;
import static org.parley.Api.unique;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.value.Sha256;

/**
 * Published snapshots: an archive of every collection as the API shows it, checked by its manifest and SHA256SUMS;
 * downloaded whole or by ranges with its SHA-256 as ETag; one moment's view while writes go on, which the change
 * feed replayed up to the snapshot's revision reproduces exactly.
 */
@QuarkusTest
class SnapshotTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FILES = List.of("topics.ndjson", "topics.csv", "participants.ndjson",
            "participants.csv", "events.ndjson", "events.csv", "statements.ndjson", "statements.csv",
            "reports.ndjson", "reports.csv", "manifest.json", "SHA256SUMS");

    @Inject
    Snapshots snapshots;

    /** What runs between a snapshot's files, in the snapshot's thread, while it waits. */
    @Singleton
    static class BetweenFiles {

        static volatile Consumer<String> action;

        void written(@Observes SnapshotFileWritten file) {
            Consumer<String> now = action;
            if (now != null) {
                now.accept(file.path());
            }
        }
    }

    @AfterEach
    void noMoreWritesBetweenFiles() {
        BetweenFiles.action = null;
    }

    @Test
    void aSnapshotHoldsEveryCollectionAsTheApiShowsIt() throws Exception {
        long speaker = createParticipant(unique("Speaker"), "KZ");
        createTopic(unique("snap"));
        long eventId = createEvent(event(unique("Snapshot call"), "PHONE_CALL", "2023-03-01", List.of(speaker),
                Map.of()));
        createStatement(eventId, speaker, "Le ministre a dit que les \"entretiens\" étaient utiles,\nvoilà.", Map.of());

        Response made = editor().body(Map.of("reason", "data of a paper")).post("/api/v1/snapshots");
        made.then().statusCode(201).header("Location", containsString("/api/v1/snapshots/parley-"));
        JsonPath snapshot = made.jsonPath();
        String name = snapshot.getString("name");
        assertTrue(made.header("Location").endsWith("/api/v1/snapshots/" + name));
        assertEquals("editor", snapshot.getString("manifest.createdBy"));
        assertEquals("data of a paper", snapshot.getString("manifest.reason"));
        for (String collection : List.of("events", "statements", "participants", "topics")) {
            assertEquals(total(collection), snapshot.getLong("manifest.counts." + collection), collection);
        }

        Response download = anonymous().accept("*/*").get("/api/v1/snapshots/" + name);
        download.then().statusCode(200).contentType("application/zip").header("Accept-Ranges", "bytes")
                .header("Content-Disposition", containsString(name + ".zip"));
        byte[] archive = download.asByteArray();
        assertEquals(snapshot.getLong("bytes"), archive.length);
        assertEquals(snapshot.getString("sha256"), sha256(archive));
        assertEquals("\"" + sha256(archive) + "\"", download.header("ETag"));

        Map<String, byte[]> entries = unzip(archive);
        assertEquals(FILES, List.copyOf(entries.keySet()), "the files, in their order");
        JsonNode manifest = JSON.readTree(entries.get("manifest.json"));
        assertEquals(JSON.readTree(made.asString()).get("manifest"), manifest, "the manifest is the one described");
        List<String> sums = new ArrayList<>();
        for (JsonNode file : manifest.get("files")) {
            byte[] body = entries.get(file.get("path").asText());
            assertEquals(file.get("sha256").asText(), sha256(body), file.toString());
            assertEquals(file.get("bytes").asLong(), body.length, file.toString());
            assertEquals(file.get("records").asLong(), records(file.get("format").asText(), body), file.toString());
            sums.add(sha256(body) + "  " + file.get("path").asText());
        }
        sums.add(sha256(entries.get("manifest.json")) + "  manifest.json");
        assertEquals(String.join("\n", sums) + "\n", new String(entries.get("SHA256SUMS"), StandardCharsets.UTF_8));

        // every statement as the export shows it, and every 250th and the last as its own read shows it (the suite's
        // imports leave over 12,000 statements: a read of each would take most of a minute); events without their
        // statements, as lists show them
        List<JsonNode> statements = ndjson(entries.get("statements.ndjson"));
        assertEquals(ndjson(anonymous().accept("application/x-ndjson").queryParam("sort", "id")
                .get("/api/v1/statements").then().statusCode(200).extract().asByteArray()), statements);
        int last = statements.size() - 1;
        for (int i : IntStream.concat(IntStream.iterate(0, i -> i < last, i -> i + 250), IntStream.of(last))
                .toArray()) {
            JsonNode statement = statements.get(i);
            assertEquals(JSON.readTree(anonymous().get("/api/v1/statements/" + statement.get("id").asLong())
                    .then().statusCode(200).extract().asString()), statement);
        }
        JsonNode listed = JSON.readTree(anonymous().queryParam("sort", "id").queryParam("size", 500)
                .get("/api/v1/events").then().statusCode(200).extract().asString()).get("items");
        assertEquals(List.copyOf(iterate(listed)), ndjson(entries.get("events.ndjson")));
        String csvExport = anonymous().accept("text/csv").queryParam("sort", "id").get("/api/v1/statements")
                .then().statusCode(200).extract().asString();
        assertEquals(csvExport, new String(entries.get("statements.csv"), StandardCharsets.UTF_8),
                "the statements' CSV is their export's");

        anonymous().get("/api/v1/snapshots").then().statusCode(200).body("every", equalTo("off"))
                .body("items.name", hasItem(name));
        assertEquals(JSON.readTree(made.asString()), JSON.readTree(anonymous().get("/api/v1/snapshots/" + name)
                .then().statusCode(200).contentType("application/json").extract().asString()));
        anonymous().accept("text/plain").get("/q/metrics").then().statusCode(200)
                .body(containsString("parley_snapshots_total{outcome=\"success\""))
                .body(containsString("parley_snapshot_last_success_seconds"));
    }

    @Test
    void aDownloadResumesByRangesAndIsCachedByItsEtag() {
        String name = snapshots.take("editor", null).name();
        String path = "/api/v1/snapshots/" + name;
        byte[] whole = anonymous().accept("application/zip").get(path).then().statusCode(200).extract().asByteArray();
        String etag = "\"" + sha256(whole) + "\"";
        int size = whole.length;

        Response first = anonymous().accept("application/zip").header("Range", "bytes=0-99").get(path);
        first.then().statusCode(206).header("Content-Range", "bytes 0-99/" + size).header("ETag", etag);
        assertArrayEquals(Arrays.copyOfRange(whole, 0, 100), first.asByteArray());
        Response rest = anonymous().accept("application/zip").header("Range", "bytes=100-")
                .header("If-Range", etag).get(path);
        rest.then().statusCode(206).header("Content-Range", "bytes 100-" + (size - 1) + "/" + size);
        assertArrayEquals(Arrays.copyOfRange(whole, 100, size), rest.asByteArray());
        assertArrayEquals(Arrays.copyOfRange(whole, size - 10, size), anonymous().accept("application/zip")
                .header("Range", "bytes=-10").get(path).then().statusCode(206).extract().asByteArray());
        assertArrayEquals(whole, anonymous().accept("application/zip").header("Range", "bytes=0-" + (10L * size))
                .get(path).then().statusCode(206).header("Content-Range", "bytes 0-" + (size - 1) + "/" + size)
                .extract().asByteArray(), "a range past the end ends at the end");

        // another archive's tag, several ranges, another unit: the whole archive
        assertArrayEquals(whole, anonymous().accept("application/zip").header("Range", "bytes=100-")
                .header("If-Range", "\"another\"").get(path).then().statusCode(200).extract().asByteArray());
        assertArrayEquals(whole, anonymous().accept("application/zip").header("Range", "bytes=0-1,5-6")
                .get(path).then().statusCode(200).extract().asByteArray());
        assertArrayEquals(whole, anonymous().accept("application/zip").header("Range", "lines=0-1")
                .get(path).then().statusCode(200).extract().asByteArray());

        anonymous().accept("application/zip").header("Range", "bytes=" + size + "-").get(path).then()
                .statusCode(416).contentType("application/problem+json").header("Content-Range", "bytes */" + size)
                .body("status", equalTo(416)).body("detail", containsString(size + " bytes"));
        Response cached = anonymous().accept("application/zip").header("If-None-Match", etag).get(path);
        cached.then().statusCode(304).header("ETag", etag);
        assertEquals(0, cached.asByteArray().length);

        for (String unknown : List.of("parley-29991231T000000000Z", "nonsense", "..%2F..%2Fpom.xml")) {
            anonymous().accept("*/*").urlEncodingEnabled(false).get("/api/v1/snapshots/" + unknown).then()
                    .statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        }
    }

    @Test
    void onlyAnEditorMakesOneWithAValidBody() {
        anonymous().body(Map.of()).post("/api/v1/snapshots").then().statusCode(401)
                .contentType("application/problem+json");
        editor().post("/api/v1/snapshots").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("JSON body"));
        editor().body(Map.of("reason", "x".repeat(501))).post("/api/v1/snapshots").then().statusCode(400)
                .body("violations.field", hasItem("reason"));
        editor().contentType("text/plain").body("now").post("/api/v1/snapshots").then().statusCode(415);
        int before = snapshots.list().size();
        editor().body("{\"reason\": ").post("/api/v1/snapshots").then().statusCode(400);
        assertEquals(before, snapshots.list().size(), "nothing made by a refused request");
    }

    /**
     * Between the snapshot's files, another client deletes an event with its statements, adds an event with a
     * statement and renames a topic, while a writer adds topics all along: the snapshot holds the data of one
     * moment, which the change feed up to its revision reproduces record for record.
     */
    @Test
    void aSnapshotIsOneMomentWhileWritesGoOn() throws Exception {
        long speaker = createParticipant(unique("Speaker"), "RU");
        long doomed = createEvent(event(unique("Doomed"), "MEETING", "2023-04-01", List.of(speaker), Map.of()));
        List<Long> doomedStatements = List.of(createStatement(doomed, speaker, "Premier propos.", Map.of()),
                createStatement(doomed, speaker, "Second propos.", Map.of()));
        String slug = unique("renamed");
        long topic = createTopic(slug);
        long[] born = new long[2];
        ExecutorService others = Executors.newFixedThreadPool(2);
        AtomicBoolean writing = new AtomicBoolean(true);
        try {
            Future<Integer> background = others.submit(() -> {
                int made = 0;
                while (writing.get()) {
                    createTopic(unique("during"));
                    made++;
                }
                return made;
            });
            AtomicBoolean wrote = new AtomicBoolean();
            BetweenFiles.action = file -> {
                if (!file.equals("events.csv")) {
                    return;
                }
                wrote.set(true);
                try {
                    others.submit(() -> {
                        editor().delete("/api/v1/events/" + doomed).then().statusCode(204);
                        born[0] = createEvent(event(unique("Born"), "VISIT", "2023-04-02", List.of(speaker),
                                Map.of()));
                        born[1] = createStatement(born[0], speaker, "Propos nouveau.", Map.of());
                        editor().body(Map.of("slug", slug, "name", "Renamed meanwhile"))
                                .put("/api/v1/topics/" + topic).then().statusCode(200);
                    }).get(60, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
            Map<String, byte[]> entries = unzip(anonymous().accept("application/zip").get(
                    "/api/v1/snapshots/" + snapshots.take("editor", null).name()).then().statusCode(200)
                    .extract().asByteArray());
            writing.set(false);
            assertTrue(background.get(60, TimeUnit.SECONDS) > 0);
            assertTrue(wrote.get() && born[1] > 0, "the writes between the snapshot's files were made");

            Set<Long> events = ids(ndjson(entries.get("events.ndjson")));
            List<JsonNode> statements = ndjson(entries.get("statements.ndjson"));
            assertTrue(events.contains(doomed) && !events.contains(born[0]), "the events as they were: " + events);
            assertTrue(ids(statements).containsAll(doomedStatements), "the deleted event's statements are there");
            assertFalse(ids(statements).contains(born[1]), "a statement written after is not");
            for (JsonNode statement : statements) {
                assertTrue(events.contains(statement.get("eventId").asLong()), "no statement without its event");
            }
            JsonNode renamed = ndjson(entries.get("topics.ndjson")).stream()
                    .filter(t -> t.get("id").asLong() == topic).findFirst().orElseThrow();
            assertEquals("Topic " + slug, renamed.get("name").asText(), "the topic's name before the change");

            // the oracle: every change up to the snapshot's revision, applied in order, gives its records
            JsonNode manifest = JSON.readTree(entries.get("manifest.json"));
            Map<String, Map<Long, JsonNode>> replayed = replay(manifest.get("revision").asLong());
            for (String collection : List.of("participants", "topics", "events", "statements")) {
                List<JsonNode> held = ndjson(entries.get(collection + ".ndjson"));
                assertEquals(new TreeSet<>(replayed.get(collection).keySet()), new TreeSet<>(ids(held)), collection);
                for (JsonNode record : held) {
                    assertEquals(replayed.get(collection).get(record.get("id").asLong()), record, collection);
                }
                assertEquals(held.size(), manifest.get("counts").get(collection).asLong());
            }
        } finally {
            writing.set(false);
            others.shutdownNow();
        }
    }

    @Test
    void theScheduleMakesOneOnlyWhenTheDataChanged() {
        snapshots.takeIfChanged();
        assertTrue(snapshots.takeIfChanged().isEmpty(), "nothing changed since the last one");
        createTopic(unique("scheduled"));
        SnapshotResponse made = snapshots.takeIfChanged().orElseThrow();
        assertEquals(Snapshots.SCHEDULE, made.manifest().createdBy());
        assertEquals(made, snapshots.list().get(0), "the newest first");
    }

    private static long total(String collection) {
        return Long.parseLong(anonymous().queryParam("size", 1).get("/api/v1/" + collection).then().statusCode(200)
                .extract().header("X-Total-Count"));
    }

    /** The records of every collection after the changes up to and including that revision. */
    private static Map<String, Map<Long, JsonNode>> replay(long revision) throws IOException {
        Map<String, Map<Long, JsonNode>> records = new LinkedHashMap<>();
        List.of("participants", "topics", "events", "statements").forEach(c -> records.put(c, new LinkedHashMap<>()));
        String cursor = null;
        boolean more = true;
        while (more) {
            var request = anonymous().queryParam("size", 500);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonNode page = JSON.readTree(request.get("/api/v1/changes").then().statusCode(200).extract().asString());
            for (JsonNode change : page.get("items")) {
                if (change.get("revision").asLong() > revision) {
                    return records;
                }
                Map<Long, JsonNode> collection = records.get(change.get("collection").asText());
                if (change.get("operation").asText().equals("DELETED")) {
                    collection.remove(change.get("id").asLong());
                } else {
                    collection.put(change.get("id").asLong(), change.get("record"));
                }
            }
            cursor = page.get("nextCursor").asText();
            more = page.get("more").asBoolean();
        }
        return records;
    }

    private static Map<String, byte[]> unzip(byte[] archive) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    private static long records(String format, byte[] body) throws IOException {
        if (format.equals("ndjson")) {
            return ndjson(body).size();
        }
        try (MappingIterator<List<String>> rows = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerForListOf(String.class).readValues(body)) {
            return rows.readAll().size() - 1; // the header row
        }
    }

    private static List<JsonNode> ndjson(byte[] body) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : new String(body, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    private static List<JsonNode> iterate(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private static Set<Long> ids(List<JsonNode> records) {
        Set<Long> ids = new HashSet<>();
        records.forEach(r -> ids.add(r.get("id").asLong()));
        return ids;
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(Sha256.digest().digest(bytes));
    }
}
