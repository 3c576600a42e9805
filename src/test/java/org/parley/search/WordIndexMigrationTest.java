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
 * V21 on a word index written before it, in a schema of its own beside the test database, with the migrations this
 * build runs: on PostgreSQL the term rows move into the arrays of the stems rows, in term order with their weights,
 * and into the distinct terms; on H2 they stay where they are and the arrays stay empty.
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
            flyway(schema, null).migrate();
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
