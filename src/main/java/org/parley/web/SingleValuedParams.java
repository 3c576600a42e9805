package org.parley.web;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.parley.problem.ProblemException;
import org.parley.problem.Violation;

/**
 * A query parameter that takes one value, given twice ({@code size=10&size=600}), is a 400: JAX-RS would silently
 * use the first, and a client or a proxy that reads the last would see another request than Parley answers. Which
 * parameters take one value is read from the resource method: a {@code @QueryParam} (directly or in a
 * {@code @BeanParam}) that is not a collection. Repeatable ones ({@code country}, {@code type}, ...) are lists.
 */
@Provider
public class SingleValuedParams implements ContainerRequestFilter {

    private static final Map<Method, Set<String>> SINGLE = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Set<String> single = SINGLE.computeIfAbsent(method, SingleValuedParams::singleValued);
        List<Violation> violations = request.getUriInfo().getQueryParameters().entrySet().stream()
                .filter(e -> e.getValue().size() > 1 && single.contains(e.getKey()))
                .map(e -> Violation.query(e.getKey(), "is given " + e.getValue().size() + " times; it takes one value"))
                .toList();
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }

    private static Set<String> singleValued(Method method) {
        Set<String> names = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            add(names, parameter, parameter.getType());
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                for (Class<?> type = parameter.getType(); type != Object.class; type = type.getSuperclass()) {
                    for (Field field : type.getDeclaredFields()) {
                        add(names, field, field.getType());
                    }
                }
            }
        }
        return Set.copyOf(names);
    }

    private static void add(Set<String> names, AnnotatedElement element, Class<?> type) {
        QueryParam query = element.getAnnotation(QueryParam.class);
        if (query != null && !Collection.class.isAssignableFrom(type) && !type.isArray()) {
            names.add(query.value());
        }
    }
}
