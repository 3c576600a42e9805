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
 * stay empty. V23: a statement's stems and arrays move onto its row. V24: on H2 the term rows of statements become
 * postings, and each statement's terms are listed on its row; on PostgreSQL nothing changes.
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
        migrated(schema, "20", "22", sql -> {
            // the index has no foreign keys (V19): its rows need no records
            sql.executeUpdate("insert into " + s + "statement_term (term, statement_id, weight) values"
                    + " ('fr:organis', 7, 30), ('fr:accord', 7, 50), ('en:agreement', 8, 20)");
            sql.executeUpdate("insert into " + s + "statement_stems (statement_id, stems) values"
                    + " (7, ' accord organis '), (8, ' agreement '), (9, ' ')");
            sql.executeUpdate("insert into " + s + "event_term (term, event_id, weight) values ('en:summit', 3, 10)");
            sql.executeUpdate("insert into " + s + "event_stems (event_id, stems) values (3, ' summit ')");
        }, sql -> {
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
        });
    }

    @Test
    void aStatementsEntryMovesOntoItsRow() throws SQLException {
        String schema = unique("v23").toLowerCase().replace('-', '_');
        String s = "\"" + schema + "\".";
        boolean arrays = locations.contains("db/postgresql");
        migrated(schema, "22", null, sql -> {
            insertStatements(sql, s);
            // statement 8 has no entry yet, as a bulk load leaves it
            sql.executeUpdate("insert into " + s + "statement_stems (statement_id, stems"
                    + (arrays ? ", terms, weights" : "") + ") values (7, ' accord '"
                    + (arrays ? ", array['fr:accord', 'fr:un'], array[50, 20]" : "") + ")");
        }, sql -> {
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
        });
    }

    @Test
    void h2sTermRowsBecomePostings() throws SQLException {
        String schema = unique("v24").toLowerCase().replace('-', '_');
        String s = "\"" + schema + "\".";
        boolean arrays = locations.contains("db/postgresql");
        migrated(schema, "23", null, sql -> {
            insertStatements(sql, s);
            if (arrays) { // PostgreSQL's index is on the statements' rows; its term table is empty (V21_1)
                sql.executeUpdate("update " + s + "statement set stems = ' accord ', terms = array['fr:accord'],"
                        + " weights = array[50] where id = 7");
            } else {
                sql.executeUpdate("insert into " + s + "statement_term (term, statement_id, weight) values"
                        + " ('fr:un', 7, 20), ('fr:accord', 7, 50), ('fr:accord', 8, 30)");
            }
        }, sql -> {
            if (arrays) {
                assertEquals(List.of(List.of("fr:accord"), List.of(50)), arrays(sql, s + "statement where id = 7"));
                assertEquals(List.of(0L, 0L), column(sql, "select count(*) from " + s + "word union all"
                        + " select count(*) from " + s + "statement_posting"));
            } else {
                assertEquals(List.of("fr:accord", "fr:un"), column(sql, "select term from " + s
                        + "word order by term"));
                // a posting: the word's number times 2^32 plus the statement's id, with the term's weight
                assertEquals(List.of("fr:accord 7 50", "fr:accord 8 30", "fr:un 7 20"), column(sql,
                        "select w.term || ' ' || (p.posting - w.id * 4294967296) || ' ' || p.weight from " + s
                                + "statement_posting p join " + s + "word w on p.posting >= w.id * 4294967296"
                                + " and p.posting < (w.id + 1) * 4294967296 order by 1"));
                // a statement's terms, in term order, on its row: what removing its postings reads
                List<List<Object>> terms = new ArrayList<>();
                for (Object listed : column(sql, "select terms from " + s + "statement order by id")) {
                    terms.add(list((Array) listed));
                }
                assertEquals(List.of(List.of("fr:accord", "fr:un"), List.of("fr:accord")), terms);
            }
            assertEquals(List.of(0L), column(sql, "select count(*) from information_schema.tables"
                    + " where lower(table_schema) = '" + schema + "' and lower(table_name) = 'statement_term'"));
        });
    }

    /** What runs in a schema: SQL, which may fail. */
    private interface Work {
        void run(Statement sql) throws SQLException;
    }

    /**
     * Migrates a schema of its own to version {@code from}, runs {@code before} in it, migrates it on to {@code to}
     * (null: the last), runs {@code after}; then drops it.
     */
    private void migrated(String schema, String from, String to, Work before, Work after) throws SQLException {
        flyway(schema, from).migrate();
        try {
            run(before);
            flyway(schema, to).migrate();
            run(after);
        } finally {
            run(sql -> sql.execute("drop schema \"" + schema + "\" cascade"));
        }
    }

    private void run(Work work) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            work.run(sql);
        }
    }

    /** Statements 7 and 8 of event 3, said by participant 5, without an entry in the index. */
    private static void insertStatements(Statement sql, String s) throws SQLException {
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
