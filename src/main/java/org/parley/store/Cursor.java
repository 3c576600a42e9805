package org.parley.store;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A keyset position in a sorted list: the sort it belongs to and the sort values of the last row seen. Opaque to
 * clients (URL-safe base64); each value carries its type so that it binds as the right query parameter.
 *
 * <p>Hand-written: Hibernate's keyed pages cannot order by a path through an association (a statement's event date),
 * and the position must travel in a URL.
 */
public record Cursor(String sort, List<Object> keys) {

    private static final char SEPARATOR = '\u001f';

    public String encode() {
        StringBuilder out = new StringBuilder(sort);
        for (Object key : keys) {
            out.append(SEPARATOR).append(tag(key)).append(key);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static char tag(Object key) {
        if (key instanceof LocalDate) {
            return 'd';
        } else if (key instanceof Long) {
            return 'l';
        } else if (key instanceof Integer) {
            return 'i';
        } else if (key instanceof String) {
            return 's';
        }
        throw new IllegalArgumentException("cannot put a " + key.getClass().getSimpleName() + " in a cursor");
    }

    /** The cursor a client sent back, or null when it is not one of ours. */
    public static Cursor decode(String value) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
            String[] parts = text.split(String.valueOf(SEPARATOR), -1);
            List<Object> keys = new ArrayList<>();
            for (int i = 1; i < parts.length; i++) {
                String part = parts[i];
                String body = part.substring(1);
                keys.add(switch (part.charAt(0)) {
                    case 'd' -> LocalDate.parse(body);
                    case 'l' -> Long.valueOf(body);
                    case 'i' -> Integer.valueOf(body);
                    case 's' -> body;
                    default -> throw new IllegalArgumentException();
                });
            }
            return keys.isEmpty() ? null : new Cursor(parts[0], keys);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
