package org.parley.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.parley.problem.ProblemException;
import org.parley.problem.Violation;

/**
 * The benchmark's floor ({@code bench/peer/compare.sh}): {@code GET /bench/floor?bytes=N} answers a constant JSON
 * object of exactly N bytes through the same HTTP stack, filters and JSON media type as the API, touching no
 * database, so that a query's rate can be set beside the most this application could serve at that size. Off
 * unless {@code parley.bench.floor=true} ({@code PARLEY_BENCH_FLOOR}); off, the path answers 404 like any unknown
 * one. Not an operation of the API: hidden from the OpenAPI document.
 */
@Path("/bench/floor")
public class BenchFloor {

    /** The largest body served, 16 MiB. */
    public static final int MAX_BYTES = 16 << 20;

    /** {"pad":""}: the body's frame around the padding. */
    private static final int FRAME = 10;

    private final boolean enabled;
    private final Map<Integer, byte[]> bodies = new ConcurrentHashMap<>();

    public BenchFloor(@ConfigProperty(name = "parley.bench.floor", defaultValue = "false") boolean enabled) {
        this.enabled = enabled;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public byte[] floor(@QueryParam("bytes") Integer bytes) {
        if (!enabled) {
            throw new NotFoundException();
        }
        int size = bytes == null ? FRAME : bytes;
        if (size < FRAME || size > MAX_BYTES) {
            throw ProblemException.invalid(Violation.query("bytes", "must be from " + FRAME + " to " + MAX_BYTES));
        }
        if (bodies.size() > 64) {
            bodies.clear(); // a handful of sizes per run; never more than a few MB held
        }
        return bodies.computeIfAbsent(size, BenchFloor::body);
    }

    /** {"pad":"xxx…"} of exactly {@code size} bytes. */
    static byte[] body(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'x');
        byte[] head = "{\"pad\":\"".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, body, 0, head.length);
        body[size - 2] = '"';
        body[size - 1] = '}';
        return body;
    }
}
