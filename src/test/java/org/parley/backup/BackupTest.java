package org.parley.backup;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.Api.createEvent;
import static org.parley.Api.createParticipant;
import static org.parley.Api.event;
import static org.parley.Api.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.Driver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.Api;
import org.parley.EmbeddedH2;

/**
 * Online backups of an H2 file database: each verified and counted, kept to a count, reported by the wellness check
 * and on /q/metrics; a failure makes the check say so without touching readiness; tools/restore-h2.sh restores one.
 */
@QuarkusTest
@TestProfile(BackupTest.OnFile.class)
class BackupTest {

    static final Path HOME = Path.of("target", "backup-test").toAbsolutePath();
    static final Path BACKUPS = HOME.resolve("backups");

    public static class OnFile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return EmbeddedH2.withFile(HOME, Map.of("parley.backup.every", "1h", "parley.backup.keep", "2"));
        }
    }

    @Inject
    Backups backups;

    @Inject
    DataSource live;

    @Inject
    Scheduler scheduler;

    @BeforeEach
    void emptyTheFolders() throws IOException {
        deleteTree(BACKUPS);
        deleteTree(HOME.resolve("restored"));
    }

    /** On PostgreSQL (its build's run of the suite) nothing is scheduled, taken or reported as failed. */
    @Test
    void onPostgresqlParleyTakesNoBackups() {
        if (EmbeddedH2.built()) {
            assertTrue(backups.applies());
            return; // the tests below are the H2 build's
        }
        assertFalse(backups.applies());
        assertEquals(null, scheduler.getScheduledJob("h2-backup"));
        Api.editor().body(Map.of()).post("/api/v1/backups").then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("Parley backs up only its embedded H2 database; this one is backed up by its"
                        + " server's own tools"));
        Api.editor().get("/api/v1/backups").then().statusCode(200)
                .body("applies", equalTo(false), "items", org.hamcrest.Matchers.empty());
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> backups.take());
        assertTrue(refused.getMessage().contains("not an H2 file"), refused.getMessage());
        given().get("/q/health/well").then().statusCode(200)
                .body("checks.find { it.name == 'backups' }.status", equalTo("UP"),
                        "checks.find { it.name == 'backups' }.data.applies", equalTo(false));
    }

    @Test
    void backupsAreScheduledOnePeriodAfterTheStart() {
        if (!EmbeddedH2.built()) {
            return; // see onPostgresqlParleyTakesNoBackups
        }
        Trigger job = scheduler.getScheduledJob("h2-backup");
        assertTrue(job != null, "scheduled");
        Instant next = job.getNextFireTime();
        assertTrue(next.isAfter(Instant.now().plus(Duration.ofMinutes(55))), "the first backup an hour after the start: "
                + next);
    }

    @Test
    void aBackupIsVerifiedKeptToTheCountAndRestoredByTheTool() throws Exception {
        if (!EmbeddedH2.built()) {
            return; // see onPostgresqlParleyTakesNoBackups
        }
        assertTrue(backups.applies());
        assertEquals(BACKUPS, backups.directory(), "beside the database file, unless configured");
        long host = createParticipant(unique("Host"), "FR");
        createEvent(event("Before the backup", "MEETING", "2024-02-01", List.of(host), Map.of()));
        double succeeded = metric("parley_backups_total{outcome=\"success\"}");
        Backup first = backups.take();
        long events = count("select count(*) from event");
        assertEquals(events, first.events(), "the backup holds every event written before it");
        assertEquals(count("select count(*) from statement"), first.statements());
        assertEquals(count("select max(rev) from revinfo"), first.lastRevision());
        assertTrue(Files.size(first.file()) == first.bytes() && first.bytes() > 0);
        assertTrue(first.file().getFileName().toString().matches("parley-\\d{8}T\\d{9}Z\\.zip"), first.file().toString());

        createEvent(event("After the backup", "MEETING", "2024-02-02", List.of(host), Map.of()));
        Thread.sleep(2);
        Backup second = backups.take();
        Thread.sleep(2);
        Backup third = backups.take();
        assertEquals(events + 1, third.events());
        assertEquals(List.of(third.file(), second.file()), backups.list(), "the two newest kept, newest first");
        assertFalse(Files.exists(first.file()));
        given().get("/q/health/well").then().statusCode(200)
                .body("checks.find { it.name == 'backups' }.status", equalTo("UP"),
                        "checks.find { it.name == 'backups' }.data.last", equalTo(third.file().getFileName().toString()),
                        "checks.find { it.name == 'backups' }.data.kept", equalTo(2));
        assertEquals(succeeded + 3, metric("parley_backups_total{outcome=\"success\"}"), "three successes counted");
        assertEquals(third.takenAt().getEpochSecond(), metric("parley_backup_last_success_seconds"));
        assertEquals(third.bytes(), metric("parley_backup_last_size_bytes"));

        // the tool refuses the database Parley has open, and leaves it where it is
        String refused = restore(second.file(), HOME.resolve("parley"), 1);
        assertTrue(refused.contains("cannot be opened (in use? stop Parley first)"), refused);
        assertTrue(Files.exists(HOME.resolve("parley.mv.db")));
        // it restores the second backup into a database of its own: the event written before it, not after
        Path restored = HOME.resolve("restored").resolve("parley");
        String said = restore(second.file(), restored, 0);
        assertTrue(said.contains((events + 1) + " events"), said);
        try (Connection opened = DriverManager.getConnection("jdbc:h2:file:" + restored + ";ACCESS_MODE_DATA=r",
                "parley", "")) {
            assertEquals(events + 1, count(opened, "select count(*) from event"));
            assertEquals(second.lastRevision(), count(opened, "select max(rev) from revinfo"));
        }
    }

    /** Runs tools/restore-h2.sh; returns what it printed, once it exited with {@code exitCode}. */
    private static String restore(Path backup, Path database, int exitCode) throws Exception {
        ProcessBuilder tool = new ProcessBuilder("tools/restore-h2.sh", backup.toString(), database.toString())
                .redirectErrorStream(true);
        tool.environment().put("H2_JAR", Path.of(Driver.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI()).toString());
        Process restore = tool.start();
        restore.getOutputStream().close();
        String said = new String(restore.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(restore.waitFor(120, TimeUnit.SECONDS));
        assertEquals(exitCode, restore.exitValue(), said);
        return said;
    }

    @Test
    void administratorsTakeOneNowAndListThemAndNoOneElseMay() throws SQLException {
        if (!EmbeddedH2.built()) {
            return; // see onPostgresqlParleyTakesNoBackups
        }
        String taken = Api.editor().body(Map.of("reason", "before a test")).post("/api/v1/backups").then()
                .statusCode(200)
                .body("events", equalTo((int) count("select count(*) from event")),
                        "statements", equalTo((int) count("select count(*) from statement")),
                        "lastRevision", equalTo((int) count("select max(rev) from revinfo")))
                .extract().jsonPath().getString("name");
        Api.editor().get("/api/v1/backups").then().statusCode(200)
                .body("applies", equalTo(true), "every", equalTo("1h"), "keep", equalTo(2),
                        "items[0].name", equalTo(taken), "items.name", org.hamcrest.Matchers.hasSize(
                                backups.list().size()), "items[0].bytes", org.hamcrest.Matchers.greaterThan(0));
        String curator = Api.unique("curator").toLowerCase(java.util.Locale.ROOT);
        Api.editor().body(Map.of("username", curator, "password", "a long enough secret", "roles", List.of("editor")))
                .post("/api/v1/accounts").then().statusCode(201);
        given().auth().preemptive().basic(curator, "a long enough secret").contentType("application/json").body("{}")
                .post("/api/v1/backups").then().statusCode(403).contentType("application/problem+json");
        given().contentType("application/json").body("{}").post("/api/v1/backups").then().statusCode(401);
        Api.editor().body(Map.of("reason", "x".repeat(501))).post("/api/v1/backups").then().statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        assertEquals(1, backups.list().stream().filter(f -> f.getFileName().toString().equals(taken)).count());
    }

    @Test
    void aFailedBackupMakesTheWellnessCheckDownButNotReadiness() throws IOException {
        if (!EmbeddedH2.built()) {
            return; // see onPostgresqlParleyTakesNoBackups
        }
        Path directory = backups.directory();
        deleteTree(directory);
        Files.writeString(directory, "a file where the folder of the backups should be");
        try {
            double failed = metric("parley_backups_total{outcome=\"failure\"}");
            IllegalStateException failure = assertThrows(IllegalStateException.class, () -> backups.take());
            assertTrue(failure.getMessage().startsWith("backup parley-"), failure.getMessage());
            given().get("/q/health/well").then().statusCode(503)
                    .body("checks.find { it.name == 'backups' }.status", equalTo("DOWN"),
                            "checks.find { it.name == 'backups' }.data.error", org.hamcrest.Matchers.notNullValue());
            given().get("/q/health/ready").then().statusCode(200);
            assertEquals(failed + 1, metric("parley_backups_total{outcome=\"failure\"}"), "the failure counted");
        } finally {
            Files.delete(directory);
        }
        backups.take();
        given().get("/q/health/well").then().statusCode(200)
                .body("checks.name", hasItem("backups"), "checks.find { it.name == 'backups' }.status", equalTo("UP"));
    }

    private static void deleteTree(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            try (var files = Files.walk(directory)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = live.getConnection()) {
            return count(connection, sql);
        }
    }

    /** The value of a line of /q/metrics, named with its tags. */
    private static double metric(String name) {
        String metrics = given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
        // Prometheus' text format allows a comma after the last label, which Micrometer writes
        return metrics.lines().map(line -> line.replace(",}", "}")).filter(line -> line.startsWith(name + " ")).mapToDouble(
                line -> Double.parseDouble(line.substring(name.length() + 1).trim())).findFirst().orElseThrow(
                        () -> new AssertionError(name + " is not on /q/metrics: " + metrics.lines()
                                .filter(line -> line.contains("backup")).toList()));
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
