package org.parley.common;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Streams every row of a query as CSV (RFC 4180, UTF-8, header row) or NDJSON, batch by batch, so that an export
 * starts at once and its memory does not grow with its size. {@code fields=} picks and orders the columns.
 */
@ApplicationScoped
public class Exports {

    private static final Logger LOG = Logger.getLogger(Exports.class);

    private final ObjectMapper json;
    private final CsvMapper csv = CsvMapper.builder().enable(JsonGenerator.Feature.IGNORE_UNKNOWN)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final CurrentVertxRequest request;

    public Exports(ObjectMapper json, CurrentVertxRequest request) {
        this.request = request;
        this.json = json.copy().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        csv.findAndRegisterModules();
    }

    /**
     * The export response in one of {@link Formats#CSV} (rows of {@code rowType}) or {@link Formats#NDJSON} (objects
     * of {@code jsonType}, or their {@link Rendered} documents), each made from batches of its own source;
     * {@code fields} is checked against the chosen type, and every bad parameter is a 400.
     */
    public <R extends java.lang.Record, J> RestResponse<StreamingOutput> respond(Params params, String mediaType,
            String fields, String name, Consumer<Consumer<List<R>>> rows, Class<R> rowType,
            Consumer<Consumer<List<J>>> objects, Class<? extends java.lang.Record> jsonType) {
        if (Formats.CSV.equals(mediaType)) {
            List<String> columns = fields(params, fields, rowType);
            params.validate();
            StreamingOutput body = csv(rows, rowType, columns, response());
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

    /** The rows of a source as CSV, one column per field of the row record (or the chosen ones, in their order). */
    private <R extends java.lang.Record> StreamingOutput csv(Consumer<Consumer<List<R>>> rows, Class<R> rowType,
            List<String> fields, HttpServerResponse response) {
        CsvSchema full = csv.schemaFor(rowType);
        CsvSchema.Builder chosen = CsvSchema.builder();
        for (String field : fields.isEmpty() ? names(rowType) : fields) {
            chosen.addColumn(full.column(field));
        }
        ObjectWriter writer = csv.writerFor(rowType).with(chosen.setUseHeader(true).build());
        return output -> {
            try (SequenceWriter sequence = writer.writeValues(output)) {
                rows.accept(batch -> write(sequence, batch, response));
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
                objects.accept(batch -> write(sequence, keep.isEmpty() ? batch
                        : batch.stream().map(object -> select(object, keep)).toList(), response));
                output.write('\n');
            } catch (UncheckedIOException e) {
                endEarly(e);
            }
        };
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
        List<String> allowed = names(type);
        List<String> fields = Arrays.stream(value.split(",")).map(String::trim).filter(f -> !f.isEmpty()).distinct()
                .toList();
        for (String field : fields) {
            if (!allowed.contains(field)) {
                params.invalid("fields", "'" + field + "' is not a field; use some of " + String.join(", ", allowed));
            }
        }
        return fields;
    }

    private static List<String> names(Class<? extends java.lang.Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName).toList();
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

    /**
     * Writes a batch, or stops the export when the client has gone: writes to a closed connection do not fail, so an
     * abandoned export of a million rows would otherwise run to its end.
     */
    private static void write(SequenceWriter rows, List<?> batch, HttpServerResponse response) {
        if (response.closed()) {
            throw new UncheckedIOException(new ClientGone());
        }
        try {
            rows.writeAll(batch);
            rows.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
