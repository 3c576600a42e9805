package org.parley.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.Api.anonymous;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document explains every schema a client sees: each has a description, and each of its properties has a
 * description and an example, except references to another schema (which document themselves).
 */
@QuarkusTest
class OpenApiSchemaTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> schemas() {
        return anonymous().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath().getMap("components.schemas");
    }

    @SuppressWarnings("unchecked")
    @Test
    void everySchemaAndPropertyIsDescribedWithAnExample() {
        Map<String, Map<String, Object>> schemas = schemas();
        List<String> problems = new ArrayList<>();
        int properties = 0;
        for (var schema : schemas.entrySet()) {
            String name = schema.getKey();
            if (schema.getValue().get("description") == null) {
                problems.add(name + ": no description");
            }
            var props = (Map<String, Map<String, Object>>) schema.getValue().getOrDefault("properties", Map.of());
            for (var property : props.entrySet()) {
                Map<String, Object> value = property.getValue();
                if (value.containsKey("$ref")) {
                    continue;
                }
                properties++;
                String where = name + "." + property.getKey();
                if (value.get("description") == null) {
                    problems.add(where + ": no description");
                }
                if (!value.containsKey("example") && !value.containsKey("examples")) {
                    problems.add(where + ": no example");
                }
            }
        }
        assertTrue(schemas.size() > 20 && properties > 100, "too few schemas or properties to be the whole API");
        assertTrue(problems.isEmpty(), problems.size() + " gaps in the schemas:\n" + String.join("\n", problems));
    }

    @Test
    void enumsStayEnums() {
        Map<String, Map<String, Object>> schemas = schemas();
        List<String> problems = new ArrayList<>();
        for (String name : List.of("EventType", "EventStatus", "DatePrecision", "PloverType", "ParticipantKind",
                "StatementKind")) {
            Map<String, Object> schema = schemas.get(name);
            if (schema == null || !(schema.get("enum") instanceof List<?> values) || values.isEmpty()) {
                problems.add(name + ": not an enum schema: " + schema);
            }
        }
        assertEquals(List.of(), problems);
    }
}
