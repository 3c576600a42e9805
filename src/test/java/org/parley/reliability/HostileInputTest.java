package org.parley.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.Api.anonymous;
import static org.parley.Api.createAndGetId;
import static org.parley.Api.createParticipant;
import static org.parley.Api.createStatement;
import static org.parley.Api.createTopic;
import static org.parley.Api.unique;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.parley.Api;

/**
 * Issue 6, harness 2: a corpus of bad requests generated from the live OpenAPI document (every route, parameter and
 * body field) plus hand-written families (credentials, content types, headers, paths, HTTP syntax), sent byte for
 * byte. Every answer must be a 4xx {@code application/problem+json} with a {@code detail}, within the deadline, with
 * nothing internal in it; the exports and the change feed must be byte-identical before and after. The only 2xx
 * allowed are searches for hostile text, which must find nothing.
 *
 * <p>Short form in the suite; {@code -Dparley.hostile.rounds=N} sends N rounds, each with another random choice of
 * payloads per parameter and field (round 1 is the same in every run).
 */
@QuarkusTest
class HostileInputTest {

    private static final int ROUNDS = Integer.getInteger("parley.hostile.rounds", 1);
    private static final int DEADLINE_MILLIS = 10_000;
    /** Writes \\uXXXX for every non-ASCII character: a lone surrogate reaches the server as JSON sends it. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.ESCAPE_NON_ASCII);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** What no answer may show: Java types, frameworks, stack frames, database errors. */
    private static final List<String> LEAKS = List.of("Exception", "java.", "javax.", "jakarta.", "org.hibernate",
            "org.parley", "io.quarkus", "io.vertx", "io.netty", "org.h2", "org.postgresql", "\tat ", "Caused by",
            "SQLState", "SQL state", "stack", "syntax error");
    private static final String ISSUER = "https://issuer.parley.test";
    /** Defects tried per body field and hostile values per query parameter in one round. */
    private static final int PER_FIELD = 4;

    /** How an answer is judged. */
    enum Expect {
        /** a 4xx problem */
        PROBLEM,
        /** a search for hostile text: a 4xx problem, or a 200 that finds nothing */
        NOTHING_FOUND,
        /** refused by the HTTP parser below the application: a 4xx or a closed connection, quickly, leaking nothing */
        TRANSPORT
    }

    record Case(String family, String label, String method, byte[] target, Map<String, byte[]> headers, byte[] body,
            Expect expect) {
    }

    @TestHTTPResource("/")
    URL base;

    private RawHttp http;
    private Fixtures fx;

    /** Records the corpus writes against (it must change none of them). */
    record Fixtures(long p1, long p2, String p1ExternalId, String topicSlug, long topicId, long eventId,
            String eventExternalId, String sourceUrl, long statementId, String account) {
    }

    @Test
    void everyBadRequestIsAProblemAndChangesNothing() throws Exception {
        http = new RawHttp(base.getHost(), base.getPort(), DEADLINE_MILLIS);
        fx = fixtures();
        JsonNode openApi = JSON.readTree(anonymous().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asByteArray());
        byte[] before = snapshot();

        Map<String, int[]> table = new TreeMap<>();
        Map<String, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int total = 0;
        long slowest = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            List<Case> corpus = corpus(openApi, new Random(round));
            for (Case c : corpus) {
                RawHttp.Answer answer = http.send(c.method(), c.target(), c.headers(), c.body());
                total++;
                slowest = Math.max(slowest, answer.millis());
                String failure = judge(c, answer);
                if (failure != null && failures.size() < 200) {
                    failures.add(abbreviate(c.family() + " | " + c.label() + " | " + c.method() + " "
                            + new String(c.target(), StandardCharsets.ISO_8859_1), 200) + " -> " + answer.status()
                            + " " + answer.header("content-type") + ": " + failure + " | "
                            + abbreviate(answer.text(), 300));
                }
                int[] row = table.computeIfAbsent(c.family(), f -> new int[COLUMNS.size() + 4]);
                row[0]++;
                row[column(answer.status())]++;
                if (failure != null) {
                    row[row.length - 2]++;
                }
                row[row.length - 1] += (int) answer.millis();
            }
        }
        byte[] after = snapshot();

        print(table, total, slowest);
        assertTrue(total >= 500, "at least 500 bad requests: " + total);
        assertTrue(failures.isEmpty(), failures.size() + " answers were wrong:\n" + String.join("\n", failures));
        assertArrayEquals(before, after, "the exports and the change feed are byte-identical before and after");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Judging

    private static String judge(Case c, RawHttp.Answer answer) {
        String text = answer.text();
        for (String leak : LEAKS) {
            if (text.contains(leak)) {
                return "leaks '" + leak + "'";
            }
        }
        if (answer.status() == -1) {
            return "no answer within " + DEADLINE_MILLIS + " ms";
        }
        if (c.expect() == Expect.TRANSPORT) {
            return answer.status() == 0 || answer.status() >= 400 && answer.status() < 500 ? null
                    : "not refused: " + answer.status();
        }
        if (c.expect() == Expect.NOTHING_FOUND && answer.status() == 200) {
            try {
                JsonNode page = JSON.readTree(answer.body());
                return page.path("total").asLong(-1) == 0 ? null : "a hostile search found something: " + page.path("total");
            } catch (java.io.IOException e) {
                return "a 200 that is not JSON";
            }
        }
        if (answer.status() < 400 || answer.status() >= 500 || answer.status() == 429) {
            return "status " + answer.status();
        }
        String type = answer.header("content-type");
        if (type == null || !type.startsWith("application/problem+json")) {
            return "not a problem";
        }
        try {
            JsonNode problem = JSON.readTree(answer.body());
            if (problem.path("status").asInt() != answer.status()) {
                return "problem status " + problem.path("status") + " differs";
            }
            if (problem.path("detail").asText("").isBlank() || problem.path("title").asText("").isBlank()) {
                return "the problem names nothing";
            }
        } catch (java.io.IOException e) {
            return "a problem that is not JSON";
        }
        return null;
    }

    private static final List<Integer> COLUMNS = List.of(200, 400, 401, 403, 404, 405, 406, 409, 412, 413, 414, 415,
            431);

    /** The table column of a status: tried, then the statuses above, other 4xx, 5xx, closed, timeout, failed. */
    private static int column(int status) {
        int known = COLUMNS.indexOf(status);
        if (known >= 0) {
            return 1 + known;
        }
        return COLUMNS.size() + 1; // shares the "other" column; 5xx, closed and timeouts are failures anyway
    }

    private static void print(Map<String, int[]> table, int total, long slowest) {
        StringBuilder out = new StringBuilder("\nHostile input: " + total + " requests in " + ROUNDS
                + " round(s), slowest answer " + slowest + " ms\n");
        out.append(String.format("%-16s %6s", "family", "tried"));
        COLUMNS.forEach(s -> out.append(String.format(" %5d", s)));
        out.append(String.format(" %5s %5s %6s%n", "other", "WRONG", "ms"));
        int[] sum = new int[COLUMNS.size() + 4];
        table.forEach((family, row) -> {
            out.append(String.format("%-16s", family));
            for (int i = 0; i < row.length; i++) {
                out.append(String.format(i == 0 || i == row.length - 1 ? " %6d" : " %5d", row[i]));
                sum[i] += row[i];
            }
            out.append('\n');
        });
        out.append(String.format("%-16s", "total"));
        for (int i = 0; i < sum.length; i++) {
            out.append(String.format(i == 0 || i == sum.length - 1 ? " %6d" : " %5d", sum[i]));
        }
        out.append("\n\"other\": any other status, a 5xx, a connection closed without an answer, or no answer in time;"
                + " WRONG: answers that broke a rule (in http-syntax a closed connection is a refusal); ms: time"
                + " spent waiting for the answers\n");
        System.out.println(out);
    }

    // ---------------------------------------------------------------------------------------------------------
    // The state that must not change

    /** Every export and the whole change feed, one after the other. */
    private static byte[] snapshot() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (String path : List.of("/api/v1/events?format=ndjson", "/api/v1/events?format=csv",
                "/api/v1/statements?format=ndjson", "/api/v1/statements?format=csv")) {
            all.writeBytes(anonymous().get(path).then().statusCode(200).extract().asByteArray());
        }
        for (String list : List.of("/api/v1/participants", "/api/v1/topics")) {
            String cursor = "*";
            while (cursor != null) {
                var page = anonymous().queryParam("cursor", cursor).queryParam("size", 500).queryParam("sort", "id")
                        .get(list).then().statusCode(200).extract();
                all.writeBytes(page.asByteArray());
                cursor = page.jsonPath().getString("nextCursor");
            }
        }
        String cursor = null;
        boolean more = true;
        while (more) {
            var request = anonymous().queryParam("size", 1000);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/v1/changes").then().statusCode(200).extract();
            all.writeBytes(page.asByteArray());
            cursor = page.jsonPath().getString("nextCursor");
            more = page.jsonPath().getBoolean("more");
        }
        return all.toByteArray();
    }

    private static Fixtures fixtures() {
        String externalId = unique("hostile-p1");
        long p1 = createAndGetId("/api/v1/participants", Map.of("name", unique("Hostile One"), "kind", "PERSON",
                "country", "CN", "externalId", externalId));
        long p2 = createParticipant(unique("Hostile Two"), "RU");
        String slug = unique("hostile-topic");
        long topicId = createTopic(slug);
        String eventExternalId = unique("hostile-event");
        String url = "https://example.org/" + unique("report");
        long eventId = Api.createEvent(Api.event("Hostile fixture", "MEETING", "2022-03-30", List.of(p1, p2),
                Map.of("topics", List.of(slug), "externalId", eventExternalId, "sources",
                        List.of(Map.of("url", url, "publisher", "Xinhua", "language", "fr")))));
        long statementId = createStatement(eventId, p1, "Texte de la déclaration.", Map.of("sourceUrl", url));
        String account = unique("hostile-curator");
        Api.editor().body(Map.of("username", account, "password", "a long enough secret", "roles", List.of("editor")))
                .post("/api/v1/accounts").then().statusCode(201);
        return new Fixtures(p1, p2, externalId, slug, topicId, eventId, eventExternalId, url, statementId, account);
    }

    // ---------------------------------------------------------------------------------------------------------
    // The corpus

    private List<Case> corpus(JsonNode openApi, Random random) throws Exception {
        List<Case> cases = new ArrayList<>();
        JsonNode paths = openApi.path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            // the accounts draw their defects from a stream of their own: the other operations keep the cases they
            // had before the accounts came (their paths sort first)
            Random draws = path.getKey().startsWith("/api/v1/accounts")
                    ? new Random(path.getKey().hashCode()) : random;
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                Operation operation = new Operation(path.getKey(), op.getKey().toUpperCase(), op.getValue(), openApi);
                pathParameters(operation, draws, cases);
                queryParameters(operation, draws, cases);
                bodies(operation, draws, cases);
                credentials(operation, cases);
                contentTypes(operation, cases);
            }
            methods(path.getKey(), path.getValue(), cases);
        }
        headers(random, cases);
        traversal(cases);
        httpSyntax(cases);
        return cases;
    }

    /** One operation of the OpenAPI document, with what it takes to send it correctly. */
    private final class Operation {
        final String path;
        final String method;
        final JsonNode node;
        final JsonNode openApi;
        final boolean write;

        Operation(String path, String method, JsonNode node, JsonNode openApi) {
            this.path = path;
            this.method = method;
            this.node = node;
            this.openApi = openApi;
            this.write = node.has("security") && node.path("security").size() > 0;
        }

        /** The path with its parameter filled with a record the fixtures own (or the seed CAMEO code). */
        String target() {
            String id = path.startsWith("/api/v1/events") ? Long.toString(fx.eventId())
                    : path.startsWith("/api/v1/statements") ? Long.toString(fx.statementId())
                    : path.startsWith("/api/v1/participants") ? Long.toString(fx.p1())
                    : path.startsWith("/api/v1/topics") ? Long.toString(fx.topicId()) : "1";
            String code = path.contains("countries") ? "KZ" : "041";
            // an account's name is the fixtures' account; any other parameter (a report's hash) names nothing the
            // fixtures own: a 404
            return path.replace("{id}", id).replace("{code}", code).replace("{username}", fx.account())
                    .replaceAll(PARAMETER, "1");
        }

        String mediaType() {
            JsonNode content = node.path("requestBody").path("content");
            return content.has("application/merge-patch+json") ? "application/merge-patch+json" : "application/json";
        }

        boolean hasBody() {
            return node.has("requestBody");
        }

        /** A correct body: the operation would succeed with it (it is only ever sent with one defect). */
        ObjectNode validBody() {
            return body(method.equals("PATCH"));
        }

        /** A whole valid record of the collection, also as a merge patch. */
        ObjectNode fullBody() {
            return body(false);
        }

        private ObjectNode body(boolean patch) {
            String collection = path.split("/")[3];
            return switch (collection) {
                case "topics" -> patch ? object("name", "Renamed") : object("slug", unique("hostile-new"), "name", "New");
                case "participants" -> patch ? object("title", "Minister")
                        : object("name", "New One", "kind", "PERSON", "country", "CN", "externalId",
                                unique("hostile-new"));
                case "statements" -> patch ? object("text", "Nouveau texte.")
                        : object("eventId", fx.eventId(), "speakerId", fx.p1(), "text", "Texte.", "language", "fr",
                                "kind", "REPORTED", "sourceUrl", fx.sourceUrl(), "topics", List.of(fx.topicSlug()));
                case "events" -> patch ? object("title", "Renamed")
                        : event();
                case "import" -> object("topics", NODES.arrayNode().add(object("slug", fx.topicSlug(), "name",
                        "Topic " + fx.topicSlug())));
                case "backups" -> object("reason", "before a hostile test");
                case "snapshots" -> object("reason", "the data of a hostile test");
                case "drafts" -> object("text", "M. Wang a déclaré que la Chine était prête à coopérer.", "language",
                        "fr", "publishedAt", "2022-01-12");
                case "accounts" -> path.endsWith("/password") ? object("password", "another long secret")
                        : method.equals("PATCH") ? object("displayName", "Renamed", "roles", List.of("editor"),
                                "enabled", true)
                        : object("username", unique("hostile-new"), "password", "a long enough secret", "roles",
                                List.of("editor"));
                default -> throw new IllegalStateException(collection);
            };
        }

        /** The write schema of the body, or null. */
        JsonNode schema() {
            JsonNode content = node.path("requestBody").path("content");
            JsonNode schema = content.path("application/json").path("schema");
            return schema.isMissingNode() ? null : resolve(schema);
        }

        JsonNode resolve(JsonNode schema) {
            for (JsonNode alternative : schema.path("anyOf")) { // a property that may be null: its schema or null
                if (!"null".equals(alternative.path("type").asText())) {
                    return resolve(alternative);
                }
            }
            String ref = schema.path("$ref").asText("");
            return ref.isEmpty() ? schema : openApi.at(ref.substring(1));
        }
    }

    private ObjectNode event() {
        ObjectNode event = object("title", "New event", "type", "MEETING", "date", "2022-03-30");
        event.set("participants", NODES.arrayNode().add(object("participantId", fx.p1(), "role", "Host")));
        event.set("sources", NODES.arrayNode().add(object("url", "https://example.org/new", "publisher", "Xinhua")));
        event.set("location", object("country", "CN", "city", "Tunxi"));
        event.set("topics", NODES.arrayNode().add(fx.topicSlug()));
        event.set("subjectCountries", NODES.arrayNode().add("AF"));
        return event;
    }

    private static ObjectNode object(Object... keyValues) {
        ObjectNode node = NODES.objectNode();
        for (int i = 0; i < keyValues.length; i += 2) {
            node.set((String) keyValues[i], JSON.valueToTree(keyValues[i + 1]));
        }
        return node;
    }

    /** A parameter of a path template: {@code {id}}, {@code {sha256}}. */
    private static final String PARAMETER = "\\{[^}/]+\\}";

    /** Hostile values of a path id: none of them names a record. */
    private static final List<String> BAD_IDS = List.of("abc", "-1", "0", "99999999999999999999", "1.5", "1e3",
            "0x1F", "%27%20OR%20%271%27%3D%271", "1%20OR%201%3D1", "1%3BDROP%20TABLE%20event", "%7B%22id%22%3A1%7D",
            "..%2F..%2Fetc%2Fpasswd", "%2e%2e", "%00", "%ff%fe", "%ed%a0%80", "%e2%80%ae1", "1%0a", "%20");

    private void pathParameters(Operation op, Random random, List<Case> cases) {
        if (!op.path.contains("{")) {
            return;
        }
        List<String> ids = pick(BAD_IDS, 5, random);
        for (String id : ids) {
            String target = op.path.replaceAll(PARAMETER, id);
            cases.add(request("path-ids", op.method + " id=" + id, op, target, op.hasBody() ? op.validBody() : null));
        }
    }

    /** Hostile text for any parameter: injection, control and bidi characters, malformed UTF-8, size, traversal. */
    private static final List<String> HOSTILE = List.of(
            "' OR '1'='1", "1; DROP TABLE event; --", "x' UNION SELECT name FROM participant --",
            "1) or 1=1 or (1", "e.id desc, (select 1)", "from Event e where 1=1", "{\"$ne\": null}",
            "\",\"x\":\"", "[1,2]", "../../etc/passwd", "..\\..\\windows\\win.ini", "a\u0000b", "\u0007",
            "a\r\nSet-Cookie: x=1", "\u202eUR", "\u2066KZ\u2069", "ＣＮ", "9".repeat(40), "-" + "9".repeat(40),
            "x".repeat(4000), "1e309", "${jndi:ldap://127.0.0.1/x}", "<script>alert(1)</script>");
    /** Encoded as they stand (not re-encoded): bytes that are not UTF-8, a lone surrogate, overlong forms. */
    private static final List<String> RAW = List.of("%ff", "%c3%28", "%ed%a0%80", "%f4%90%80%80", "%c0%ae",
            "%e2%82", "%fe%ff", "%80");

    private void queryParameters(Operation op, Random random, List<Case> cases) {
        for (JsonNode parameter : op.node.path("parameters")) {
            JsonNode p = op.resolve(parameter);
            if (!"query".equals(p.path("in").asText())) {
                continue;
            }
            String name = p.path("name").asText();
            List<String> values = new ArrayList<>(pick(HOSTILE, PER_FIELD, random));
            values.addAll(pick(typed(p.path("schema")), 2, random));
            for (String hostile : values) {
                // a search for hostile text must find nothing: a word no record has makes sure of it (q=[1,2] finds
                // the words 1 and 2 wherever another test wrote them)
                String value = name.equals("q") ? "zqxjkv " + hostile : hostile;
                String query = name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
                cases.add(request("query-" + family(value), name + "=" + abbreviate(value, 30), op,
                        op.target() + "?" + query, op.hasBody() ? op.validBody() : null, expectation(name, value)));
            }
            for (String raw : pick(RAW, 2, random)) {
                cases.add(request("query-utf8", name + "=" + raw, op, op.target() + "?" + name + "=a" + raw,
                        op.hasBody() ? op.validBody() : null));
            }
            if (!"array".equals(p.path("schema").path("type").asText())) {
                String value = URLEncoder.encode(typedValid(name), StandardCharsets.UTF_8);
                cases.add(request("query-twice", name + " twice", op,
                        op.target() + "?" + name + "=" + value + "&" + name + "=" + value,
                        op.hasBody() ? op.validBody() : null));
            }
        }
    }

    /** A value the parameter accepts, to repeat. */
    private static String typedValid(String name) {
        return switch (name) {
            case "size" -> "10";
            case "page" -> "0";
            case "from", "to", "since", "asOf" -> "2022-01-01";
            case "dryRun", "covered" -> "true";
            case "format" -> "json";
            case "cursor" -> "*";
            case "countryRole" -> "any";
            case "interval" -> "year";
            case "kind" -> "PERSON";
            case "prefix", "cameo" -> "04";
            case "language" -> "fr";
            case "fields" -> "id";
            case "event", "speaker", "participant" -> "1";
            case "sort" -> "id";
            case "country" -> "CN";
            default -> "x";
        };
    }

    /** A schema's type, the one besides {@code null} when it is a list of them (OpenAPI 3.1: may be null). */
    private static String type(JsonNode schema, String otherwise) {
        JsonNode type = schema.path("type");
        for (JsonNode one : type) {
            if (!one.asText().equals("null")) {
                return one.asText();
            }
        }
        return type.isTextual() ? type.asText() : otherwise;
    }

    /** Values wrong for the parameter's declared type. */
    private static List<String> typed(JsonNode schema) {
        String type = schema.path("type").asText();
        if (type.equals("array")) {
            type = schema.path("items").path("type").asText("string");
        }
        return switch (type) {
            case "integer" -> List.of("abc", "-1", "1.5", "2147483648", "0x10");
            case "boolean" -> List.of("yes", "1", "TRUE!");
            default -> List.of("2022-13-45", "+999999999-01-01", "NOPE!");
        };
    }

    /** Free text may be searched for: the only place where a hostile value can be answered with a 200. */
    private static Expect expectation(String name, String value) {
        boolean control = value.chars().anyMatch(c -> Character.getType(c) == Character.CONTROL);
        if (name.equals("q") && !control && value.length() <= 500 && !value.isBlank()) {
            return Expect.NOTHING_FOUND;
        }
        if (name.equals("topic") && value.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            return Expect.NOTHING_FOUND; // a slug no topic has
        }
        return Expect.PROBLEM;
    }

    private static String family(String value) {
        if (value.chars().anyMatch(c -> Character.getType(c) == Character.CONTROL)) {
            return "control";
        }
        if (value.chars().anyMatch(c -> c >= 0x2066 && c <= 0x2069 || c >= 0x202a && c <= 0x202e || c >= 0xff00)) {
            return "bidi";
        }
        if (value.length() >= 40) {
            return "huge";
        }
        if (value.contains("'") || value.contains("select") || value.contains("SELECT") || value.contains("$")
                || value.contains("\"") || value.contains("where") || value.contains("(")) {
            return "injection";
        }
        if (value.contains("..")) {
            return "traversal";
        }
        return "type";
    }

    private void bodies(Operation op, Random random, List<Case> cases) throws Exception {
        if (!op.hasBody()) {
            return;
        }
        String target = op.target();
        String type = op.mediaType();
        // the whole body
        List<byte[]> wholes = new ArrayList<>(List.of(bytes("null"), bytes("[]"), bytes("\"x\""), bytes("5"),
                bytes("{"), bytes("{}}"), bytes("{\"a\":1,}"), bytes("{'a': 1}"), nested(1500, '[', ']'),
                nested(1500, '{', '}'), bytes("{\"n\": 1" + "0".repeat(2000) + "}"),
                bytes("{\"x\": \"" + "a".repeat(1_100_000) + "\"}"),
                new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xff, '"', '}'},
                "{\"a\": 1}".getBytes(StandardCharsets.UTF_16), new byte[] {'{', 0, '}'}));
        if (!op.method.equals("PATCH") && !op.path.endsWith("/import") && !op.path.endsWith("/snapshots")) {
            wholes.add(bytes("{}")); // an empty merge patch or import changes nothing, a snapshot needs nothing
        }
        for (byte[] whole : wholes) {
            cases.add(new Case("body-whole", abbreviate(new String(whole, StandardCharsets.ISO_8859_1), 30), op.method,
                    bytes(target), headers(type, true), whole, Expect.PROBLEM));
        }
        // an unknown field, and a known field twice
        ObjectNode extra = op.validBody();
        extra.put("unknownField", 1);
        cases.add(json("body-extra", "unknown field", op, target, type, extra));
        ObjectNode proto = op.validBody();
        proto.set("__proto__", object("admin", true));
        cases.add(json("body-extra", "__proto__", op, target, type, proto));
        String valid = text(op.validBody());
        String firstField = valid.substring(1, valid.indexOf(',') > 0 ? valid.indexOf(',') : valid.length() - 1);
        cases.add(new Case("body-extra", "duplicate key", op.method, bytes(target), headers(type, true),
                bytes("{" + firstField + "," + valid.substring(1)), Expect.PROBLEM));
        // every field of the write schema, and of the objects inside it
        JsonNode schema = op.schema();
        if (schema == null) {
            return;
        }
        if (op.path.endsWith("/import")) {
            importDocuments(op, schema, random, cases);
            return;
        }
        for (Mutation m : mutations(op, schema, "", random)) {
            if (op.method.equals("PATCH") && m.value() == null && m.raw() == null && !m.required()) {
                continue; // a merge patch's null removes an optional field: not an error
            }
            // a PATCH sends a whole valid record as its merge patch, so that the field changed is the only defect
            byte[] sent = m.apply(op.fullBody());
            cases.add(new Case("body-" + m.kind(), String.join(".", m.path()) + "=" + m.label(), op.method,
                    bytes(target), headers(type, true), sent, Expect.PROBLEM));
        }
    }

    /** One defect of one field: its path in the body, and the value (or bytes) put there. */
    record Mutation(String kind, String[] path, JsonNode value, String raw, String label, boolean required,
            boolean remove) {

        byte[] apply(ObjectNode body) {
            ObjectNode copy = body.deepCopy();
            JsonNode parent = copy;
            for (int i = 0; i < path.length - 1; i++) {
                JsonNode next = parent.path(path[i]);
                if (next.isArray()) {
                    next = next.path(0);
                }
                if (!next.isObject()) {
                    ObjectNode created = NODES.objectNode();
                    if (parent.path(path[i]).isArray()) {
                        ((ArrayNode) parent.path(path[i])).add(created);
                    } else {
                        ((ObjectNode) parent).set(path[i], created);
                    }
                    next = created;
                }
                parent = next;
            }
            String field = path[path.length - 1];
            if (remove) {
                ((ObjectNode) parent).remove(field);
                return bytes(text(copy));
            }
            if (raw == null) {
                ((ObjectNode) parent).set(field, value == null ? NODES.nullNode() : value);
                return bytes(text(copy));
            }
            // raw bytes (malformed UTF-8) go in place of a marker, since no JSON tree can hold them
            ((ObjectNode) parent).put(field, "@@RAW@@");
            String text = text(copy);
            int at = text.indexOf("@@RAW@@");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
            out.writeBytes(raw.getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(text.substring(at + 7).getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        }
    }

    /** Names of string fields whose values are codes, keys or references: hostile text can never be one. */
    private static final Set<String> CONSTRAINED = Set.of("slug", "country", "subjectCountries", "language",
            "sourceUrl", "url", "wikidataId", "cameoCode", "ploverMode", "topics", "participant", "speaker", "event");

    private List<Mutation> mutations(Operation op, JsonNode schema, String prefix, Random random) {
        List<Mutation> out = new ArrayList<>();
        Set<String> required = new java.util.HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            String name = property.getKey();
            JsonNode p = property.getValue();
            if (p.path("readOnly").asBoolean()) {
                continue;
            }
            String[] path = prefix.isEmpty() ? new String[] {name} : new String[] {prefix, name};
            boolean isRequired = required.contains(name);
            JsonNode resolved = op.resolve(p);
            String type = type(resolved, type(p, "object"));
            List<Mutation> field = new ArrayList<>();
            if (isRequired) {
                field.add(new Mutation("null", path, null, null, "null", true, false));
                field.add(new Mutation("missing", path, null, null, "missing", true, true));
            }
            switch (type) {
                case "string" -> {
                    field.add(value("type", path, 5, isRequired));
                    field.add(value("type", path, true, isRequired));
                    field.add(new Mutation("type", path, NODES.arrayNode(), null, "[]", isRequired, false));
                    field.add(new Mutation("type", path, NODES.objectNode(), null, "{}", isRequired, false));
                    field.add(value("control", path, "a\u0000b", isRequired));
                    field.add(value("control", path, "bell\u0007", isRequired));
                    field.add(value("surrogate", path, "\ud800", isRequired));
                    field.add(value("surrogate", path, "x\udc00\ud800", isRequired));
                    field.add(new Mutation("utf8", path, null, "\"\u00ed\u00a0\u0080\"", "raw ED A0 80", isRequired,
                            false));
                    field.add(new Mutation("utf8", path, null, "\"\u00c0\u00af\"", "raw C0 AF", isRequired, false));
                    field.add(new Mutation("utf8", path, null, "\"\u00ff\"", "raw FF", isRequired, false));
                    int max = resolved.path("maxLength").asInt(p.path("maxLength").asInt(0));
                    if (max > 0) {
                        field.add(value("huge", path, "a".repeat(max + 1), isRequired));
                    }
                    String pattern = p.path("pattern").asText("");
                    if (isRequired || pattern.equals("\\S")) {
                        field.add(value("empty", path, "", isRequired));
                        field.add(value("empty", path, " \t ", isRequired));
                    }
                    if (CONSTRAINED.contains(name) || resolved.has("enum") || p.has("format")
                            || !pattern.isEmpty() && !pattern.equals("\\S") && !name.equals("externalId")) {
                        for (String hostile : pick(HOSTILE, 4, random)) {
                            boolean fits = !pattern.isEmpty() && Pattern.compile(pattern).matcher(hostile).find();
                            if (!fits && hostile.chars().noneMatch(c -> Character.getType(c) == Character.CONTROL)) {
                                field.add(value(family(hostile), path, hostile, isRequired));
                            }
                        }
                        field.add(value("bidi", path, "\u202e" + name, isRequired));
                        if (p.has("format")) {
                            field.add(value("huge", path, "+999999999-12-31", isRequired));
                            field.add(value("huge", path, "0000-01-01", isRequired));
                            field.add(value("type", path, "2022-02-30", isRequired));
                        }
                    }
                }
                case "integer" -> {
                    field.add(value("type", path, "1", isRequired));
                    field.add(value("type", path, 1.5, isRequired));
                    field.add(value("type", path, true, isRequired));
                    field.add(new Mutation("type", path, NODES.arrayNode(), null, "[]", isRequired, false));
                    field.add(new Mutation("huge", path, null, "99999999999999999999", "10^20", isRequired, false));
                    field.add(new Mutation("huge", path, null, "1e400", "1e400", isRequired, false));
                    if (!name.equals("version") || !op.method.equals("POST")) {
                        field.add(value("negative", path, -1, isRequired)); // a version is only checked on change
                        field.add(value("negative", path, Long.MIN_VALUE, isRequired));
                    }
                }
                case "number" -> {
                    field.add(value("type", path, "1", isRequired));
                    field.add(value("type", path, true, isRequired));
                    field.add(new Mutation("huge", path, null, "1e400", "1e400", isRequired, false));
                    field.add(new Mutation("huge", path, null, "-1e400", "-1e400", isRequired, false));
                    field.add(value("negative", path, -10.5, isRequired));
                    field.add(value("huge", path, 10.5, isRequired));
                }
                case "array" -> {
                    field.add(value("type", path, "x", isRequired));
                    field.add(value("type", path, 5, isRequired));
                    field.add(new Mutation("type", path, NODES.objectNode(), null, "{}", isRequired, false));
                    field.add(new Mutation("null", path, NODES.arrayNode().addNull(), null, "[null]", isRequired,
                            false));
                    field.add(new Mutation("nesting", path, null, new String(nested(1500, '[', ']'),
                            StandardCharsets.ISO_8859_1), "1500 deep", isRequired, false));
                    int maxItems = p.path("maxItems").asInt(0);
                    JsonNode items = op.resolve(p.path("items"));
                    if (maxItems > 0) {
                        ArrayNode many = NODES.arrayNode();
                        JsonNode item = items.path("type").asText("object").equals("string") ? NODES.textNode("a")
                                : NODES.objectNode();
                        for (int i = 0; i <= maxItems; i++) {
                            many.add(item);
                        }
                        field.add(new Mutation("huge", path, many, null, (maxItems + 1) + " items", isRequired, false));
                    }
                    if (p.path("minItems").asInt(0) > 0) {
                        field.add(new Mutation("empty", path, NODES.arrayNode(), null, "[]", isRequired, false));
                    }
                    if ("string".equals(items.path("type").asText())) {
                        // hostile text is only wrong in a list of codes; aliases may say anything printable
                        for (String hostile : CONSTRAINED.contains(name) ? List.of("\u0000", "\ud800", "", "' OR '1'='1",
                                "\u202eUR") : List.of("\u0000", "\ud800", "")) {
                            field.add(new Mutation(hostile.isEmpty() ? "empty" : family(hostile), path,
                                    NODES.arrayNode().add(hostile), null, "[" + abbreviate(hostile, 10) + "]",
                                    isRequired, false));
                        }
                    } else if (items.has("properties") && prefix.isEmpty()) {
                        out.addAll(mutations(op, items, name, random));
                    }
                }
                default -> { // an object
                    field.add(value("type", path, "x", isRequired));
                    field.add(new Mutation("type", path, NODES.arrayNode(), null, "[]", isRequired, false));
                    field.add(new Mutation("extra", path, object("unknownField", 1), null, "{unknownField}",
                            isRequired, false));
                    if (resolved.has("properties") && prefix.isEmpty()) {
                        out.addAll(mutations(op, resolved, name, random));
                    }
                }
            }
            // every field, a few of its defects: another few in each round of the long form
            List<Mutation> always = field.stream().filter(m -> m.kind().equals("null") || m.kind().equals("missing"))
                    .toList();
            out.addAll(always);
            out.addAll(pick(field.stream().filter(m -> !always.contains(m)).toList(), PER_FIELD, random));
        }
        return out;
    }

    private static Mutation value(String kind, String[] path, Object value, boolean required) {
        return new Mutation(kind, path, JSON.valueToTree(value), null, abbreviate(String.valueOf(value), 20),
                required, false);
    }

    /** Import documents and NDJSON lines, each with one defect in one record. */
    private void importDocuments(Operation op, JsonNode schema, Random random, List<Case> cases) throws Exception {
        Map<String, ObjectNode> records = new LinkedHashMap<>();
        records.put("participants", object("externalId", fx.p1ExternalId(), "name", "One", "kind", "PERSON",
                "country", "CN"));
        records.put("topics", object("slug", fx.topicSlug(), "name", "Topic"));
        ObjectNode importEvent = object("externalId", fx.eventExternalId(), "title", "Hostile fixture", "type",
                "MEETING", "date", "2022-03-30");
        importEvent.set("participants", NODES.arrayNode().add(object("participant", fx.p1ExternalId())));
        records.put("events", importEvent);
        records.put("statements", object("event", fx.eventExternalId(), "speaker", fx.p1ExternalId(), "text", "Texte.",
                "language", "fr", "kind", "REPORTED"));
        int line = 0;
        for (Map.Entry<String, ObjectNode> record : records.entrySet()) {
            JsonNode itemSchema = op.resolve(schema.path("properties").path(record.getKey()).path("items"));
            List<Mutation> all = mutations(op, itemSchema, "", random);
            Collections.shuffle(all, random);
            for (Mutation m : all.subList(0, Math.min(all.size(), 15))) {
                byte[] item = m.apply(record.getValue());
                byte[] document = concat(bytes("{\"" + record.getKey() + "\": ["), item, bytes("]}"));
                cases.add(new Case("import-json", record.getKey() + "." + String.join(".", m.path()) + "=" + m.label(),
                        "POST", bytes(op.target()), headers("application/json", true), document, Expect.PROBLEM));
                if (line++ % 3 == 0) {
                    ObjectNode withCollection = record.getValue().deepCopy();
                    withCollection.put("collection", record.getKey());
                    byte[] ndjson = m.apply(withCollection);
                    cases.add(new Case("import-ndjson", record.getKey() + "." + String.join(".", m.path()) + "="
                            + m.label(), "POST", bytes(op.target()), headers("application/x-ndjson", true), ndjson,
                            Expect.PROBLEM));
                }
            }
        }
        for (String lines : List.of("not json\n", "{\"collection\": \"nope\"}\n", "{\"slug\": \"x\"}\n",
                "[1, 2]\n", "{\"collection\": \"topics\", \"slug\": \"a\"}\n{\"collection\": \"topics\"",
                "{\"collection\": [\"topics\"], \"slug\": \"a\", \"name\": \"a\"}\n")) {
            cases.add(new Case("import-ndjson", abbreviate(lines, 30), "POST", bytes(op.target()),
                    headers("application/x-ndjson", true), bytes(lines), Expect.PROBLEM));
        }
        cases.add(new Case("import-ndjson", "raw FF", "POST", bytes(op.target()), headers("application/x-ndjson", true),
                concat(bytes("{\"collection\": \"topics\", \"slug\": \"" + fx.topicSlug() + "\", \"name\": \""),
                        new byte[] {(byte) 0xff}, bytes("\"}\n")), Expect.PROBLEM));
        cases.add(new Case("import-ndjson", "1500 deep", "POST", bytes(op.target()),
                headers("application/x-ndjson", true), nested(1500, '{', '}'), Expect.PROBLEM));
    }

    /** Every write with no, wrong and insufficient credentials, and a body that would otherwise succeed. */
    private void credentials(Operation op, List<Case> cases) throws Exception {
        if (!op.write) {
            return;
        }
        Map<String, String> variants = new LinkedHashMap<>();
        variants.put("none", null);
        variants.put("wrong password", basic("editor:wrong"));
        variants.put("unknown user", basic("mallory:test-editor-secret"));
        variants.put("empty password", basic("editor:"));
        variants.put("no colon", basic("editor"));
        variants.put("empty basic", "Basic ");
        variants.put("not base64", "Basic %%%");
        variants.put("other scheme", "Digest username=\"editor\"");
        variants.put("bearer garbage", "Bearer not.a.token");
        variants.put("bearer empty", "Bearer ");
        variants.put("bearer alg none", "Bearer eyJhbGciOiJub25lIn0.eyJ1cG4iOiJ4IiwiZ3JvdXBzIjpbImVkaXRvciJdfQ.");
        variants.put("bearer expired", "Bearer " + Jwt.issuer(ISSUER).upn("ana").groups(Set.of("editor"))
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign());
        variants.put("bearer other issuer", "Bearer " + Jwt.issuer("https://elsewhere.example").upn("ana")
                .groups(Set.of("editor")).expiresIn(600).sign());
        KeyPairGenerator keys = KeyPairGenerator.getInstance("RSA");
        keys.initialize(2048);
        variants.put("bearer other key", "Bearer " + Jwt.issuer(ISSUER).upn("ana").groups(Set.of("editor"))
                .expiresIn(600).sign(keys.generateKeyPair().getPrivate()));
        variants.put("bearer no role", "Bearer " + Jwt.issuer(ISSUER).upn("visitor").groups(Set.of("reader"))
                .expiresIn(600).sign());
        variants.put("bearer no groups", "Bearer " + Jwt.issuer(ISSUER).upn("visitor").groups(Set.<String>of())
                .expiresIn(600).sign());
        for (Map.Entry<String, String> variant : variants.entrySet()) {
            if (variant.getKey().startsWith("bearer no ") && !op.node.path("responses").has("403")) {
                continue; // any signed-in user may (GET /api/v1/accounts/me): a valid token without roles is one
            }
            Map<String, byte[]> headers = new LinkedHashMap<>();
            if (op.hasBody()) {
                headers.put("Content-Type", bytes(op.mediaType()));
            }
            if (variant.getValue() != null) {
                headers.put("Authorization", bytes(variant.getValue()));
            }
            byte[] body = op.hasBody() ? bytes(text(op.validBody())) : null;
            cases.add(new Case("credentials", variant.getKey(), op.method, bytes(op.target()), headers, body,
                    Expect.PROBLEM));
        }
    }

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    /** Bodies that would succeed, sent with a missing or wrong Content-Type. */
    private void contentTypes(Operation op, List<Case> cases) {
        if (!op.hasBody()) {
            return;
        }
        List<String> types = new ArrayList<>(List.of("", "text/plain", "application/xml",
                "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "garbage", "application/*",
                "application/json; charset=ISO-8859-1", "text/csv"));
        types.add(op.method.equals("PATCH") ? "application/json" : "application/merge-patch+json");
        if (!op.path.endsWith("/import")) {
            types.add("application/x-ndjson");
        }
        for (String type : types) {
            Map<String, byte[]> headers = headers(type.isEmpty() ? null : type, true);
            byte[] body = bytes(text(op.validBody()));
            if (type.contains("ISO-8859-1")) { // a Latin-1 é: the body is not the UTF-8 that JSON is
                body = concat(bytes(text(op.validBody()).replaceFirst("\\}$", ", \"x\": \"")),
                        new byte[] {(byte) 0xe9}, bytes("\"}"));
            }
            if (type.startsWith("multipart")) {
                body = bytes("--x\r\nContent-Disposition: form-data\r\n\r\n" + op.validBody() + "\r\n--x--\r\n");
            }
            cases.add(new Case("content-type", type.isEmpty() ? "(none)" : type, op.method, bytes(op.target()),
                    headers, body, Expect.PROBLEM));
        }
    }

    /** Methods the document does not list for a path. */
    private void methods(String path, JsonNode operations, List<Case> cases) {
        Operation any = null;
        for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE", "TRACE", "FOO")) {
            if (operations.has(method.toLowerCase())) {
                continue;
            }
            if (any == null) {
                Map.Entry<String, JsonNode> first = operations.fields().next();
                any = new Operation(path, first.getKey().toUpperCase(), first.getValue(), null);
            }
            boolean body = List.of("POST", "PUT", "PATCH").contains(method);
            cases.add(new Case("methods", method + " " + path, method, bytes(any.target()), headers(
                    body ? "application/json" : null, true), body ? bytes("{}") : null, Expect.PROBLEM));
        }
    }

    private void headers(Random random, List<Case> cases) {
        List<String> reads = List.of("/api/v1/events", "/api/v1/statements/" + fx.statementId(), "/api/v1/topics",
                "/api/v1/stats/dyads", "/api/v1/changes");
        for (String path : reads) {
            for (int size : List.of(17_000, 40_000, 60_000)) {
                Map<String, byte[]> big = new LinkedHashMap<>();
                big.put("X-Big", bytes("a".repeat(size)));
                cases.add(new Case("headers", "X-Big " + size, "GET", bytes(path), big, null, Expect.PROBLEM));
            }
            Map<String, byte[]> many = new LinkedHashMap<>();
            for (int i = 0; i < 300; i++) {
                many.put("X-Many-" + i, bytes("b".repeat(60)));
            }
            cases.add(new Case("headers", "300 headers", "GET", bytes(path), many, null, Expect.PROBLEM));
            cases.add(new Case("headers", "query 9000", "GET", bytes(path + "?q=" + "a".repeat(9000)), Map.of(), null,
                    Expect.PROBLEM));
            cases.add(new Case("headers", "Accept xml", "GET", bytes(path), Map.of("Accept", bytes("application/xml")),
                    null, Expect.PROBLEM));
        }
        // writes: stale and malformed If-Match, another page's origin
        String event = "/api/v1/events/" + fx.eventId();
        for (String tag : List.of("\"stale\"", "garbage", "W/\"x\"", "\"\"", "\"" + "a".repeat(5000) + "\"")) {
            Map<String, byte[]> h = headers("application/merge-patch+json", true);
            h.put("If-Match", bytes(tag));
            cases.add(new Case("headers", "If-Match " + abbreviate(tag, 12), "PATCH", bytes(event), h,
                    bytes("{\"title\": \"Changed\"}"), Expect.PROBLEM));
            Map<String, byte[]> d = headers(null, true);
            d.put("If-Match", bytes(tag));
            cases.add(new Case("headers", "If-Match " + abbreviate(tag, 12), "DELETE", bytes(event), d, null,
                    Expect.PROBLEM));
        }
        for (String origin : List.of("https://evil.example", "null", "http://localhost.evil.example")) {
            Map<String, byte[]> h = headers("application/merge-patch+json", true);
            h.put("Origin", bytes(origin));
            cases.add(new Case("headers", "Origin " + origin, "PATCH", bytes(event), h,
                    bytes("{\"title\": \"Changed\"}"), Expect.PROBLEM));
        }
        Map<String, byte[]> length = headers("application/json", true);
        length.put("Content-Length", bytes("99999999999"));
        cases.add(new Case("headers", "Content-Length huge", "POST", bytes("/api/v1/topics"), length,
                bytes("{\"slug\":\"x\",\"name\":\"x\"}"), Expect.PROBLEM));
    }

    private void traversal(List<Case> cases) {
        for (String path : List.of("/api/v1/../../etc/passwd", "/api/v1/%2e%2e/%2e%2e/etc/passwd",
                "/api/v1/events/..%2f..%2fq%2fhealth", "/api/v1/events/1/..;/2", "/api/v1/events/%2e%2e",
                "/api/v2/events", "/api/v1/eventsX", "/api/v1/events/1/revisions/2", "/api/v1/%00",
                "/api/v1/events%00", "/api/v1/events/1%2f..", "/api/v1/import/../../../etc/passwd",
                "/api/v1/events/1/../../../../etc/shadow", "/api/v1/%ff%fe", "/api/v1/events/%ed%a0%80",
"/api/v1/" + "a".repeat(5000), "/api/v1/events/" + "1/".repeat(500),
                               "/api/v1/events/1%00.json", "/api/v1/codes/cameo/..%2f..%2fevents")) {
            cases.add(new Case("paths", path.length() > 60 ? path.substring(0, 60) : path, "GET", bytes(path),
                    Map.of(), null, Expect.PROBLEM));
            cases.add(new Case("paths", "DELETE " + abbreviate(path, 60), "DELETE", bytes(path), headers(null, true),
                    null, Expect.PROBLEM));
        }
    }

    /** Requests the HTTP parser refuses before any application code runs. */
    private void httpSyntax(List<Case> cases) {
        Map<String, byte[]> control = new LinkedHashMap<>();
        control.put("If-None-Match", new byte[] {'"', 1, '"'});
        cases.add(new Case("http-syntax", "control in header", "GET", bytes("/api/v1/events"), control, null,
                Expect.TRANSPORT));
        Map<String, byte[]> huge = new LinkedHashMap<>();
        huge.put("X-Huge", bytes("a".repeat(70_000)));
        cases.add(new Case("http-syntax", "header over 64 KB", "GET", bytes("/api/v1/events"), huge, null,
                Expect.TRANSPORT));
        cases.add(new Case("http-syntax", "request line over 16 KB", "GET",
                bytes("/api/v1/events?q=" + "a".repeat(17_000)), Map.of(), null, Expect.TRANSPORT));
        for (String escape : List.of("%zz", "%", "%4")) { // Vert.x refuses malformed escapes in a request's target
            cases.add(new Case("http-syntax", "escape " + escape, "GET", bytes("/api/v1/events?q=a" + escape),
                    Map.of(), null, Expect.TRANSPORT));
        }
        cases.add(new Case("http-syntax", "backslashes", "GET", bytes("/api/v1/events/..\\..\\"), Map.of(), null,
                Expect.TRANSPORT));
        cases.add(new Case("http-syntax", "space in target", "GET", bytes("/api/v1/events /x"), Map.of(), null,
                Expect.TRANSPORT));
        Map<String, byte[]> badName = new LinkedHashMap<>();
        badName.put("Bad Header", bytes("x"));
        cases.add(new Case("http-syntax", "space in header name", "GET", bytes("/api/v1/events"), badName, null,
                Expect.TRANSPORT));
        Map<String, byte[]> utf8 = new LinkedHashMap<>();
        utf8.put("Authorization", new byte[] {'B', 'a', 's', 'i', 'c', ' ', (byte) 0xff, (byte) 0xfe});
        cases.add(new Case("http-syntax", "non-ASCII credentials", "POST", bytes("/api/v1/topics"), utf8,
                bytes("{}"), Expect.TRANSPORT));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Helpers

    private Case request(String family, String label, Operation op, String target, ObjectNode body) {
        return request(family, label, op, target, body, Expect.PROBLEM);
    }

    private Case request(String family, String label, Operation op, String target, ObjectNode body, Expect expect) {
        return new Case(family, label, op.method, bytes(target), headers(body == null ? null : op.mediaType(),
                op.write), body == null ? null : bytes(text(body)), expect);
    }

    private static Map<String, byte[]> headers(String contentType, boolean editor) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        if (contentType != null) {
            headers.put("Content-Type", bytes(contentType));
        }
        if (editor) {
            headers.put("Authorization", bytes(basic(Api.EDITOR + ":" + Api.PASSWORD)));
        }
        return headers;
    }

    private static Case json(String family, String label, Operation op, String target, String type, ObjectNode body) {
        return new Case(family, label, op.method, bytes(target), headers(type, true), bytes(text(body)),
                Expect.PROBLEM);
    }

    private static String text(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] nested(int depth, char open, char close) {
        String inner = open == '{' ? "{\"a\":" : String.valueOf(open);
        return bytes(inner.repeat(depth) + "1" + String.valueOf(close).repeat(depth));
    }

    private static <T> List<T> pick(List<T> from, int count, Random random) {
        List<T> copy = new ArrayList<>(from);
        Collections.shuffle(copy, random);
        return copy.subList(0, Math.min(count, copy.size()));
    }

    /** The text with control characters and halves of surrogate pairs shown as '?', so that reports stay readable. */
    private static String abbreviate(String text, int max) {
        String visible = Pattern.compile("[\\p{Cntrl}\\p{Cs}]").matcher(text).replaceAll("?");
        return visible.length() <= max ? visible : visible.substring(0, max) + "...";
    }
}
