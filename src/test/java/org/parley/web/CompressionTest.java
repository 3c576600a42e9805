package org.parley.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Issue 22: {@code Accept-Encoding: gzip} (what {@code curl --compressed} sends) gets JSON, NDJSON, CSV and pages
 * gzipped, the same bytes once decompressed; without it nothing is compressed. Exports still stream, and an ETag
 * validates either encoding. Java's HttpClient, which neither asks for nor undoes compression, shows the bytes sent.
 */
@QuarkusTest
class CompressionTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TestHTTPResource("/")
    URL base;

    @Test
    void gzipWhenAskedAndTheSameBodyOnceDecompressed() throws Exception {
        for (String target : List.of("/api/v1/statements?format=csv", "/api/v1/events?format=ndjson",
                "/api/v1/statements?size=50", "/api/v1/events/1", "/events")) {
            HttpResponse<byte[]> identity = get(target, null, null);
            HttpResponse<byte[]> gzip = get(target, "gzip", null);
            assertEquals(identity.statusCode(), gzip.statusCode(), target);
            assertFalse(identity.headers().firstValue("Content-Encoding").orElse("identity").contains("gzip"), target);
            assertEquals("gzip", gzip.headers().firstValue("Content-Encoding").orElse(null), target);
            assertEquals(identity.headers().firstValue("Content-Type"), gzip.headers().firstValue("Content-Type"));
            for (HttpResponse<byte[]> response : List.of(identity, gzip)) {
                assertTrue(String.join(",", response.headers().allValues("Vary")).contains("Accept-Encoding"),
                        target + ": a cache must keep the two encodings apart: " + response.headers().map());
            }
            assertTrue(identity.body().length > 0, target);
            assertArrayEquals(identity.body(), gunzip(gzip.body()), target + ": the same bytes once decompressed");
        }
    }

    @Test
    void aCompressedExportStillStreams() throws Exception {
        for (String target : List.of("/api/v1/statements?format=csv", "/api/v1/events?format=ndjson")) {
            HttpResponse<byte[]> gzip = get(target, "gzip", null);
            assertEquals(200, gzip.statusCode());
            assertEquals("gzip", gzip.headers().firstValue("Content-Encoding").orElse(null));
            assertEquals("chunked", gzip.headers().firstValue("Transfer-Encoding").orElse(null), target);
            assertTrue(gzip.headers().firstValue("Content-Length").isEmpty(), target);
        }
    }

    /** The ETag names the representation before its content coding: one tag, a 304 for it in either encoding. */
    @Test
    void anETagValidatesEitherEncoding() throws Exception {
        HttpResponse<byte[]> identity = get("/api/v1/events/1", null, null);
        HttpResponse<byte[]> gzip = get("/api/v1/events/1", "gzip", null);
        String tag = identity.headers().firstValue("ETag").orElse(null);
        assertNotNull(tag);
        assertEquals(tag, gzip.headers().firstValue("ETag").orElse(null));
        for (String encoding : new String[] {null, "gzip"}) {
            HttpResponse<byte[]> notModified = get("/api/v1/events/1", encoding, tag);
            assertEquals(304, notModified.statusCode(), "If-None-Match with Accept-Encoding " + encoding);
            assertEquals(0, notModified.body().length);
            assertTrue(String.join(",", notModified.headers().allValues("Vary")).contains("Accept-Encoding"));
            assertEquals(200, get("/api/v1/events/1", encoding, "\"other\"").statusCode());
        }
    }

    private HttpResponse<byte[]> get(String target, String acceptEncoding, String ifNoneMatch)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString()).resolve(target));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }
}
