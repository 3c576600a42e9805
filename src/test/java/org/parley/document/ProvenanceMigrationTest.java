package org.parley.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.parley.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V13 on a database written before it, in a schema of its own beside the test database (H2 or PostgreSQL, whichever
 * the tests run on): the records stay as they were, without spans or hashes, and the stored documents and CSV rows,
 * which lack the new fields, are removed, so that the background task renders them again at the next start
 * ({@code StoredDocumentTest} shows it rendering what is missing).
 */
@QuarkusTest
class ProvenanceMigrationTest {

    private static final List<String> DOCUMENT_TABLES = List.of("event_doc", "event_full_doc", "statement_doc",
            "statement_csv");

    @Inject
    DataSource dataSource;

    private Flyway flyway(String schema, String target) {
        var configuration = Flyway.configure(Thread.currentThread().getContextClassLoader()).dataSource(dataSource)
                .schemas(schema).locations("classpath:db/migration");
        return (target == null ? configuration : configuration.target(target)).load();
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void aDatabaseOfBeforeKeepsItsRecordsAndHasItsDocumentsRenderedAgain() throws SQLException {
        String schema = unique("v13").toLowerCase().replace('-', '_');
        String s = "\"" + schema + "\"."; // Flyway quotes the name it creates
        flyway(schema, "12").migrate();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("insert into " + s + "participant (name, kind, country, created_at, updated_at, version)"
                    + " values ('Ministre', 'PERSON', 'EE', current_timestamp, current_timestamp, 0)");
            sql.executeUpdate("insert into " + s + "event (title, type, event_date, cameo_code, created_at,"
                    + " updated_at, version) values ('Entretien', 'MEETING', date '2023-04-04', '040',"
                    + " current_timestamp, current_timestamp, 0)");
            sql.executeUpdate("insert into " + s + "event_source (event_id, position, url, publisher)"
                    + " values (1, 0, 'https://example.org/before', 'Agence Test')");
            sql.executeUpdate("insert into " + s + "statement (event_id, speaker_id, text, language, kind, position,"
                    + " source_url, created_at, updated_at, version, event_date, speaker_country) values (1, 1,"
                    + " 'Écrit avant.', 'fr', 'REPORTED', 1, 'https://example.org/before', current_timestamp,"
                    + " current_timestamp, 0, date '2023-04-04', 'EE')");
            for (String table : DOCUMENT_TABLES) {
                String key = table.startsWith("event") ? "event_id" : "statement_id";
                String column = table.equals("statement_csv") ? "csv" : "doc";
                try (PreparedStatement insert = connection.prepareStatement(
                        "insert into " + s + table + " (" + key + ", " + column + ") values (1, ?)")) {
                    insert.setBytes(1, "{}".getBytes(StandardCharsets.UTF_8));
                    insert.executeUpdate();
                }
            }
        }

        flyway(schema, null).migrate();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            try (ResultSet row = sql.executeQuery("select text, span_start, span_end from " + s + "statement")) {
                row.next();
                assertEquals("Écrit avant.", row.getString(1));
                assertNull(row.getObject(2));
                assertNull(row.getObject(3));
            }
            try (ResultSet row = sql.executeQuery("select url, text_sha256 from " + s + "event_source")) {
                row.next();
                assertEquals("https://example.org/before", row.getString(1));
                assertNull(row.getObject(2));
            }
            for (String table : DOCUMENT_TABLES) {
                assertEquals(0, count(connection, "select count(*) from " + s + table), table + " is rendered again");
            }
            // the history has the columns too, and the database itself refuses a span that is no span
            assertEquals(0, count(connection, "select count(span_start) + count(span_end) from " + s
                    + "statement_aud"));
            assertEquals(0, count(connection, "select count(text_sha256) from " + s + "event_source_aud"));
            for (String[] span : new String[][] {{"5", "5"}, {"-1", "4"}, {"0", "null"}}) {
                assertThrows(SQLException.class, () -> sql.executeUpdate("update " + s + "statement set span_start = "
                        + span[0] + ", span_end = " + span[1]), String.join(", ", span));
            }
        } finally {
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                sql.execute("drop schema \"" + schema + "\" cascade");
            }
        }
    }
}
