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
 * ids); PostgreSQL's {@code COPY} is faster still but takes text that we would have to escape ourselves and has no
 * H2 counterpart.
 */
public final class Rows {

    /** Rows written by one statement: the arrays of one statement stay a few megabytes. */
    public static final int CHUNK = 1000;

    /** A column of the rows: its name, the SQL type of its values (an array of it is the parameter), a value a row. */
    public record Column(String name, String type, Object[] values) {
    }

    /**
     * A column with a value per row, as {@code value} gives it for each of {@code rows} (an Instant in UTC). A column
     * whose type is an array ({@code "integer array"}) takes a collection a row, which travels as PostgreSQL's text
     * form of an array (PostgreSQL only: an array of arrays would be flattened by {@code unnest}).
     */
    @SuppressWarnings("unchecked")
    public static <T> Column column(String name, String type, Collection<T> rows, Function<T, ?> value) {
        if (type.endsWith(ARRAY)) {
            return new Column(name, type, rows.stream().map(value).map(v -> literal((Collection<?>) v))
                    .toArray(String[]::new));
        }
        // an Instant as the time with offset the drivers take for "timestamp with time zone", in UTC
        Object[] values = rows.stream().map(value)
                .map(v -> v instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : v).toArray();
        // an array of the values' own class: PostgreSQL's driver takes a byte[][] for bytea, not byte[] in Object[]
        Class<?> of = Arrays.stream(values).filter(Objects::nonNull).findFirst().<Class<?>>map(Object::getClass)
                .orElse(Object.class);
        return new Column(name, type, Arrays.copyOf(values, values.length,
                (Class<? extends Object[]>) java.lang.reflect.Array.newInstance(of, 0).getClass()));
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

    /** Inserts the rows that the columns hold (each holds as many values) into the table, in the columns' order. */
    public static void insert(Connection connection, String table, Column... columns) throws SQLException {
        if (columns[0].values().length == 0) {
            return;
        }
        try (PreparedStatement insert = prepare(connection, table, columns, null)) {
            insert.executeUpdate();
        }
    }

    /**
     * Inserts the rows as {@link #insert} does and returns, for each inserted row, the values of the columns
     * {@code returned} names (generated ids, and the columns that tell which row of the input each is), in rows
     * of objects. The order of the returned rows is the database's: tell them apart by their values.
     */
    public static List<Object[]> insertReturning(Connection connection, String table, String[] returned,
            Column... columns) throws SQLException {
        try (PreparedStatement insert = prepare(connection, table, columns, returned)) {
            insert.executeUpdate();
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                while (keys.next()) {
                    Object[] row = new Object[returned.length];
                    for (int i = 0; i < returned.length; i++) {
                        row[i] = keys.getObject(i + 1);
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    /** The SQL type a column's values travel as: an array column's as text. */
    private static String sent(Column column) {
        return column.type().endsWith(ARRAY) ? "varchar" : column.type();
    }

    private static PreparedStatement prepare(Connection connection, String table, Column[] columns,
            String[] returned) throws SQLException {
        List<String> names = new ArrayList<>();
        List<String> arrays = new ArrayList<>();
        List<String> selected = new ArrayList<>();
        List<String> aliases = new ArrayList<>();
        boolean casts = false;
        for (int i = 0; i < columns.length; i++) {
            Column column = columns[i];
            names.add(column.name());
            arrays.add("cast(? as " + sent(column) + " array)");
            aliases.add("c" + i);
            boolean array = column.type().endsWith(ARRAY);
            selected.add(array ? "cast(c" + i + " as " + column.type() + ")" : "c" + i);
            casts |= array;
        }
        String rows = "unnest(" + String.join(", ", arrays) + ")";
        String sql = "insert into " + table + " (" + String.join(", ", names) + ") select "
                + (casts ? String.join(", ", selected) + " from " + rows + " as u(" + String.join(", ", aliases) + ")"
                        : "* from " + rows);
        PreparedStatement statement = returned == null ? connection.prepareStatement(sql)
                : connection.prepareStatement(sql, returned);
        for (int i = 0; i < columns.length; i++) {
            statement.setArray(i + 1, connection.createArrayOf(sent(columns[i]), columns[i].values()));
        }
        return statement;
    }
}
