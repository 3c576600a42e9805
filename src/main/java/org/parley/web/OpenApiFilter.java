package org.parley.web;

import jakarta.ws.rs.core.MediaType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Completes the OpenAPI document where annotations cannot:
 * <ul>
 * <li>Every operation that declares no security requirement (the reads) is marked as needing none, with an explicit
 * {@code security: []}: generators and linters then know that reads are open, instead of guessing from a missing
 * key.</li>
 * <li>Every operation that takes HTTP Basic ({@link ApiDefinition#BASIC}) also takes a bearer JWT
 * ({@link ApiDefinition#BEARER}), as an alternative requirement: one place instead of a second annotation on each
 * write.</li>
 * <li>Every operation may answer 429 ({@link ApiDefinition#TOO_MANY_REQUESTS}), 414 and 431: the limits apply to
 * all; 406 ({@link ApiDefinition#NOT_ACCEPTABLE}): any may be asked for a media type it does not answer in; and 503
 * when the database cannot be reached. Every write (POST, PUT, PATCH, DELETE) may answer 507
 * ({@link ApiDefinition#INSUFFICIENT_STORAGE}) when the database's disk is full.</li>
 * <li>Query parameters read as enumerations take their values in any letter case ({@code type=summit}): their
 * schema is a pattern that says so, instead of the enumeration's exact values.</li>
 * <li>In a request body, a property left out and one sent as {@code null} mean the same (Jackson reads both as
 * absent), and a record read is sent back with its {@code null}s: so every optional property of a schema that a
 * request body uses may be {@code null} ({@code null} in its type, or {@code anyOf} a reference and {@code null}),
 * decided once here. Arrays are never {@code null}: an empty one is sent. What a response may hold as {@code null}
 * is said where it is made, with {@code nullable = true} on the record component.</li>
 * <li>The schemas made of the generic {@link PageResponse} for each item type ({@code PageResponseTopicResponse} and
 * so on) get a description and an example of their {@code items}: one item made of the examples of its properties.
 * An annotation on the generic record would say the same of every item type, and one on the class adds an unused
 * schema of the raw type.</li>
 * <li>The record operations every collection inherits from {@link RecordResource} get the texts that name the
 * collection, from its {@link RecordApi}: operation ids, summaries, descriptions, the id parameter, the response
 * schema, and only the parameters and responses that apply to it ({@code asOf} where it keeps revisions, 409 on a
 * delete that can be refused).</li>
 * </ul>
 */
public class OpenApiFilter implements OASFilter {

    private static final String PAGE = PageResponse.class.getSimpleName();
    private static final String COMPONENTS = "#/components/";
    private static final String SCHEMAS = COMPONENTS + "schemas/";
    /** Answers any operation may give, whatever it is: the edge's limits and the database's absence. */
    private static final Map<String, String> ALWAYS = new TreeMap<>(Map.of(
            "406", ApiDefinition.NOT_ACCEPTABLE, "414", ApiDefinition.URI_TOO_LONG,
            "429", ApiDefinition.TOO_MANY_REQUESTS, "431", ApiDefinition.HEADERS_TOO_LARGE,
            "503", ApiDefinition.UNAVAILABLE));

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getSecurity() == null) {
            operation.setSecurity(new ArrayList<>());
        } else if (operation.getSecurity().stream().anyMatch(r -> r.hasScheme(ApiDefinition.BASIC))
                && operation.getSecurity().stream().noneMatch(r -> r.hasScheme(ApiDefinition.BEARER))) {
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(ApiDefinition.BEARER));
        }
        if (operation.getResponses() != null) {
            for (var always : ALWAYS.entrySet()) {
                if (!operation.getResponses().hasAPIResponse(always.getKey())) {
                    operation.getResponses().addAPIResponse(always.getKey(), OASFactory.createAPIResponse()
                            .ref(always.getValue()));
                }
            }
        }
        return operation;
    }

    /** Every write may find the database's disk full ({@link StorageGuard}): 507. */
    @Override
    public PathItem filterPathItem(PathItem item) {
        Stream.of(item.getPOST(), item.getPUT(), item.getPATCH(), item.getDELETE())
                .filter(write -> write != null && write.getResponses() != null
                        && !write.getResponses().hasAPIResponse("507"))
                .forEach(write -> write.getResponses().addAPIResponse("507", OASFactory.createAPIResponse()
                        .ref(ApiDefinition.INSUFFICIENT_STORAGE)));
        return item;
    }

    /** The component schemas a request body refers to, directly or through other schemas. */
    private static Set<Schema> requestSchemas(OpenAPI openAPI, Map<String, Schema> schemas) {
        Deque<Schema> pending = new ArrayDeque<>();
        operations(openAPI).forEach(op -> {
            if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                op.getRequestBody().getContent().getMediaTypes().values().forEach(media -> {
                    if (media.getSchema() != null) {
                        pending.add(media.getSchema());
                    }
                });
            }
        });
        Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Schema> components = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!pending.isEmpty()) {
            Schema schema = pending.pop();
            if (!seen.add(schema)) {
                continue;
            }
            Schema component = named(schemas, schema.getRef());
            if (component != null) {
                components.add(component);
                pending.add(component);
            }
            if (schema.getProperties() != null) {
                pending.addAll(schema.getProperties().values());
            }
            if (schema.getItems() != null) {
                pending.add(schema.getItems());
            }
            for (List<Schema> alternatives : Arrays.asList(schema.getAnyOf(), schema.getOneOf(), schema.getAllOf())) {
                if (alternatives != null) {
                    pending.addAll(alternatives);
                }
            }
        }
        return components;
    }

    private static void anyCaseQueryEnumerations(OpenAPI openAPI, Map<String, Schema> schemas) {
        operations(openAPI).filter(op -> op.getParameters() != null)
                .flatMap(op -> op.getParameters().stream())
                .filter(p -> p.getIn() == Parameter.In.QUERY && p.getSchema() != null)
                .forEach(p -> {
                    Schema schema = p.getSchema();
                    Schema values = schema.getItems() != null ? schema.getItems() : schema;
                    Schema enumeration = values.getRef() != null ? named(schemas, values.getRef()) : values;
                    if (enumeration == null || enumeration.getEnumeration() == null) {
                        return;
                    }
                    Schema anyCase = OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                            .pattern(anyCase(enumeration.getEnumeration()))
                            .examples(List.of(enumeration.getEnumeration().get(0)));
                    if (schema.getItems() != null) {
                        schema.setItems(anyCase);
                    } else {
                        p.setSchema(anyCase);
                    }
                });
    }

    /** Every operation of the document. */
    private static Stream<Operation> operations(OpenAPI openAPI) {
        return openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null ? Stream.empty()
                : openAPI.getPaths().getPathItems().values().stream()
                        .flatMap(item -> item.getOperations().values().stream());
    }

    /** The component schema a {@code $ref} names, or null when it names none. */
    private static Schema named(Map<String, Schema> schemas, String ref) {
        return ref != null && ref.startsWith(SCHEMAS) ? schemas.get(ref.substring(SCHEMAS.length())) : null;
    }

    /**
     * A pattern that matches each value in any letter case, with the spaces around it that the parameter's reading
     * trims: JSON Schema patterns have no case-insensitive flag.
     */
    static String anyCase(List<Object> values) {
        StringBuilder pattern = new StringBuilder("^\\s*(?:");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                pattern.append('|');
            }
            for (char c : String.valueOf(values.get(i)).toCharArray()) {
                char upper = Character.toUpperCase(c);
                char lower = Character.toLowerCase(c);
                if (upper != lower) {
                    pattern.append('[').append(upper).append(lower).append(']');
                } else if (Character.isLetterOrDigit(c) || c == '_' || c == '-') {
                    pattern.append(c);
                } else {
                    pattern.append('\\').append(c);
                }
            }
        }
        return pattern.append(")\\s*$").toString();
    }

    private static void optionalMayBeNull(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        schema.getProperties().forEach((name, property) -> {
            if (required.contains(name) || mayBeNull(property)) {
                return;
            }
            List<Schema.SchemaType> type = property.getType() == null ? List.of() : property.getType();
            if (property.getRef() != null) {
                // a reference cannot take "null" beside it: the property is either the referenced schema or null
                property.setAnyOf(List.of(OASFactory.createSchema().ref(property.getRef()),
                        OASFactory.createSchema().addType(Schema.SchemaType.NULL)));
                property.setRef(null);
                property.setType(null);
            } else if (!type.isEmpty() && !type.contains(Schema.SchemaType.ARRAY)) {
                property.addType(Schema.SchemaType.NULL);
                if (property.getEnumeration() != null) {
                    property.addEnumeration(null);
                }
            }
        });
    }

    private static boolean mayBeNull(Schema property) {
        return (property.getType() != null && property.getType().contains(Schema.SchemaType.NULL))
                || (property.getAnyOf() != null && property.getAnyOf().stream()
                        .anyMatch(s -> s.getType() != null && s.getType().contains(Schema.SchemaType.NULL)));
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() != null) {
            ServiceLoader.load(RecordApi.class, OpenApiFilter.class.getClassLoader())
                    .forEach(api -> describe(openAPI.getPaths(), api));
        }
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        requestSchemas(openAPI, schemas).forEach(OpenApiFilter::optionalMayBeNull);
        anyCaseQueryEnumerations(openAPI, schemas);
        // a schema of alternatives (oneOf) is what each alternative is: the "object" the generator gives a Java
        // class with @Schema(oneOf) would refuse the alternatives that are strings
        schemas.values().stream().filter(schema -> schema.getOneOf() != null).forEach(schema -> schema.setType(null));
        // likewise a property that is a reference or null: the generator adds the Java type's "string" or "object"
        // beside the anyOf, which a client generator would read as a second, looser type; and it leaves out the
        // description and example that a plain reference takes from the schema it names
        schemas.values().stream().filter(schema -> schema.getProperties() != null)
                .flatMap(schema -> schema.getProperties().values().stream())
                .filter(property -> property.getAnyOf() != null).forEach(property -> {
                    property.setType(null);
                    property.getAnyOf().stream().map(alternative -> named(schemas, alternative.getRef()))
                            .filter(Objects::nonNull).findFirst().ifPresent(named -> {
                                if (property.getDescription() == null) {
                                    property.setDescription(named.getDescription());
                                }
                                if (property.getExamples() == null || property.getExamples().isEmpty()) {
                                    property.setExamples(named.getExamples() != null ? named.getExamples()
                                            : List.of(example(named)));
                                }
                            });
                });
        schemas.forEach((name, page) -> {
            if (!name.startsWith(PAGE) || page.getProperties() == null) {
                return;
            }
            Schema items = page.getProperties().get("items");
            if (items == null || items.getItems() == null || named(schemas, items.getItems().getRef()) == null) {
                return;
            }
            String itemName = items.getItems().getRef().substring(SCHEMAS.length());
            if (page.getDescription() == null) {
                page.setDescription("One page of " + itemName + " items, with the page asked for and the number of"
                        + " items matching over all pages");
            }
            Schema item = named(schemas, items.getItems().getRef());
            if (items.getExamples() == null && item != null && item.getProperties() != null) {
                items.setExamples(List.of(List.of(example(item))));
            }
        });
    }

    /** An example of an object made of the examples of its properties. */
    private static Map<String, Object> example(Schema object) {
        Map<String, Object> example = new LinkedHashMap<>();
        if (object.getProperties() != null) {
            object.getProperties().forEach((property, schema) -> {
                if (schema.getExamples() != null && !schema.getExamples().isEmpty()) {
                    example.put(property, schema.getExamples().get(0));
                }
            });
        }
        return example;
    }

    private static void describe(Paths paths, RecordApi api) {
        PathItem all = paths.getPathItem(api.path);
        PathItem one = paths.getPathItem(api.path + "/{id}");
        if (all == null || one == null || one.getGET() == null) {
            return;
        }
        String noun = api.noun;
        String schema = SCHEMAS + schemaName(api.response);

        Operation read = name(one.getGET(), "get", api, api.readSummary, api.readDescription);
        APIResponse found = read.getResponses().getAPIResponse("200");
        respond(found, api.history ? "The " + noun + "; with `asOf`, as it stood then" : "The " + noun, schema);
        if (!api.history) {
            List.copyOf(read.getParameters()).stream()
                    .filter(p -> (COMPONENTS + "parameters/" + ApiDefinition.AS_OF).equals(p.getRef()))
                    .forEach(read::removeParameter);
            read.getResponses().removeAPIResponse("400");
            found.removeHeader(ApiDefinition.MEMENTO_DATETIME);
        }

        Operation create = name(all.getPOST(), "create", api, "Create " + api.withArticle(), api.createDescription);
        respond(create.getResponses().getAPIResponse("201"), "Created; `Location` names the new " + noun, schema);

        Operation replace = name(one.getPUT(), "replace", api, "Replace " + api.withArticle(), api.replaceDescription);
        respond(replace.getResponses().getAPIResponse("200"), api.stored, schema);

        Operation patch = name(one.getPATCH(), "patch", api, "Change some fields of " + api.withArticle(),
                "A JSON merge patch (RFC 7396) of the " + noun + " as a read shows it: the fields given replace"
                        + " theirs, `null` removes one, nested objects merge; the result must be a valid replacement.");
        respond(patch.getResponses().getAPIResponse("200"), api.stored, schema);
        patch.getRequestBody().getContent().getMediaType(MergePatch.MEDIA_TYPE).getSchema()
                .setDescription("Any fields of a " + noun + " (a merge patch)");

        Operation delete = name(one.getDELETE(), "delete", api, api.deleteSummary, api.deleteDescription);
        delete.getResponses().getAPIResponse("204").setDescription(api.deleted);
        if (!api.conflictOnDelete) {
            delete.getResponses().removeAPIResponse("409");
        }
    }

    private static Operation name(Operation operation, String verb, RecordApi api, String summary,
            String description) {
        operation.setOperationId(verb + api.capitalized());
        operation.setSummary(summary);
        operation.setDescription(description);
        if (operation.getParameters() != null) {
            operation.getParameters().stream().filter(p -> "id".equals(p.getName()))
                    .forEach(p -> p.setDescription(api.capitalized() + " id"));
        }
        return operation;
    }

    private static void respond(APIResponse response, String description, String schema) {
        response.setDescription(description);
        response.getContent().getMediaType(MediaType.APPLICATION_JSON).getSchema().setRef(schema);
    }

    /** The name a response record has in the document: its {@code @Schema(name)}, else its class name. */
    private static String schemaName(Class<?> type) {
        var schema = type.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
        return schema != null && !schema.name().isEmpty() ? schema.name() : type.getSimpleName();
    }
}
