package org.parley.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.parley.store.Csv;
import org.parley.store.Record;
import org.parley.store.Rendered;

/**
 * Streams every row of a query as CSV (RFC 4180, UTF-8, header row) or NDJSON, batch by batch, so that an export
 * starts at once and its memory does not grow with its size. {@code fields=} picks and orders the columns.
 */
@ApplicationScoped
public class Exports {

    private static final Logger LOG = Logger.getLogger(Exports.class);

    private final ObjectMapper json;

    private final CurrentVertxRequest request;

    /** Batches read ahead of the one being written. */
    private static final int BATCHES_AHEAD = 2;

    /** The threads that encode and send export batches, one per export in progress. */
    private final ExecutorService writers = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "export-writer");
        thread.setDaemon(true);
        return thread;
    });

    public Exports(ObjectMapper json, CurrentVertxRequest request) {
        this.request = request;
        this.json = json.copy().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /**
     * The export response in one of {@link Formats#CSV} (rows of {@code rowType}) or {@link Formats#NDJSON} (objects
     * of {@code jsonType}, or their {@link Rendered} documents), each made from batches of its own source;
     * {@code fields} is checked against the chosen type, and every bad parameter is a 400. A CSV export of every
     * column sends the rows of {@code storedRows} (stored, in the form of {@link Csv#row}) when there is such a source.
     */
    public <R extends java.lang.Record, J> RestResponse<StreamingOutput> respond(Params params, String mediaType,
            String fields, String name, Consumer<Consumer<List<R>>> rows, Class<R> rowType,
            Consumer<Consumer<List<byte[]>>> storedRows, Consumer<Consumer<List<J>>> objects,
            Class<? extends java.lang.Record> jsonType) {
        if (Formats.CSV.equals(mediaType)) {
            List<String> columns = fields(params, fields, rowType);
            params.validate();
            StreamingOutput body = columns.isEmpty() && storedRows != null
                    ? storedCsv(storedRows, Csv.header(rowType), response())
                    : csv(rows, Csv.writer(rowType, columns), response());
            return RestResponse.ResponseBuilder.ok(body, Formats.CSV + ";charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"").build();
        }
        List<String> properties = fields(params, fields, jsonType);
        params.validate();
        return RestResponse.ResponseBuilder.ok(ndjson(objects, properties, response()), Formats.NDJSON).build();
    }

    /** A source whose batches are those of another, mapped. */
    public static <E, T> Consumer<Consumer<List<T>>> mapped(Consumer<Consumer<List<E>>> source, Function<E, T> map) {
        return sink -> source.accept(batch -> sink.accept(batch.stream().map(map).toList()));
    }

    /** The rows of a source as CSV, written by {@code writer} (a header row, then one row per record). */
    private <R extends java.lang.Record> StreamingOutput csv(Consumer<Consumer<List<R>>> rows, ObjectWriter writer,
            HttpServerResponse response) {
        return output -> {
            try (SequenceWriter sequence = writer.writeValues(output)) {
                pipelined(rows, batch -> write(response, () -> {
                    sequence.writeAll(batch);
                    sequence.flush();
                }));
            } catch (UncheckedIOException e) {
                endEarly(e);
            }
        };
    }

    /** Stored CSV rows, sent as they are after the header row. */
    private StreamingOutput storedCsv(Consumer<Consumer<List<byte[]>>> rows, byte[] header,
            HttpServerResponse response) {
        return output -> {
            try {
                output.write(header);
                pipelined(rows, batch -> write(response, () -> {
                    for (byte[] row : batch) {
                        output.write(row);
                    }
                    output.flush();
                }));
            } catch (UncheckedIOException e) {
                endEarly(e);
            }
        };
    }

    /** The objects of a source as newline-delimited JSON, with only the chosen properties when fields are given. */
    private <J> StreamingOutput ndjson(Consumer<Consumer<List<J>>> objects, List<String> fields,
            HttpServerResponse response) {
        ObjectWriter writer = json.writer().withRootValueSeparator("\n");
        Set<String> keep = new LinkedHashSet<>(fields);
        return output -> {
            try (SequenceWriter sequence = writer.writeValues(output)) {
                pipelined(objects, batch -> write(response, () -> {
                    sequence.writeAll(keep.isEmpty() ? batch
                            : batch.stream().map(object -> select(object, keep)).toList());
                    sequence.flush();
                }));
                output.write('\n');
            } catch (UncheckedIOException e) {
                endEarly(e);
            }
        };
    }

    /**
     * Hands each batch of the source to {@code write} on a second thread, so that the next batch is read from the
     * database while this one is encoded and sent: the two took turns before, each idle while the other worked
     * (an export of a million statements spent about 60 % of its time waiting for PostgreSQL). At most
     * {@value #BATCHES_AHEAD} batches wait, so memory stays bounded. The source keeps the calling thread, which holds
     * the transaction and persistence context that it reads with. A failure of the writer (the client has gone)
     * stops the source at its next batch; the writer is always waited for before this returns.
     */
    private <T> void pipelined(Consumer<Consumer<List<T>>> source, Consumer<List<T>> write) {
        BlockingQueue<List<T>> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
        List<T> end = new ArrayList<>(); // the marker after the last batch, compared by identity
        Future<?> writer = writers.submit(() -> {
            for (List<T> batch = queue.take(); batch != end; batch = queue.take()) {
                write.accept(batch);
            }
            return null;
        });
        boolean finished = false;
        try {
            source.accept(batch -> hand(queue, batch, writer));
            hand(queue, end, writer);
            rethrow(writer);
            finished = true;
        } finally {
            if (!finished) { // the source or the writer failed: stop the writer before the output is closed
                queue.clear();
                queue.offer(end);
                try {
                    writer.get();
                } catch (ExecutionException e) {
                    LOG.debugf("export writer after a failure: %s", e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Queues a batch for the writer, or throws what the writer failed with. */
    private static <T> void hand(BlockingQueue<List<T>> queue, List<T> batch, Future<?> writer) {
        try {
            while (!writer.isDone()) {
                if (queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("export interrupted"));
        }
        rethrow(writer);
        throw new IllegalStateException("export writer ended before the last batch");
    }

    /** Waits for the writer and throws what it failed with (unchecked, as the source's sink must). */
    private static void rethrow(Future<?> writer) {
        try {
            writer.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("export writer failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("export interrupted"));
        }
    }

    /** The JSON properties named, in their order. */
    public ObjectNode select(Object value, Set<String> fields) {
        ObjectNode all;
        try {
            all = value instanceof Rendered<?> rendered ? (ObjectNode) json.readTree(rendered.json())
                    : json.valueToTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored document is not JSON", e);
        }
        ObjectNode kept = json.createObjectNode();
        fields.forEach(field -> kept.set(field, all.get(field)));
        return kept;
    }

    /**
     * The fields asked for in {@code fields=a,b}, each checked against the allowed names (the components of the
     * record type); empty when absent.
     */
    public static List<String> fields(Params params, String value, Class<? extends java.lang.Record> type) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> allowed = Csv.columns(type);
        List<String> fields = Arrays.stream(value.split(",")).map(String::trim).filter(f -> !f.isEmpty()).distinct()
                .toList();
        for (String field : fields) {
            if (!allowed.contains(field)) {
                params.invalid("fields", "'" + field + "' is not a field; use some of " + String.join(", ", allowed));
            }
        }
        return fields;
    }

    /** The client closed the connection during an export. */
    private static final class ClientGone extends IOException {
        ClientGone() {
            super("the client closed the connection; export stopped");
        }
    }

    /** Ends an export that failed: quietly when the client left, else with the failure (logged as unexpected). */
    private static void endEarly(UncheckedIOException e) throws IOException {
        if (e.getCause() instanceof ClientGone gone) {
            LOG.debug(gone.getMessage());
            return;
        }
        throw e.getCause();
    }

    /** The response of the request being answered, taken while its context is current. */
    private HttpServerResponse response() {
        return request.getCurrent().response();
    }

    /** Writing one batch of an export. */
    @FunctionalInterface
    private interface BatchWrite {
        void run() throws IOException;
    }

    /**
     * Writes a batch, or stops the export when the client has gone: writes to a closed connection do not fail, so an
     * abandoned export of a million rows would otherwise run to its end.
     */
    private static void write(HttpServerResponse response, BatchWrite write) {
        if (response.closed()) {
            throw new UncheckedIOException(new ClientGone());
        }
        try {
            write.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
