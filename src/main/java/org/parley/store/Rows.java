package org.parley.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Set-based inserts for bulk writes: each column's values travel as one array parameter and {@code unnest} turns the
 * arrays into rows, so that one statement writes thousands of rows, with the same SQL on H2 and PostgreSQL.
 *
 * <p>Written by hand because JDBC batches, Hibernate's included, send a row at a time (PostgreSQL's driver rewrites
 * them into multi-row inserts of at most 128 rows, each planned again, and not at all when it must return generated
 * ids). PostgreSQL's binary {@code COPY} (the driver's CopyManager, rows encoded by PgBulkInsert) was measured in
 * their place for the bulk import and gained nothing: the time goes to the server's work on each row (indexes,
 * foreign key checks), not to reading the arrays.
 */
public final class Rows {

    /** Rows written by one statement: the arrays of one statement stay a few megabytes. */
    public static final int CHUNK = 5000;

    /**
     * A column of the rows: its name, the SQL type of its values, a value a row (a collection a row for an array
     * type, an Instant for a time with time zone).
     */
    public record Column(String name, String type, Object[] values) {

        boolean array() {
            return type.endsWith(ARRAY);
        }
    }

    /**
     * A column with a value per row, as {@code value} gives it for each of {@code rows}. A column whose type is an
     * array ({@code "integer array"}) takes a collection a row, which travels to PostgreSQL as its text form of an
     * array (there an array of arrays would be flattened by {@code unnest}), to H2 as an array of arrays (H2 cannot
     * read that text form, and its {@code unnest} keeps the inner arrays whole).
     */
    public static <T> Column column(String name, String type, Collection<T> rows, Function<T, ?> value) {
        return new Column(name, type, rows.stream().map(value).toArray());
    }

    private static final String ARRAY = " array";

    /** PostgreSQL's text form of an array: {@code {"a","b"}}, each element quoted, its quotes and backslashes escaped. */
    private static String literal(Collection<?> elements) {
        StringBuilder out = new StringBuilder("{");
        for (Object element : elements) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(element.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return out.append('}').toString();
    }

    private Rows() {
    }

    /** The names of a table's columns, in lower case, in the table's order. */
    public static List<String> columns(Connection connection, String table) throws SQLException {
        try (var statement = connection.createStatement();
                var rows = statement.executeQuery("select * from " + table + " where 1 = 0")) {
            ResultSetMetaData meta = rows.getMetaData();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                names.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
            }
            return names;
        }
    }

    /** Inserts the rows that the columns hold (each holds as many values), {@value #CHUNK} rows a statement. */
    public static void insert(Connection connection, String table, Column... columns) throws SQLException {
        int rows = columns[0].values().length;
        for (int from = 0; from < rows; from += CHUNK) {
            try (PreparedStatement insert = prepare(connection, table, slice(columns, from, from + CHUNK), null)) {
                insert.executeUpdate();
            }
        }
    }

    /**
     * Inserts new rows as {@link #insert} does and returns the ids that the table's identity column {@code id} gave
     * them, in the order of the rows. The generated keys of a statement come in the order of its rows: the columns
     * {@code identifying} names come back with them and must match each row, or this fails rather than mix ids up.
     */
    public static long[] insertNew(Connection connection, String table, String id, String[] identifying,
            Column... columns) throws SQLException {
        int rows = columns[0].values().length;
        long[] ids = new long[rows];
        String[] returned = new String[identifying.length + 1];
        returned[0] = id;
        System.arraycopy(identifying, 0, returned, 1, identifying.length);
        List<Column> keys = Arrays.stream(identifying).map(name -> Arrays.stream(columns)
                .filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no column " + name))).toList();
        for (int from = 0; from < rows; from += CHUNK) {
            int to = Math.min(rows, from + CHUNK);
            try (PreparedStatement insert = prepare(connection, table, slice(columns, from, to), returned)) {
                insert.executeUpdate();
                int row = from;
                try (ResultSet generated = insert.getGeneratedKeys()) {
                    for (; generated.next(); row++) {
                        if (row == to) {
                            throw new IllegalStateException("the database returned more ids than the "
                                    + (to - from) + " new rows of " + table);
                        }
                        for (int k = 0; k < keys.size(); k++) {
                            if (!String.valueOf(generated.getObject(k + 2))
                                    .equals(String.valueOf(keys.get(k).values()[row]))) {
                                throw new IllegalStateException("the ids of new rows of " + table
                                        + " did not come back in the order of the rows");
                            }
                        }
                        ids[row] = generated.getLong(1);
                    }
                }
                if (row != to) {
                    throw new IllegalStateException("the database returned " + (row - from) + " ids for "
                            + (to - from) + " new rows of " + table);
                }
            }
        }
        return ids;
    }

    /** The rows {@code from} (inclusive) to {@code to} (exclusive, or the end) of the columns. */
    private static Column[] slice(Column[] columns, int from, int to) {
        return Arrays.stream(columns).map(c -> new Column(c.name(), c.type(),
                Arrays.copyOfRange(c.values(), from, Math.min(to, c.values().length)))).toArray(Column[]::new);
    }

    /** The SQL type a column's values travel as: an array column's as text to PostgreSQL (see {@link #column}). */
    private static String sent(Column column, boolean h2) {
        return column.array() && !h2 ? "varchar" : column.type();
    }

    /** A column's values as the parameter of {@code unnest}: an array of their own class (see {@link #column}). */
    @SuppressWarnings("unchecked")
    private static Object[] parameter(Column column, boolean h2) {
        Object[] values = Arrays.stream(column.values()).map(v -> column.array()
                ? h2 ? ((Collection<?>) v).toArray() : literal((Collection<?>) v)
                : v instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : v).toArray();
        // an array of the values' own class: a driver may take a byte[][] for bytea, not byte[] in Object[]
        Class<?> of = Arrays.stream(values).filter(Objects::nonNull).findFirst().<Class<?>>map(Object::getClass)
                .orElse(Object.class);
        return Arrays.copyOf(values, values.length,
                (Class<? extends Object[]>) java.lang.reflect.Array.newInstance(of, 0).getClass());
    }

    private static PreparedStatement prepare(Connection connection, String table, Column[] columns,
            String[] returned) throws SQLException {
        boolean h2 = connection.getMetaData().getDatabaseProductName().equals("H2");
        List<String> names = new ArrayList<>();
        List<String> arrays = new ArrayList<>();
        List<String> selected = new ArrayList<>();
        List<String> aliases = new ArrayList<>();
        boolean casts = false;
        for (int i = 0; i < columns.length; i++) {
            Column column = columns[i];
            names.add(column.name());
            arrays.add("cast(? as " + sent(column, h2) + " array)");
            aliases.add("c" + i);
            selected.add(column.array() ? "cast(c" + i + " as " + column.type() + ")" : "c" + i);
            casts |= column.array();
        }
        String rows = "unnest(" + String.join(", ", arrays) + ")";
        String sql = "insert into " + table + " (" + String.join(", ", names) + ") select "
                + (casts ? String.join(", ", selected) + " from " + rows + " as u(" + String.join(", ", aliases) + ")"
                        : "* from " + rows);
        PreparedStatement statement = returned == null ? connection.prepareStatement(sql)
                : connection.prepareStatement(sql, returned);
        for (int i = 0; i < columns.length; i++) {
            statement.setArray(i + 1, connection.createArrayOf(sent(columns[i], h2), parameter(columns[i], h2)));
        }
        return statement;
    }
}
