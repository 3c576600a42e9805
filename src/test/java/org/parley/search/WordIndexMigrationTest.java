package org.parley.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.parley.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The migrations of the word index on an index written before them, each in a schema of its own beside the test
 * database, with the migrations this build runs. V21: on PostgreSQL the term rows move into the arrays of the stems
 * rows, in term order with their weights, and into the distinct terms; on H2 they stay where they are and the arrays
 * stay empty. V23: a statement's stems and arrays move onto its row.
 */
@QuarkusTest
class WordIndexMigrationTest {

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "quarkus.flyway.locations")
    List<String> locations;

    private Flyway flyway(String schema, String target) {
        var configuration = Flyway.configure(Thread.currentThread().getContextClassLoader()).dataSource(dataSource)
                .schemas(schema).locations(locations.stream().map(l -> "classpath:" + l).toArray(String[]::new));
        return (target == null ? configuration : configuration.target(target)).load();
    }

    @Test
    void theTermsOfBeforeAreFoundInTheFormOfTheDatabase() throws SQLException {
        String schema = unique("v21").toLowerCase().replace('-', '_');
        String s = "\"" + schema + "\".";
        flyway(schema, "20").migrate();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            // the index has no foreign keys (V19): its rows need no records
            sql.executeUpdate("insert into " + s + "statement_term (term, statement_id, weight) values"
                    + " ('fr:organis', 7, 30), ('fr:accord', 7, 50), ('en:agreement', 8, 20)");
            sql.executeUpdate("insert into " + s + "statement_stems (statement_id, stems) values"
                    + " (7, ' accord organis '), (8, ' agreement '), (9, ' ')");
            sql.executeUpdate("insert into " + s + "event_term (term, event_id, weight) values ('en:summit', 3, 10)");
            sql.executeUpdate("insert into " + s + "event_stems (event_id, stems) values (3, ' summit ')");
        }
        try {
            flyway(schema, "22").migrate();
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                if (locations.contains("db/postgresql")) {
                    assertEquals(List.of(List.of("fr:accord", "fr:organis"), List.of(50, 30)),
                            arrays(sql, s + "statement_stems where statement_id = 7"));
                    assertEquals(List.of(List.of("en:agreement"), List.of(20)),
                            arrays(sql, s + "statement_stems where statement_id = 8"));
                    assertEquals(List.of(List.of(), List.of()), arrays(sql, s + "statement_stems where statement_id = 9"));
                    assertEquals(List.of(List.of("en:summit"), List.of(10)),
                            arrays(sql, s + "event_stems where event_id = 3"));
                    assertEquals(List.of("en:agreement", "en:summit", "fr:accord", "fr:organis"),
                            column(sql, "select term from " + s + "search_term order by term"));
                    assertEquals(List.of(0L), column(sql, "select count(*) from " + s + "statement_term"));
                    assertEquals(List.of(0L), column(sql, "select count(*) from " + s + "event_term"));
                    // the best weight of the wanted terms in a record, 0 for none of them
                    assertEquals(List.of(30, 0), column(sql, "select " + schema + ".word_weight(terms, weights,"
                            + " array['fr:organis', 'en:other']) from " + s + "statement_stems where statement_id = 7"
                            + " union all select " + schema + ".word_weight(terms, weights, array['en:other']) from "
                            + s + "statement_stems where statement_id = 7"));
                } else {
                    assertEquals(3L, column(sql, "select count(*) from " + s + "statement_term").get(0));
                    assertEquals(1L, column(sql, "select count(*) from " + s + "event_term").get(0));
                    try (ResultSet row = sql.executeQuery("select terms, weights from " + s
                            + "statement_stems where statement_id = 7")) {
                        row.next();
                        assertNull(row.getObject(1));
                        assertNull(row.getObject(2));
                    }
                    assertEquals(0L, column(sql, "select count(*) from " + s + "search_term").get(0));
                }
            }
        } finally {
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                sql.execute("drop schema \"" + schema + "\" cascade");
            }
        }
    }

    @Test
    void aStatementsEntryMovesOntoItsRow() throws SQLException {
        String schema = unique("v23").toLowerCase().replace('-', '_');
        String s = "\"" + schema + "\".";
        boolean arrays = locations.contains("db/postgresql");
        flyway(schema, "22").migrate();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            String stamps = "timestamp '2024-01-01 00:00:00', timestamp '2024-01-01 00:00:00', 0";
            sql.executeUpdate("insert into " + s + "participant (id, name, kind, created_at, updated_at, version)"
                    + " values (5, 'A minister', 'PERSON', " + stamps + ")");
            sql.executeUpdate("insert into " + s + "event (id, title, type, event_date, cameo_code, created_at,"
                    + " updated_at, version) values (3, 'A call', 'PHONE_CALL', date '2024-01-01', '040', " + stamps
                    + ")");
            for (int id : new int[] {7, 8}) {
                sql.executeUpdate("insert into " + s + "statement (id, event_id, speaker_id, text, language, kind,"
                        + " position, event_date, created_at, updated_at, version) values (" + id + ", 3, 5,"
                        + " 'Un accord', 'fr', 'POSITION', " + id + ", date '2024-01-01', " + stamps + ")");
            }
            // statement 8 has no entry yet, as a bulk load leaves it
            sql.executeUpdate("insert into " + s + "statement_stems (statement_id, stems"
                    + (arrays ? ", terms, weights" : "") + ") values (7, ' accord '"
                    + (arrays ? ", array['fr:accord', 'fr:un'], array[50, 20]" : "") + ")");
        }
        try {
            flyway(schema, null).migrate();
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                assertEquals(List.of(" accord "), column(sql, "select stems from " + s + "statement where id = 7"));
                if (arrays) {
                    assertEquals(List.of(List.of("fr:accord", "fr:un"), List.of(50, 20)),
                            arrays(sql, s + "statement where id = 7"));
                    // the best weight of the wanted terms in a record, 0 for none of them (V23_1's word_weight)
                    assertEquals(List.of(20, 50, 0), column(sql, "select " + schema + ".word_weight(terms, weights,"
                            + " array['fr:un', 'en:other']) from " + s + "statement where id = 7 union all select "
                            + schema + ".word_weight(terms, weights, array['fr:un', 'fr:accord']) from " + s
                            + "statement where id = 7 union all select " + schema + ".word_weight(terms, weights,"
                            + " array['en:other']) from " + s + "statement where id = 7"));
                } else {
                    assertEquals(Arrays.asList(null, null),
                            row(sql, "select terms, weights from " + s + "statement where id = 7"));
                }
                assertEquals(Arrays.asList(null, null, null),
                        row(sql, "select stems, terms, weights from " + s + "statement where id = 8"));
                assertEquals(List.of(0L), column(sql, "select count(*) from information_schema.tables"
                        + " where lower(table_schema) = '" + schema + "' and lower(table_name) = 'statement_stems'"));
            }
        } finally {
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                sql.execute("drop schema \"" + schema + "\" cascade");
            }
        }
    }

    /** The values of the one row a query selects. */
    private static List<Object> row(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            List<Object> values = new ArrayList<>();
            for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                values.add(row.getObject(i));
            }
            return values;
        }
    }

    /** The terms and weights of the one stems row the {@code from} clause selects, as lists. */
    private static List<List<Object>> arrays(Statement sql, String from) throws SQLException {
        try (ResultSet row = sql.executeQuery("select terms, weights from " + from)) {
            row.next();
            return List.of(list(row.getArray(1)), list(row.getArray(2)));
        }
    }

    private static List<Object> list(Array array) throws SQLException {
        return Arrays.asList((Object[]) array.getArray());
    }

    private static List<Object> column(Statement sql, String query) throws SQLException {
        List<Object> values = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getObject(1));
            }
        }
        return values;
    }
}
