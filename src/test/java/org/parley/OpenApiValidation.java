package org.parley;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Holds every exchange of the REST Assured suites to the live OpenAPI document ({@code /q/openapi}) of the instance
 * it went to: the request (its path, query and header parameters and its body) and the response (its status, media
 * type and body) must be what the document says. Installed for every test by {@link Api}; any drift fails the test
 * whose exchange showed it.
 *
 * <p>A request the server refuses (4xx) may break the request schema, since telling such requests apart is what the
 * refusal is for; its response must still be documented. Exchanges with paths that the document does not describe
 * ({@code /q/health}, test probes) are counted apart. The counts are appended to
 * {@code target/openapi-validation.txt} when the JVM ends.
 *
 * <p>Written here because no validator of OpenAPI 3.1 exchanges runs on this Vert.x (vertx-openapi needs Vert.x 5,
 * swagger-request-validator reads 3.0 only): the schemas are checked by networknt's JSON Schema validator in its
 * OpenAPI 3.1 dialect, and only matching an exchange to its operation is done here.
 */
public final class OpenApiValidation implements Filter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TEMPLATE = Pattern.compile("\\{[^}/]+}");
    private static final Map<String, Contract> CONTRACTS = new ConcurrentHashMap<>();
    private static final AtomicLong VALIDATED = new AtomicLong();
    private static final AtomicLong REFUSED = new AtomicLong();
    private static final AtomicLong UNDOCUMENTED = new AtomicLong();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(OpenApiValidation::report));
    }

    private final Contract fixed;

    /** Holds each exchange to the document of the instance it went to, read once per instance. */
    public OpenApiValidation() {
        this.fixed = null;
    }

    /** Holds each exchange to the given document (the tests of this filter give it documents with drift). */
    public OpenApiValidation(JsonNode document) {
        this.fixed = new Contract(document);
    }

    /** The live document of the instance at {@code origin} ({@code http://host:port}), as the filter reads it. */
    public static JsonNode liveDocument(String origin) {
        return CONTRACTS.computeIfAbsent(origin, Contract::load).document.deepCopy();
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response response = context.next(request, responseSpec);
        URI uri = URI.create(request.getURI());
        Contract contract = fixed != null ? fixed
                : CONTRACTS.computeIfAbsent(uri.getScheme() + "://" + uri.getAuthority(), Contract::load);
        List<String> violations = contract.check(request, uri, response);
        if (!violations.isEmpty()) {
            String message = "The exchange " + request.getMethod() + " " + uri
                    + " does not match the OpenAPI document:\n  " + String.join("\n  ", violations)
                    + "\nResponse " + response.getStatusCode() + ": " + abbreviate(response.asString());
            if (fixed != null || !Boolean.getBoolean("parley.openapi.survey")) {
                throw new AssertionError(message);
            }
            // -Dparley.openapi.survey=true: every drift of a whole run listed at once, none failing its test
            write("openapi-violations.txt", message + "\n\n");
        }
        return response;
    }

    /**
     * Loads {@link Api}, which installs the filter, in the class loader of each test class before its tests run:
     * a test that calls REST Assured before it uses {@code Api} is validated too, and a {@code @QuarkusTest}'s
     * REST Assured is the one of its application's class loader.
     */
    public static final class Install implements BeforeAllCallback {

        @Override
        public void beforeAll(ExtensionContext context) throws ClassNotFoundException {
            Class.forName(Api.class.getName(), true, context.getRequiredTestClass().getClassLoader());
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 2000 ? text.substring(0, 2000) + "…" : text;
    }

    private static void report() {
        write("openapi-validation.txt", "validated=" + VALIDATED.get() + " refused=" + REFUSED.get()
                + " undocumented-paths=" + UNDOCUMENTED.get() + "\n");
    }

    private static synchronized void write(String name, String text) {
        try {
            Path file = Path.of("target", name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("could not write target/" + name + ": " + e);
        }
    }

    /** The document of one instance, its operations matched by path template, its schemas ready to validate. */
    private static final class Contract {

        private static final String BASE = "https://parley.test/openapi.json";

        private final JsonNode document;
        private final SchemaRegistry registry;
        private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
        private final Map<Pattern, String> templates = new LinkedHashMap<>();
        /** The names of each template's path parameters, in the order of the regex groups. */
        private final Map<String, List<String>> pathParameters = new HashMap<>();

        Contract(JsonNode document) {
            this.document = document;
            String text = document.toString();
            this.registry = SchemaRegistry.withDialect(Dialects.getOpenApi31(),
                    builder -> builder.schemas(Map.of(BASE, text)));
            // literal paths before templated ones, so that /events/{id}/revisions never takes /events/x/revisions
            List<String> paths = new ArrayList<>();
            document.path("paths").fieldNames().forEachRemaining(paths::add);
            paths.sort((a, b) -> Long.compare(TEMPLATE.matcher(a).results().count(),
                    TEMPLATE.matcher(b).results().count()));
            for (String path : paths) {
                StringBuilder regex = new StringBuilder();
                Matcher m = TEMPLATE.matcher(path);
                int last = 0;
                while (m.find()) {
                    regex.append(Pattern.quote(path.substring(last, m.start()))).append("([^/]+)");
                    last = m.end();
                }
                regex.append(Pattern.quote(path.substring(last)));
                templates.put(Pattern.compile(regex.toString()), path);
                pathParameters.put(path, TEMPLATE.matcher(path).results()
                        .map(r -> path.substring(r.start() + 1, r.end() - 1)).toList());
            }
        }

        static Contract load(String origin) {
            try {
                HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(origin + "/q/openapi?format=json")).build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException("no OpenAPI document at " + origin + ": " + answer.statusCode());
                }
                return new Contract(JSON.readTree(answer.body()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        List<String> check(FilterableRequestSpecification request, URI uri, Response response) {
            String method = request.getMethod().toLowerCase();
            String template = null;
            Matcher match = null;
            for (var entry : templates.entrySet()) {
                Matcher m = entry.getKey().matcher(uri.getRawPath());
                if (m.matches()) {
                    template = entry.getValue();
                    match = m;
                    break;
                }
            }
            List<String> violations = new ArrayList<>();
            JsonNode pathItem = template == null ? null : document.path("paths").path(template);
            String operationMethod = method.equals("head") ? "get" : method;
            JsonNode operation = pathItem == null ? null : pathItem.path(operationMethod);
            int status = response.getStatusCode();
            if (operation == null || operation.isMissingNode()) {
                // OPTIONS is CORS preflight, answered by the edge for every path: no API operation to document
                if (uri.getRawPath().startsWith("/api/") && status < 400 && !method.equals("options")) {
                    violations.add(request.getMethod() + " " + uri.getRawPath() + " answered " + status
                            + " but the document has no such operation");
                } else {
                    UNDOCUMENTED.incrementAndGet();
                }
                return violations;
            }
            List<String> requestViolations = new ArrayList<>();
            String at = "#/paths/" + escape(template);
            checkParameters(request, uri, template, match, at, operationMethod, requestViolations);
            checkRequestBody(request, operation, at + "/" + operationMethod, requestViolations);
            if (status < 400) {
                violations.addAll(requestViolations);
            }
            checkResponse(method, operation, at + "/" + operationMethod, response, violations);
            (status >= 400 ? REFUSED : VALIDATED).incrementAndGet();
            return violations;
        }

        private void checkParameters(FilterableRequestSpecification request, URI uri, String template, Matcher match,
                String pathPointer, String operationMethod, List<String> violations) {
            Map<String, List<String>> query = new QueryStringDecoder(uri).parameters();
            List<String> names = pathParameters.get(template);
            Map<String, JsonNode> parameters = new LinkedHashMap<>(); // pointer to each parameter
            for (String at : List.of(pathPointer, pathPointer + "/" + operationMethod)) {
                JsonNode list = document.at(at.substring(1)).path("parameters");
                for (int i = 0; i < list.size(); i++) {
                    parameters.put(pointer(list.get(i), at + "/parameters/" + i), resolve(list.get(i)));
                }
            }
            for (var entry : parameters.entrySet()) {
                JsonNode parameter = entry.getValue();
                String name = parameter.path("name").asText();
                String in = parameter.path("in").asText();
                List<String> values = switch (in) {
                    case "path" -> names.contains(name)
                            ? List.of(QueryStringDecoder.decodeComponent(match.group(names.indexOf(name) + 1)))
                            : List.of();
                    case "query" -> query.getOrDefault(name, List.of());
                    case "header" -> request.getHeaders().getValues(name);
                    default -> List.of();
                };
                if (values.isEmpty()) {
                    if (parameter.path("required").asBoolean()) {
                        violations.add("the required " + in + " parameter " + name + " is missing");
                    }
                    continue;
                }
                JsonNode schema = resolve(parameter.path("schema"));
                JsonNode value = schema.path("type").asText().equals("array")
                        ? coerceAll(values, resolve(schema.path("items"))) : coerce(values.get(0), schema);
                String pointer = entry.getKey() + "/schema";
                for (Error error : schema(pointer).validate(value)) {
                    violations.add(in + " parameter " + name + "=" + values + ": " + error.getMessage());
                }
            }
        }

        private void checkRequestBody(FilterableRequestSpecification request, JsonNode operation,
                String operationPointer, List<String> violations) {
            Object body = request.getBody();
            if (body instanceof java.io.InputStream) {
                return; // a streamed body is gone once sent: its exchange is held to the document on its response
            }
            JsonNode requestBody = resolve(operation.path("requestBody"));
            String at = pointer(operation.path("requestBody"), operationPointer + "/requestBody");
            if (body == null) {
                if (requestBody.path("required").asBoolean()) {
                    violations.add("the required request body is missing");
                }
                return;
            }
            if (requestBody.isMissingNode()) {
                violations.add("a request body was sent to an operation that takes none");
                return;
            }
            String mediaType = mediaType(request.getContentType());
            String key = documentedMediaType(requestBody.path("content"), mediaType);
            if (key == null) {
                violations.add("request media type " + mediaType + " is not documented");
                return;
            }
            validateBody(at + "/content/" + escape(key) + "/schema", key, text(body), "request body", violations);
        }

        private void checkResponse(String method, JsonNode operation, String operationPointer, Response response,
                List<String> violations) {
            String status = Integer.toString(response.getStatusCode());
            JsonNode responses = operation.path("responses");
            String key = responses.has(status) ? status : "default";
            JsonNode documented = responses.path(key);
            if (documented.isMissingNode()) {
                violations.add("status " + status + " is not documented for this operation");
                return;
            }
            JsonNode resolved = resolve(documented);
            String body = method.equals("head") ? "" : response.asString();
            if (body.isEmpty()) {
                return;
            }
            String mediaType = mediaType(response.getContentType());
            String media = documentedMediaType(resolved.path("content"), mediaType);
            if (media == null) {
                violations.add("response " + status + " in " + mediaType + " is not documented (documented: "
                        + resolved.path("content").properties().stream().map(Map.Entry::getKey).toList() + ")");
                return;
            }
            String at = pointer(documented, operationPointer + "/responses/" + key);
            validateBody(at + "/content/" + escape(media) + "/schema", media, body,
                    "response body", violations);
        }

        private void validateBody(String pointer, String mediaType, String body, String what,
                List<String> violations) {
            if (!document.at(pointer.substring(1)).isObject()) {
                return;
            }
            List<JsonNode> instances = new ArrayList<>();
            try {
                if (mediaType.equals("application/x-ndjson")) {
                    for (String line : body.split("\n")) {
                        if (!line.isBlank()) {
                            instances.add(JSON.readTree(line));
                        }
                    }
                } else if (mediaType.endsWith("json")) {
                    instances.add(JSON.readTree(body));
                } else {
                    // text/plain and text/csv: a string; what a CSV row holds, the document says in words
                    instances.add(JsonNodeFactory.instance.textNode(body));
                    if (mediaType.equals("text/csv")) {
                        return;
                    }
                }
            } catch (IOException e) {
                if (what.startsWith("response")) {
                    violations.add(what + " is not " + mediaType + ": " + e.getMessage());
                }
                return;
            }
            Schema schema = schema(pointer);
            for (JsonNode instance : instances) {
                for (Error error : schema.validate(instance)) {
                    violations.add(what + " " + error.getInstanceLocation() + ": " + error.getMessage()
                            + " (" + error.getEvaluationPath() + ")");
                }
            }
        }

        /** Where a parameter, request body or response is: its $ref if it is one, else where it was found. */
        private static String pointer(JsonNode node, String at) {
            return node.has("$ref") ? node.get("$ref").asText() : at;
        }

        private Schema schema(String pointer) {
            return schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(BASE + p)));
        }

        private JsonNode resolve(JsonNode node) {
            while (node.has("$ref") && node.get("$ref").asText().startsWith("#/")) {
                node = document.at(node.get("$ref").asText().substring(1));
            }
            return node;
        }
    }

    private static String documentedMediaType(JsonNode content, String mediaType) {
        if (content.has(mediaType)) {
            return mediaType;
        }
        for (String key : content.properties().stream().map(Map.Entry::getKey).toList()) {
            if (key.equals("*/*") || (key.endsWith("/*") && mediaType.startsWith(key.substring(0, key.length() - 1)))) {
                return key;
            }
        }
        return null;
    }

    private static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase();
    }

    private static String text(Object body) {
        if (body instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (body instanceof String string) {
            return string;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode coerceAll(List<String> values, JsonNode items) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        values.forEach(v -> array.add(coerce(v, items)));
        return array;
    }

    /** A parameter's text as the JSON value its schema's type asks for; text that is not one stays text. */
    private static JsonNode coerce(String value, JsonNode schema) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        try {
            return switch (schema.path("type").asText()) {
                case "integer" -> nodes.numberNode(Long.parseLong(value));
                case "number" -> nodes.numberNode(new java.math.BigDecimal(value));
                case "boolean" -> value.equals("true") || value.equals("false")
                        ? nodes.booleanNode(Boolean.parseBoolean(value)) : nodes.textNode(value);
                default -> nodes.textNode(value);
            };
        } catch (NumberFormatException e) {
            return nodes.textNode(value);
        }
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
