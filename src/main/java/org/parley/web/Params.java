package org.parley.web;

import io.quarkus.panache.common.Sort;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.parley.problem.ProblemException;
import org.parley.problem.Violation;
import org.parley.search.SearchQuery;
import org.parley.store.Cursor;
import org.parley.store.PageRequest;
import org.parley.value.CountryCodes;
import org.parley.value.LanguageTag;
import org.parley.value.Slug;

/**
 * Reads list query parameters, collecting every bad one so that a single 400 names them all. Values outside an
 * allow-list (enums, sort keys, country codes) are rejected, never passed on.
 */
public final class Params {

    private final List<Violation> violations = new ArrayList<>();
    /** Whether a {@code q} of this request searches: {@code sort=relevance} needs one, read before the sort. */
    private boolean searches;

    /** The deepest page: its first row, page × size, must still be an int offset for the largest size. */
    static final int MAX_PAGE = Integer.MAX_VALUE / Paging.MAX_SIZE;

    public int page(PageParams paging) {
        return integer("page", paging.page, 0, 0, MAX_PAGE);
    }

    /** The page of a list that is paged by {@code page} and {@code size} only: a cursor is a 400, not ignored. */
    public int offsetPage(PageParams paging) {
        if (paging.cursor != null && !paging.cursor.isBlank()) {
            violations.add(Violation.query("cursor", "this list is paged by page and size only"));
        }
        return page(paging);
    }

    public int size(PageParams paging) {
        return integer("size", paging.size, Integer.parseInt(Paging.DEFAULT_SIZE), 1, Paging.MAX_SIZE);
    }

    /** The page or cursor asked for, for a list sorted by {@code sort} (the client's value, or the default). */
    public PageRequest pageRequest(PageParams paging, String sort, String defaultSort) {
        int page = page(paging);
        int size = size(paging);
        String effectiveSort = sort == null || sort.isBlank() ? defaultSort : sort.trim();
        if (paging.cursor == null) {
            return new PageRequest(page, size, false, null, effectiveSort);
        }
        if (paging.page != null) {
            violations.add(Violation.query("page", "cannot be combined with cursor"));
        }
        String value = paging.cursor.trim();
        if (value.isEmpty() || value.equals("*")) {
            return new PageRequest(0, size, true, null, effectiveSort);
        }
        Cursor cursor = Cursor.decode(value);
        if (cursor == null) {
            violations.add(Violation.query("cursor", "is not a cursor of this API; start with cursor=*"));
        } else if (!cursor.sort().equals(effectiveSort)) {
            violations.add(Violation.query("cursor", "was made for sort=" + cursor.sort() + ", not sort=" + effectiveSort));
            cursor = null;
        }
        return new PageRequest(0, size, true, cursor, effectiveSort);
    }

    public Long id(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(value.trim());
            if (id < 1) {
                violations.add(Violation.query(name, "'" + value + "' is not an id (ids start at 1)"));
                return null;
            }
            return id;
        } catch (NumberFormatException e) {
            violations.add(Violation.query(name, "'" + value + "' is not an id (a whole number)"));
            return null;
        }
    }

    public int integer(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                violations.add(Violation.query(name, "must be between " + min + " and " + max));
            }
            return parsed;
        } catch (NumberFormatException e) {
            violations.add(Violation.query(name, "'" + value + "' is not a whole number"));
            return defaultValue;
        }
    }

    public <E extends Enum<E>> List<E> enums(String name, List<String> values, Class<E> type) {
        List<E> result = new ArrayList<>();
        for (String value : values) {
            try {
                result.add(Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                violations.add(Violation.query(name, "'" + value + "' is not one of " + Arrays.stream(type.getEnumConstants())
                        .map(Enum::name).collect(Collectors.joining(", "))));
            }
        }
        return result;
    }

    public <E extends Enum<E>> E optionalEnum(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        List<E> parsed = enums(name, List.of(value), type);
        return parsed.isEmpty() ? null : parsed.get(0);
    }

    /** The moment of a parameter on its own (see {@link #instant}), or a 400 naming it. */
    public static Instant validInstant(String name, String value) {
        Params params = new Params();
        Instant at = params.instant(name, value);
        params.validate();
        return at;
    }

    /** A moment: an ISO date-time with offset such as 2024-05-01T00:00:00Z, or a date for its start in UTC. */
    public Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        try {
            OffsetDateTime at = trimmed.length() == 10 ? LocalDate.parse(trimmed).atStartOfDay().atOffset(ZoneOffset.UTC)
                    : OffsetDateTime.parse(trimmed);
            if (JsonConfig.refusal(at) != null) {
                violations.add(Violation.query(name, JsonConfig.refusal(at)));
                return null;
            }
            return at.toInstant();
        } catch (DateTimeParseException e) {
            violations.add(Violation.query(name, "'" + value
                    + "' is not an ISO date-time with offset such as 2024-05-01T00:00:00Z, nor a date"));
            return null;
        }
    }

    public LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.trim());
            if (JsonConfig.refusal(date) != null) {
                violations.add(Violation.query(name, JsonConfig.refusal(date)));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            violations.add(Violation.query(name, "'" + value + "' is not an ISO date such as 2022-01-10"));
            return null;
        }
    }

    public void range(String fromName, LocalDate from, String toName, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            violations.add(Violation.query(fromName, "must not be after " + toName + " (" + from + " > " + to + ")"));
        }
    }

    public List<String> countries(String name, List<String> values) {
        List<String> result = new ArrayList<>();
        for (String value : values) {
            String code = CountryCodes.normalize(value);
            if (code == null) {
                violations.add(Violation.query(name,
                        "'" + value + "' is not an ISO 3166-1 alpha-2 or alpha-3 country code"));
            } else {
                result.add(code);
            }
        }
        return result;
    }

    public String country(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        List<String> codes = countries(name, List.of(value));
        return codes.isEmpty() ? null : codes.get(0);
    }

    public String language(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!new LanguageTag.Validator().isValid(value.trim(), null)) {
            violations.add(Violation.query(name, "'" + value + "' is not a BCP 47 language tag such as fr or zh-Hans"));
            return null;
        }
        return value.trim();
    }

    /** Topic slugs, each of the form topics have: anything else cannot name one. */
    public List<String> slugs(String name, List<String> values) {
        List<String> result = new ArrayList<>();
        for (String value : values) {
            String slug = value.trim();
            if (slug.isEmpty()) {
                continue;
            }
            if (!slug.matches(Slug.PATTERN)) {
                violations.add(Violation.query(name, "'" + value + "' is not a topic slug (lowercase letters, digits"
                        + " and single hyphens)"));
            } else {
                result.add(slug);
            }
        }
        return result;
    }

    /**
     * A {@code q} parameter: words, quoted phrases and prefixes (see {@link SearchQuery}), at most ten words in
     * 500 characters.
     */
    public SearchQuery search(String name, String value) {
        if (value != null && value.length() > 500) {
            violations.add(Violation.query(name, "must be at most 500 characters"));
            return SearchQuery.none();
        }
        SearchQuery query = SearchQuery.parse(value);
        searches |= !query.isEmpty();
        if (query.problem() != null) {
            violations.add(Violation.query(name, query.problem()));
        }
        return query;
    }

    /** A code of 1 to {@code max} digits, such as a CAMEO prefix. */
    public String digits(String name, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (!trimmed.matches("[0-9]{1," + max + "}")) {
            violations.add(Violation.query(name, "'" + value + "' is not 1 to " + max + " digits"));
            return null;
        }
        return trimmed;
    }

    public Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> {
                violations.add(Violation.query(name, "'" + value + "' is neither true nor false"));
                yield null;
            }
        };
    }

    public String text(String name, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            violations.add(Violation.query(name, "must be at most " + maxLength + " characters"));
            return null;
        }
        return value.trim();
    }

    /**
     * Parses {@code sort=a,-b} against the allowed keys, each mapped to the query paths it orders by; {@code id} is
     * always added last so that pages are stable.
     */
    public Sort sort(String value, String defaultValue, Map<String, List<String>> allowed) {
        String spec = value == null || value.isBlank() ? defaultValue : value;
        Sort sort = null;
        for (String part : spec.split(",")) {
            String key = part.trim();
            boolean descending = key.startsWith("-");
            String name = descending ? key.substring(1) : key;
            List<String> paths = allowed.get(name);
            if (paths == null) {
                sortKey(key, key, allowed.keySet()); // records the violation
                continue;
            }
            if (paths.contains(Paging.RELEVANCE) && !searches) {
                violations.add(Violation.query("sort", "'" + key + "' ranks the matches of q: give q, or another"
                        + " sort"));
                continue;
            }
            for (String path : paths) {
                // a path marked "+" is always ascending, e.g. statements keep their order within an event; the
                // relevance is always best first
                boolean fixed = path.startsWith("+");
                Sort.Direction direction = path.equals(Paging.RELEVANCE) || descending && !fixed
                        ? Sort.Direction.Descending : Sort.Direction.Ascending;
                String column = fixed ? path.substring(1) : path;
                sort = sort == null ? Sort.by(column, direction) : sort.and(column, direction);
            }
        }
        if (sort == null) {
            sort = Sort.by("id");
        } else if (sort.getColumns().stream().noneMatch(c -> c.getName().equals("id"))) {
            // the tie-breaker runs the way of the first key, so that a one-way sort stays one-way for keyset paging
            sort.and("id", sort.getColumns().get(0).getDirection());
        }
        return sort;
    }

    /**
     * A single sort key of an in-memory list, {@code name} or {@code -name}, checked against the allowed names; the
     * default when absent.
     */
    public String sortKey(String value, String defaultValue, java.util.Set<String> allowed) {
        String key = value == null || value.isBlank() ? defaultValue : value.trim();
        String name = key.startsWith("-") ? key.substring(1) : key;
        if (!allowed.contains(name)) {
            violations.add(Violation.query("sort", "'" + key + "' is not a sort key; use one of "
                    + allowed.stream().sorted().flatMap(k -> java.util.stream.Stream.of(k, "-" + k))
                            .collect(Collectors.joining(", "))));
            return defaultValue;
        }
        return key;
    }

    /** Records a bad parameter found elsewhere. */
    public void invalid(String name, String message) {
        violations.add(Violation.query(name, message));
    }

    /** Throws one 400 problem naming every bad parameter read so far. */
    /** Records a violation found by the caller, to be reported with the others. */
    public void add(Violation violation) {
        violations.add(violation);
    }

    public void validate() {
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
    }
}
