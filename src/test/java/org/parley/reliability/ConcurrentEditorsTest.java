package org.parley.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.Api.createEvent;
import static org.parley.Api.createParticipant;
import static org.parley.Api.createStatement;
import static org.parley.Api.event;
import static org.parley.Api.unique;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.parley.Api;

/**
 * Issue 6, harness 3: 32 clients at once, editing one event with {@code If-Match}, creating records with one slug or
 * key, and editing the statements and the summary of one event. Every lost race is a 412 or 409 problem, never a 5xx
 * or a silent overwrite, and what is stored is one serial order of the accepted writes: the history and the change
 * feed list exactly those writes, in the order their versions say.
 *
 * <p>Short form in the suite; {@code -Dparley.editors.rounds=N} races N rounds of each (default 5).
 */
@QuarkusTest
class ConcurrentEditorsTest {

    private static final int CLIENTS = 32;
    private static final int ROUNDS = Integer.getInteger("parley.editors.rounds", 5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EDITOR = "Basic " + Base64.getEncoder().encodeToString(
            (Api.EDITOR + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8));
    /** Per race kind: races, then the answers by status class (see {@link #COLUMNS}). */
    private static final Map<String, AtomicIntegerArray> TABLE = new ConcurrentHashMap<>();
    private static final List<String> COLUMNS = List.of("races", "requests", "2xx", "409", "412", "other 4xx", "5xx");

    @TestHTTPResource("/")
    URL base;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void editorsOfOneEventWinOneAtATimeAndTheHistoryIsTheirSerialOrder() throws Exception {
        long host = createParticipant(unique("Racer Host"), "CN");
        long guest = createParticipant(unique("Racer Guest"), "RU");
        long id = createEvent(event("Race 0", "MEETING", "2022-05-01", List.of(host, guest), Map.of()));
        String path = "/api/v1/events/" + id;
        Instant start = Instant.now().minusSeconds(1);
        List<String> winners = new ArrayList<>(List.of("Race 0"));
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                int r = round;
                CyclicBarrier readAll = new CyclicBarrier(CLIENTS);
                List<Future<HttpResponse<String>>> writes = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    int clientNo = c;
                    writes.add(pool.submit(() -> {
                        HttpResponse<String> read = send("GET", path, null, null, null);
                        String tag = read.headers().firstValue("ETag").orElseThrow();
                        JsonNode body = JSON.readTree(read.body());
                        readAll.await(30, TimeUnit.SECONDS); // everyone has read the same version before anyone writes
                        String title = "Round " + r + " by client " + clientNo;
                        if (clientNo % 2 == 0) {
                            ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("title", title);
                            return send("PUT", path, "application/json", JSON.writeValueAsString(body), tag);
                        }
                        return send("PATCH", path, "application/merge-patch+json",
                                "{\"title\": \"" + title + "\"}", tag);
                    }));
                }
                List<HttpResponse<String>> answers = collect(writes);
                count("If-Match on one event", answers);
                List<HttpResponse<String>> won = answers.stream().filter(a -> a.statusCode() == 200).toList();
                assertEquals(1, won.size(), "one write of the round wins: " + statuses(answers));
                for (HttpResponse<String> lost : answers) {
                    if (lost.statusCode() != 200) {
                        assertEquals(412, lost.statusCode(), lost.body());
                        assertProblem(lost);
                    }
                }
                JsonNode winner = JSON.readTree(won.get(0).body());
                assertEquals(r, winner.path("version").asInt(), "each accepted write is one version more");
                winners.add(winner.path("title").asText());
            }
        } finally {
            pool.shutdownNow();
        }
        JsonNode stored = JSON.readTree(send("GET", path, null, null, null).body());
        assertEquals(winners.get(winners.size() - 1), stored.path("title").asText(), "the last accepted write stays");
        assertEquals(ROUNDS, stored.path("version").asInt());

        JsonNode revisions = JSON.readTree(send("GET", path + "/revisions", null, null, null).body()).path("items");
        assertEquals(ROUNDS + 1, revisions.size(), "one revision per accepted write: " + revisions);
        long previous = 0;
        for (int i = 0; i < revisions.size(); i++) {
            JsonNode revision = revisions.get(i);
            assertEquals(i == 0 ? "CREATED" : "UPDATED", revision.path("operation").asText());
            assertEquals(i, revision.path("version").asInt());
            assertTrue(revision.path("revision").asLong() > previous, "revisions in commit order");
            previous = revision.path("revision").asLong();
        }
        assertEquals(winners, feedTitles("events", id, start), "the change feed replays exactly the accepted writes");
    }

    @Test
    void clientsCreatingOneSlugOrKeyGetOne201AndOnly409s() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                String slug = unique("race-slug");
                List<HttpResponse<String>> topics = race(pool, c -> send("POST", "/api/v1/topics", "application/json",
                        "{\"slug\": \"" + slug + "\", \"name\": \"Topic by client " + c + "\"}", null));
                String winner = onlyOneCreated("Same topic slug", topics).path("name").asText();
                JsonNode found = JSON.readTree(send("GET", "/api/v1/topics?q=" + slug, null, null, null).body());
                assertEquals(1, found.path("total").asInt(), "one topic with the slug");
                assertEquals(winner, found.path("items").get(0).path("name").asText(), "and it is the winner's");

                String key = unique("race-key");
                List<HttpResponse<String>> people = race(pool, c -> send("POST", "/api/v1/participants",
                        "application/json", "{\"name\": \"Racer " + c + "\", \"kind\": \"PERSON\", \"country\": \"KZ\","
                                + " \"externalId\": \"" + key + "\"}", null));
                onlyOneCreated("Same participant key", people);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void mixedEditsOfOneEventAndItsStatementsKeepEveryAcceptedWriteAndNoOther() throws Exception {
        long host = createParticipant(unique("Mixed Host"), "CN");
        long guest = createParticipant(unique("Mixed Guest"), "RU");
        long eventId = createEvent(event("Mixed edits", "MEETING", "2022-06-01", List.of(host, guest), Map.of()));
        List<Long> statements = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statements.add(createStatement(eventId, i % 2 == 0 ? host : guest, "Initial " + i, Map.of()));
        }
        // what each accepted write made: record -> version -> text
        Map<String, Map<Integer, String>> accepted = new ConcurrentHashMap<>();
        Set<Long> created = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                int r = round;
                List<HttpResponse<String>> answers = race(pool, c -> {
                    switch (c % 4) {
                        case 0 -> { // a new statement, placed after the last one
                            HttpResponse<String> made = send("POST", "/api/v1/statements", "application/json",
                                    "{\"eventId\": " + eventId + ", \"speakerId\": " + host + ", \"text\": \"New " + r
                                            + "." + c + "\", \"language\": \"en\", \"kind\": \"REPORTED\"}", null);
                            if (made.statusCode() == 201) {
                                created.add(JSON.readTree(made.body()).path("id").asLong());
                            }
                            return made;
                        }
                        case 3 -> { // the event's summary
                            return edit("/api/v1/events/" + eventId, "summary", "Summary " + r + "." + c, accepted);
                        }
                        default -> { // one of the first statements, several clients on each
                            long statement = statements.get((c / 4) % statements.size());
                            return edit("/api/v1/statements/" + statement, "text", "Text " + r + "." + c, accepted);
                        }
                    }
                });
                count("Statements and event", answers);
                for (HttpResponse<String> answer : answers) {
                    // every writer takes the event's lock first: an edit is won or lost on its If-Match (a 409
                    // here would be a deadlock the database broke), and a create always succeeds
                    assertTrue(Set.of(200, 201, 412).contains(answer.statusCode()),
                            "a race is won or lost as a 412: " + answer.statusCode() + " " + answer.body());
                    if (answer.statusCode() >= 400) {
                        assertProblem(answer);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        // every record holds the text of its last accepted write, at the version that write made
        for (Map.Entry<String, Map<Integer, String>> record : accepted.entrySet()) {
            JsonNode stored = JSON.readTree(send("GET", record.getKey(), null, null, null).body());
            Map<Integer, String> versions = record.getValue();
            int last = versions.keySet().stream().max(Integer::compare).orElseThrow();
            assertEquals(last, stored.path("version").asInt(), record.getKey() + ": one version per accepted write");
            assertEquals(versions.size(), last, record.getKey() + ": versions 1.." + last + " all accepted once");
            String field = record.getKey().contains("/events/") ? "summary" : "text";
            assertEquals(versions.get(last), stored.path(field).asText(), record.getKey() + ": the last write stays");
            long id = Long.parseLong(record.getKey().substring(record.getKey().lastIndexOf('/') + 1));
            List<String> feed = feedValues(record.getKey().contains("/events/") ? "events" : "statements", id, field);
            List<String> expected = new ArrayList<>();
            for (int v = 1; v <= last; v++) {
                expected.add(versions.get(v));
            }
            assertEquals(expected, feed.subList(feed.size() - last, feed.size()),
                    record.getKey() + ": the change feed holds exactly the accepted writes, in version order");
        }
        // the event shows every statement once: the first ones and each one created, at distinct positions
        JsonNode event = JSON.readTree(send("GET", "/api/v1/events/" + eventId, null, null, null).body());
        Set<Long> shown = new HashSet<>();
        Set<Integer> positions = new HashSet<>();
        for (JsonNode statement : event.path("statements")) {
            shown.add(statement.path("id").asLong());
            assertTrue(positions.add(statement.path("position").asInt()), "positions are distinct: " + positions);
        }
        Set<Long> expected = new HashSet<>(statements);
        expected.addAll(created);
        assertEquals(expected, shown, "the event embeds every accepted statement and no other");
        JsonNode listed = JSON.readTree(send("GET", "/api/v1/statements?event=" + eventId + "&size=500", null, null,
                null).body());
        assertEquals(expected.size(), listed.path("total").asInt(), "and the list agrees");
    }

    @AfterAll
    static void printTable() {
        StringBuilder out = new StringBuilder("\nConcurrent editors: " + CLIENTS + " clients, " + ROUNDS
                + " round(s) per race\n" + String.format("%-24s", "race"));
        COLUMNS.forEach(c -> out.append(String.format(" %9s", c)));
        out.append('\n');
        new TreeMap<>(TABLE).forEach((race, row) -> {
            out.append(String.format("%-24s", race));
            for (int i = 0; i < row.length(); i++) {
                out.append(String.format(" %9d", row.get(i)));
            }
            out.append('\n');
        });
        System.out.println(out);
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Reads a record, then changes one field with If-Match; an accepted write is remembered by its version. */
    private HttpResponse<String> edit(String path, String field, String value,
            Map<String, Map<Integer, String>> accepted) throws Exception {
        HttpResponse<String> read = send("GET", path, null, null, null);
        String tag = read.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> write = send("PATCH", path, "application/merge-patch+json",
                "{\"" + field + "\": \"" + value + "\"}", tag);
        if (write.statusCode() == 200) {
            int version = JSON.readTree(write.body()).path("version").asInt();
            String previous = accepted.computeIfAbsent(path, p -> new ConcurrentHashMap<>()).put(version, value);
            assertEquals(null, previous, path + ": two writes accepted at version " + version);
        }
        return write;
    }

    private interface ClientCall {
        HttpResponse<String> call(int client) throws Exception;
    }

    /** The 32 clients make their call at the same moment. */
    private List<HttpResponse<String>> race(ExecutorService pool, ClientCall call) throws Exception {
        CyclicBarrier go = new CyclicBarrier(CLIENTS);
        List<Future<HttpResponse<String>>> calls = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int clientNo = c;
            Callable<HttpResponse<String>> task = () -> {
                go.await(30, TimeUnit.SECONDS);
                return call.call(clientNo);
            };
            calls.add(pool.submit(task));
        }
        return collect(calls);
    }

    private static List<HttpResponse<String>> collect(List<Future<HttpResponse<String>>> calls) throws Exception {
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (Future<HttpResponse<String>> call : calls) {
            answers.add(call.get(60, TimeUnit.SECONDS));
        }
        return answers;
    }

    private static JsonNode onlyOneCreated(String race, List<HttpResponse<String>> answers) throws Exception {
        count(race, answers);
        List<HttpResponse<String>> made = answers.stream().filter(a -> a.statusCode() == 201).toList();
        assertEquals(1, made.size(), race + ": one create wins: " + statuses(answers));
        for (HttpResponse<String> lost : answers) {
            if (lost.statusCode() != 201) {
                assertEquals(409, lost.statusCode(), race + ": " + lost.body());
                assertProblem(lost);
            }
        }
        return JSON.readTree(made.get(0).body());
    }

    private static void count(String race, List<HttpResponse<String>> answers) {
        AtomicIntegerArray row = TABLE.computeIfAbsent(race, r -> new AtomicIntegerArray(COLUMNS.size()));
        row.incrementAndGet(0);
        for (HttpResponse<String> answer : answers) {
            row.incrementAndGet(1);
            int status = answer.statusCode();
            row.incrementAndGet(status < 300 ? 2 : status == 409 ? 3 : status == 412 ? 4 : status < 500 ? 5 : 6);
        }
    }

    private static void assertProblem(HttpResponse<String> answer) throws Exception {
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                "a problem: " + answer.headers());
        JsonNode problem = JSON.readTree(answer.body());
        assertEquals(answer.statusCode(), problem.path("status").asInt());
        assertTrue(!problem.path("detail").asText("").isBlank(), "a problem that says what happened");
    }

    private static Map<Integer, Long> statuses(List<HttpResponse<String>> answers) {
        Map<Integer, Long> counts = new TreeMap<>();
        answers.forEach(a -> counts.merge(a.statusCode(), 1L, Long::sum));
        return counts;
    }

    /** The titles of the record in the change feed since a moment, in commit order. */
    private List<String> feedTitles(String collection, long id, Instant since) throws Exception {
        List<String> titles = new ArrayList<>();
        String cursor = null;
        boolean first = true;
        while (first || cursor != null) {
            String query = first ? "since=" + since : "cursor=" + cursor;
            JsonNode page = JSON.readTree(send("GET", "/api/v1/changes?size=1000&" + query, null, null, null).body());
            for (JsonNode change : page.path("items")) {
                if (change.path("collection").asText().equals(collection) && change.path("id").asLong() == id) {
                    titles.add(change.path("record").path("title").asText());
                }
            }
            cursor = page.path("more").asBoolean() ? page.path("nextCursor").asText() : null;
            first = false;
        }
        return titles;
    }

    /** One field of the record in every change of it in the feed, in commit order. */
    private List<String> feedValues(String collection, long id, String field) throws Exception {
        List<String> values = new ArrayList<>();
        String cursor = null;
        boolean more = true;
        while (more) {
            JsonNode page = JSON.readTree(send("GET", "/api/v1/changes?size=1000"
                    + (cursor == null ? "" : "&cursor=" + cursor), null, null, null).body());
            for (JsonNode change : page.path("items")) {
                if (change.path("collection").asText().equals(collection) && change.path("id").asLong() == id) {
                    values.add(change.path("record").path(field).asText());
                }
            }
            cursor = page.path("nextCursor").asText();
            more = page.path("more").asBoolean();
        }
        return values;
    }

    private HttpResponse<String> send(String method, String path, String contentType, String body, String ifMatch)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString()).resolve(path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (!method.equals("GET")) {
            request.header("Authorization", EDITOR);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

}
