package org.parley.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;

/** Names JSON value kinds for error messages, so that no Java type name reaches a client. */
final class JsonTypes {

    private JsonTypes() {
    }

    static String describe(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != char.class)) {
            return "a number";
        }
        if (type == LocalDate.class) {
            return "an ISO date such as 2022-01-10";
        }
        if (type == OffsetDateTime.class) {
            return "an ISO timestamp with offset such as 2022-01-12T08:55:00+08:00";
        }
        if (type.isEnum()) {
            return "one of " + String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString).toList());
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }
}
