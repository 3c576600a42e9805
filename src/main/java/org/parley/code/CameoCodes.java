package org.parley.code;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The CAMEO codebook of {@code codes/cameo.csv} (see its README for the source), read once at start. */
@ApplicationScoped
public class CameoCodes {

    static final String FILE = "codes/cameo.csv";

    private final Map<String, CameoCode> byCode = new LinkedHashMap<>();

    public CameoCodes() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(FILE);
                MappingIterator<CameoCode> rows = new CsvMapper().readerFor(CameoCode.class)
                        .with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
            rows.readAll().forEach(code -> byCode.put(code.code(), code));
        } catch (IOException e) {
            throw new UncheckedIOException("The CAMEO codebook " + FILE + " cannot be read", e);
        }
    }

    public Optional<CameoCode> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** Every code, in codebook order. */
    public List<CameoCode> all() {
        return List.copyOf(byCode.values());
    }
}
