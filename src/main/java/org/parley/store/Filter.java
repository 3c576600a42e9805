package org.parley.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Composes the where-clause of a list query from the filters a request sets. Clauses are fixed strings written in
 * the repositories; request values only ever travel as named parameters.
 */
public final class Filter {

    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();
    private String score;
    private String join = "";

    public Filter where(String clause) {
        clauses.add(clause);
        return this;
    }

    public Filter where(String clause, String name, Object value) {
        clauses.add(clause);
        parameters.put(name, value);
        return this;
    }

    /**
     * A clause whose {@code %s} becomes {@code = :name} for one value and {@code in :name} for several. A list
     * parameter makes Hibernate translate the query anew at every execution; most filters name a single value.
     */
    public Filter whereAnyOf(String clause, String name, List<?> values) {
        return values.size() == 1 ? where(clause.formatted("= :" + name), name, values.get(0))
                : where(clause.formatted("in :" + name), name, values);
    }

    /** An independent copy, to add clauses to without changing this filter. */
    public Filter copy() {
        Filter copy = new Filter();
        copy.clauses.addAll(clauses);
        copy.parameters.putAll(parameters);
        copy.score = score;
        copy.join = join;
        return copy;
    }

    public Filter param(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    /** How well a record matches a search, an integer expression over the joins, for {@code sort=relevance}. */
    public Filter score(String expression) {
        this.score = expression;
        return this;
    }

    /**
     * Joins the records to rows that the clauses and the score may name: one row a record at most, so that the join
     * never repeats a record (a search's row of the word index, see SearchIndex).
     */
    public Filter join(String join) {
        this.join = " " + join;
        return this;
    }

    /** The search's score expression, or null when the filter searches nothing. */
    public String score() {
        return score;
    }

    /** {@code from <entity> r where <clauses>}: the records of the entity, as {@code r}, that match. */
    public String from(String entity) {
        return "from " + entity + " r" + join + " where " + (clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses));
    }

    public Map<String, Object> parameters() {
        return parameters;
    }

    /** A case-insensitive "contains" pattern for {@code like ... escape '\'}, with the user's wildcards escaped. */
    public static String containsPattern(String text) {
        String escaped = text.toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
