package org.parley.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Completes the OpenAPI document where annotations cannot:
 * <ul>
 * <li>Every operation that declares no security requirement (the reads) is marked as needing none, with an explicit
 * {@code security: []}: generators and linters then know that reads are open, instead of guessing from a missing
 * key.</li>
 * <li>Every operation that takes HTTP Basic ({@link ApiDefinition#BASIC}) also takes a bearer JWT
 * ({@link ApiDefinition#BEARER}), as an alternative requirement: one place instead of a second annotation on each
 * write.</li>
 * <li>Every operation may answer 429 ({@link ApiDefinition#TOO_MANY_REQUESTS}): the limits apply to all.</li>
 * <li>The schemas made of the generic {@link PageResponse} for each item type ({@code PageResponseTopicResponse} and
 * so on) get a description and an example of their {@code items}: one item made of the examples of its properties.
 * An annotation on the generic record would say the same of every item type, and one on the class adds an unused
 * schema of the raw type.</li>
 * </ul>
 */
public class OpenApiFilter implements OASFilter {

    private static final String PAGE = PageResponse.class.getSimpleName();
    private static final String SCHEMAS = "#/components/schemas/";

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getSecurity() == null) {
            operation.setSecurity(new ArrayList<>());
        } else if (operation.getSecurity().stream().anyMatch(r -> r.hasScheme(ApiDefinition.BASIC))
                && operation.getSecurity().stream().noneMatch(r -> r.hasScheme(ApiDefinition.BEARER))) {
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(ApiDefinition.BEARER));
        }
        if (operation.getResponses() != null && !operation.getResponses().hasAPIResponse("429")) {
            operation.getResponses().addAPIResponse("429", OASFactory.createAPIResponse()
                    .ref(ApiDefinition.TOO_MANY_REQUESTS));
        }
        return operation;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        schemas.forEach((name, page) -> {
            if (!name.startsWith(PAGE) || page.getProperties() == null) {
                return;
            }
            Schema items = page.getProperties().get("items");
            if (items == null || items.getItems() == null || items.getItems().getRef() == null
                    || !items.getItems().getRef().startsWith(SCHEMAS)) {
                return;
            }
            String itemName = items.getItems().getRef().substring(SCHEMAS.length());
            if (page.getDescription() == null) {
                page.setDescription("One page of " + itemName + " items, with the page asked for and the number of"
                        + " items matching over all pages");
            }
            Schema item = schemas.get(itemName);
            if (items.getExamples() == null && item != null && item.getProperties() != null) {
                Map<String, Object> example = new LinkedHashMap<>();
                item.getProperties().forEach((property, schema) -> {
                    if (schema.getExamples() != null && !schema.getExamples().isEmpty()) {
                        example.put(property, schema.getExamples().get(0));
                    }
                });
                items.setExamples(List.of(List.of(example)));
            }
        });
    }
}
