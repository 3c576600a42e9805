package org.parley.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.LinkedHashSet;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.parley.store.Record;
import org.parley.store.Rendered;

/**
 * {@code fields=a,b} on a JSON read keeps only those properties of each record (of each item, on a list). The
 * allowed names are the components of the record type the operation declares; an unknown one is a 400.
 */
public class FieldSelection {

    private final Exports exports;

    public FieldSelection(Exports exports) {
        this.exports = exports;
    }

    @ServerResponseFilter
    public void select(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        String fields = request.getUriInfo().getQueryParameters().getFirst("fields");
        Object entity = response.getEntity();
        if (fields == null || response.getStatus() != 200 || resource.getResourceMethod() == null
                || !(entity instanceof PageResponse<?> || entity instanceof java.lang.Record)) {
            return;
        }
        Class<? extends java.lang.Record> type = recordType(resource.getResourceMethod().getGenericReturnType());
        if (type == null) {
            return;
        }
        Params params = new Params();
        List<String> names = Exports.fields(params, fields, type);
        params.validate();
        if (names.isEmpty()) {
            return;
        }
        LinkedHashSet<String> keep = new LinkedHashSet<>(names);
        if (entity instanceof PageResponse<?> page) {
            ObjectNode body = exports.select(page, new LinkedHashSet<>(List.of("page", "size", "total", "nextCursor")));
            ArrayNode items = body.putArray("items");
            page.items().forEach(item -> items.add(exports.select(item, keep)));
            if (page.nextCursor() == null) {
                body.remove("nextCursor");
            }
            response.setEntity(body);
        } else {
            response.setEntity(exports.select(entity, keep));
        }
    }

    /**
     * The record a method answers with: T of T, RestResponse&lt;T&gt;, PageResponse&lt;T&gt; or Rendered&lt;T&gt;
     * inside them.
     */
    @SuppressWarnings("unchecked")
    private static Class<? extends java.lang.Record> recordType(Type type) {
        if (type instanceof Class<?> plain) {
            return plain.isRecord() && plain != PageResponse.class && plain != Rendered.class
                    ? (Class<? extends java.lang.Record>) plain : null;
        }
        if (type instanceof ParameterizedType generic) {
            return recordType(generic.getActualTypeArguments()[0]);
        }
        return null;
    }
}
