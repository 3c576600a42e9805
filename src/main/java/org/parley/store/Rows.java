package org.parley.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
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

    /** A column with a value per row, as {@code value} gives it for each of {@code rows} (an Instant in UTC). */
    @SuppressWarnings("unchecked")
    public static <T> Column column(String name, String type, Collection<T> rows, Function<T, ?> value) {
        // an Instant as the time with offset the drivers take for "timestamp with time zone", in UTC
        Object[] values = rows.stream().map(value)
                .map(v -> v instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : v).toArray();
        // an array of the values' own class: PostgreSQL's driver takes a byte[][] for bytea, not byte[] in Object[]
        Class<?> of = Arrays.stream(values).filter(Objects::nonNull).findFirst().<Class<?>>map(Object::getClass)
                .orElse(Object.class);
        return new Column(name, type, Arrays.copyOf(values, values.length,
                (Class<? extends Object[]>) java.lang.reflect.Array.newInstance(of, 0).getClass()));
    }

    private Rows() {
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

    private static PreparedStatement prepare(Connection connection, String table, Column[] columns,
            String[] returned) throws SQLException {
        List<String> names = new ArrayList<>();
        List<String> arrays = new ArrayList<>();
        for (Column column : columns) {
            names.add(column.name());
            arrays.add("cast(? as " + column.type() + " array)");
        }
        String sql = "insert into " + table + " (" + String.join(", ", names) + ") select * from unnest("
                + String.join(", ", arrays) + ")";
        PreparedStatement statement = returned == null ? connection.prepareStatement(sql)
                : connection.prepareStatement(sql, returned);
        for (int i = 0; i < columns.length; i++) {
            statement.setArray(i + 1, connection.createArrayOf(columns[i].type(), columns[i].values()));
        }
        return statement;
    }
}
