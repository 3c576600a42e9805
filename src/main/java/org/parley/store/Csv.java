package org.parley.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The CSV form of rows (RFC 4180, UTF-8, a header row of the column names): one column per component of a row
 * record, in its {@code @JsonPropertyOrder}. Exports write with it, and stored documents keep rows made with it.
 */
public final class Csv {

    private static final CsvMapper MAPPER = CsvMapper.builder().enable(JsonGenerator.Feature.IGNORE_UNKNOWN)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .findAndAddModules()
            .build();

    /** The writer of {@link #row}, one per row type: building it (schema, serializer lookup) costs more than a row. */
    private static final ClassValue<ObjectWriter> ROW_WRITERS = new ClassValue<>() {
        @Override
        @SuppressWarnings("unchecked")
        protected ObjectWriter computeValue(Class<?> rowType) {
            Class<? extends java.lang.Record> type = (Class<? extends java.lang.Record>) rowType;
            return MAPPER.writerFor(type).with(schema(type, List.of()).withoutHeader());
        }
    };

    private Csv() {
    }

    /** A writer of rows of the type with the columns named (all, when none are), after a header row. */
    public static ObjectWriter writer(Class<? extends java.lang.Record> rowType, List<String> columns) {
        return MAPPER.writerFor(rowType).with(schema(rowType, columns).withHeader());
    }

    /** The header row of every column of the type, as {@link #writer} writes it (the names need no quotes). */
    public static byte[] header(Class<? extends java.lang.Record> rowType) {
        return (String.join(",", columns(rowType)) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** One row with every column, without header, ending in a newline: what {@link #writer} writes for it. */
    public static byte[] row(java.lang.Record row) {
        try {
            return ROW_WRITERS.get(row.getClass()).writeValueAsBytes(row);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + row.getClass().getSimpleName() + " as CSV", e);
        }
    }

    private static CsvSchema schema(Class<? extends java.lang.Record> rowType, List<String> columns) {
        CsvSchema full = MAPPER.schemaFor(rowType);
        CsvSchema.Builder chosen = CsvSchema.builder();
        for (String column : columns.isEmpty() ? columns(rowType) : columns) {
            chosen.addColumn(full.column(column));
        }
        return chosen.build();
    }

    /** The column names of a row type: its record components. */
    public static List<String> columns(Class<? extends java.lang.Record> rowType) {
        return Arrays.stream(rowType.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName).toList();
    }
}
