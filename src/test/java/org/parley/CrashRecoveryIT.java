package org.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every write acknowledged with 201 survives a SIGKILL of the process: starts the packaged jar, writes from several
 * threads, kills it while writes are in flight, starts it again on the same database and reads every record back.
 */
class CrashRecoveryIT {

    private static final String PASSWORD = "crash-test-secret";
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final int WRITERS = 4;
    private static final int MAX_WRITES_PER_WRITER = 5_000;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void acknowledgedWritesSurviveKillMinus9() throws Exception {
        int port = freePort();
        Path log = Files.createTempFile("parley-crash", ".log");
        Process first = start(port, log);
        awaitReady(port, first);

        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        List<String> refusals = java.util.Collections.synchronizedList(new ArrayList<>());
        String run = Long.toString(System.nanoTime(), 36);
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.submit(() -> {
                for (int i = 0; i < MAX_WRITES_PER_WRITER && !stop.get(); i++) {
                    String slug = "crash-" + run + "-" + writer + "-" + i;
                    try {
                        HttpResponse<String> response = http.send(post(port, slug), HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 201) {
                            refusals.add(response.statusCode() + " " + response.body());
                        } else {
                            Matcher id = ID.matcher(response.body());
                            if (id.find()) {
                                acknowledged.put(Long.parseLong(id.group(1)), slug);
                            }
                        }
                    } catch (IOException | InterruptedException e) {
                        return; // the server is gone
                    }
                }
            });
        }
        // kill while the writers are busy
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (acknowledged.size() < 200 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        first.destroyForcibly(); // SIGKILL on Linux
        first.waitFor(10, TimeUnit.SECONDS);
        stop.set(true);
        writers.shutdown();
        assertTrue(writers.awaitTermination(30, TimeUnit.SECONDS), "writers stop");
        int acked = acknowledged.size();
        assertTrue(acked >= 200, "enough writes were acknowledged before the kill: " + acked + "; refused: "
                + refusals.stream().limit(3).toList());

        Process second = start(port, log);
        try {
            awaitReady(port, second);
            List<Long> missing = new ArrayList<>();
            for (var entry : acknowledged.entrySet()) {
                HttpResponse<String> read = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/topics/" + entry.getKey())).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (read.statusCode() != 200 || !read.body().contains("\"slug\":\"" + entry.getValue() + "\"")) {
                    missing.add(entry.getKey());
                }
            }
            System.out.printf("crash test: %d writes acknowledged before SIGKILL, %d missing after restart%n",
                    acked, missing.size());
            assertEquals(List.of(), missing, "acknowledged topics lost by the crash");
        } finally {
            second.destroy();
            second.waitFor(20, TimeUnit.SECONDS);
        }
    }

    private Process start(int port, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", System.getProperty("parley.jar"));
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        builder.environment().put("QUARKUS_DATASOURCE_JDBC_URL", System.getProperty("parley.crash.jdbc.url"));
        builder.environment().put("PARLEY_EDITOR_PASSWORD", PASSWORD);
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return builder.start();
    }

    private void awaitReady(int port, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            assertTrue(process.isAlive(), "Parley exited during start");
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Parley did not become ready within 90 s");
    }

    private static HttpRequest post(int port, String slug) {
        String auth = Base64.getEncoder().encodeToString(("editor:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/topics"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + auth)
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("{\"slug\":\"" + slug + "\",\"name\":\"Crash " + slug + "\"}"))
                .build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
