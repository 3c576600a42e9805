package org.parley.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.Api.anonymous;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The OpenAPI document describes every operation completely enough to generate a client. */
@QuarkusTest
class OpenApiTest {

    @SuppressWarnings("unchecked")
    @Test
    void everyOperationIsNamedSummarisedAndFullyDocumented() {
        Map<String, Map<String, Map<String, Object>>> paths = anonymous().queryParam("format", "json")
                .get("/q/openapi").then().statusCode(200).extract().jsonPath().getMap("paths");
        Set<String> operationIds = new HashSet<>();
        List<String> problems = new ArrayList<>();
        int operations = 0;
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/v1/")) {
                continue;
            }
            for (var op : path.getValue().entrySet()) {
                String method = op.getKey();
                Map<String, Object> operation = op.getValue();
                String where = method.toUpperCase() + " " + path.getKey();
                operations++;
                String id = (String) operation.get("operationId");
                if (id == null || !operationIds.add(id)) {
                    problems.add(where + ": missing or repeated operationId " + id);
                }
                if (operation.get("summary") == null) {
                    problems.add(where + ": no summary");
                }
                Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
                Set<String> codes = responses.keySet();
                String success = switch (method) {
                    // an import, a draft and a backup make no one record of the API to point to
                    case "post" -> Set.of("/api/v1/import", "/api/v1/drafts", "/api/v1/backups").contains(path.getKey())
                            ? "200" : "201";
                    case "delete" -> "204";
                    default -> "200";
                };
                if (!codes.contains(success)) {
                    problems.add(where + ": no " + success + " response, has " + codes);
                }
                if (!method.equals("get") && !(codes.contains("401") && codes.contains("403"))) {
                    problems.add(where + ": write without 401/403");
                }
                if (List.of("post", "put", "patch").contains(method) && !(codes.contains("400") && codes.contains("415"))) {
                    problems.add(where + ": body without 400/415");
                }
                boolean record = path.getKey().matches("/api/v1/(events|statements|participants|topics)/\\{id}");
                if (record && method.equals("get") && !codes.contains("304")) {
                    problems.add(where + ": a record read without 304 (If-None-Match)");
                }
                if (record && !method.equals("get") && !codes.contains("412")) {
                    problems.add(where + ": a record write without 412 (If-Match)");
                }
                if (path.getKey().contains("{id}") && !codes.contains("404")) {
                    problems.add(where + ": no 404");
                }
                for (Map<String, Object> parameter : (List<Map<String, Object>>) operation.getOrDefault("parameters", List.of())) {
                    if (parameter.get("description") == null && parameter.get("$ref") == null) {
                        problems.add(where + ": parameter " + parameter.get("name") + " undescribed");
                    }
                }
            }
        }
        assertEquals(48, operations, "six operations on each of four collections, two on countries, two on codes,"
                + " three statistics, the revisions of events and statements, the change feed, the import, the drafts,"
                + " a report (the pages are hidden), six on accounts, two on backups, three on snapshots");
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertFalse(operationIds.isEmpty());
    }

    /**
     * The Java client of the build is generated from contract/openapi.json: it must be the document the application
     * serves, so that the client tested is the client of this API. After a change to the API, refresh it with
     * {@code ./mvnw package -DskipTests && cp target/openapi/openapi.json contract/openapi.json}.
     */
    @Test
    void theContractCopyIsTheLiveDocument() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var live = json.readTree(anonymous().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString());
        var copy = json.readTree(java.nio.file.Files.readString(java.nio.file.Path.of("contract/openapi.json")));
        assertEquals(copy, live, "contract/openapi.json is not the live OpenAPI document: refresh it with"
                + " ./mvnw package -DskipTests && cp target/openapi/openapi.json contract/openapi.json");
    }

    @Test
    void swaggerUiAndHealthAreServed() {
        anonymous().accept("text/html").get("/q/swagger-ui/").then().statusCode(200);
        anonymous().get("/q/health").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("UP"));
    }
}
