package org.parley.snapshot;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.parley.event.EventQuery;
import org.parley.event.EventResponse;
import org.parley.event.EventRow;
import org.parley.event.EventService;
import org.parley.history.Revision;
import org.parley.participant.ParticipantRepository;
import org.parley.participant.ParticipantResponse;
import org.parley.report.ReportResponse;
import org.parley.report.ReportService;
import org.parley.statement.StatementQuery;
import org.parley.statement.StatementResponse;
import org.parley.statement.StatementRow;
import org.parley.statement.StatementService;
import org.parley.store.ConsistentView;
import org.parley.store.Csv;
import org.parley.store.Filter;
import org.parley.store.Rendered;
import org.parley.topic.TopicRepository;
import org.parley.topic.TopicResponse;
import org.parley.value.Sha256;
import org.parley.web.Paging;

/**
 * Writes a snapshot's archive: every collection as NDJSON (each record as its single read shows it, events without
 * their statements) and as CSV (the columns of its export), all read in one {@link ConsistentView}, then
 * {@code manifest.json} and {@code SHA256SUMS}. Each file is streamed into the archive batch by batch, its SHA-256
 * and size counted on the way, so memory does not grow with the data.
 */
@ApplicationScoped
public class SnapshotWriter {

    static final String MANIFEST = "manifest.json";
    static final String CHECKSUMS = "SHA256SUMS";
    private static final int BATCH = 1000;
    /** Reports are up to a million characters each. */
    private static final int REPORT_BATCH = 50;

    private final ConsistentView view;
    private final EntityManager entityManager;
    private final EventService events;
    private final StatementService statements;
    private final ParticipantRepository participants;
    private final TopicRepository topics;
    private final ReportService reports;
    private final ObjectMapper json;
    private final Event<SnapshotFileWritten> written;

    public SnapshotWriter(ConsistentView view, EntityManager entityManager, EventService events,
            StatementService statements, ParticipantRepository participants, TopicRepository topics,
            ReportService reports, ObjectMapper json, Event<SnapshotFileWritten> written) {
        this.written = written;
        this.view = view;
        this.entityManager = entityManager;
        this.events = events;
        this.statements = statements;
        this.participants = participants;
        this.topics = topics;
        this.reports = reports;
        this.json = json.copy().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /** The part of a manifest its maker decides. */
    record Made(String name, Instant at, String by, String reason) {
    }

    /** Writes the whole archive into {@code zip} (left open) and returns its manifest. */
    @Transactional
    @TransactionConfiguration(timeout = 24 * 60 * 60) // a large database takes minutes; the default is 60 s
    public SnapshotManifest write(ZipOutputStream zip, Made made) throws IOException {
        try (ConsistentView.Ended ended = view.begin()) {
            Optional<Revision> last = lastRevision();
            Archive archive = new Archive(zip, made);
            archive.objects("topics", TopicResponse.class, sink -> Paging.forEachBatch(topics, "Topic", new Filter(),
                    Sort.by("id"), BATCH, batch -> sink.accept(batch.stream().map(TopicResponse::from).toList())));
            archive.objects("participants", ParticipantResponse.class, sink -> Paging.forEachBatch(participants,
                    "Participant", new Filter(), Sort.by("id"), BATCH,
                    batch -> sink.accept(batch.stream().map(ParticipantResponse::from).toList())));
            archive.<EventResponse>documents("events", sink -> events.exportDocuments(EventQuery.all(), Sort.by("id"), sink));
            archive.rows("events", EventRow.class, sink -> events.export(EventQuery.all(), Sort.by("id"),
                    batch -> sink.accept(batch.stream().map(EventRow::from).toList())));
            archive.<StatementResponse>documents("statements",
                    sink -> statements.exportDocuments(StatementQuery.all(), Sort.by("id"), sink));
            archive.storedRows("statements", Csv.header(StatementRow.class),
                    sink -> statements.exportStoredRows(StatementQuery.all(), Sort.by("id"), sink));
            archive.objects("reports", ReportResponse.class, sink -> reports.export(REPORT_BATCH, sink));
            List<SnapshotFile> files = List.copyOf(archive.files);
            SnapshotManifest manifest = new SnapshotManifest(made.name(), made.at(), made.by(), made.reason(),
                    last.map(r -> r.id).orElse(0L), last.map(r -> Instant.ofEpochMilli(r.timestamp)).orElse(null),
                    counts(files), files);
            archive.finish(manifest);
            return manifest;
        }
    }

    /** The last revision written now. */
    @Transactional
    public long revision() {
        return lastRevision().map(r -> r.id).orElse(0L);
    }

    private Optional<Revision> lastRevision() {
        return entityManager.createQuery("from Revision order by id desc", Revision.class).setMaxResults(1)
                .getResultStream().findFirst();
    }

    /** How many records of each collection the files hold (a collection's NDJSON and CSV hold the same). */
    private static SnapshotCounts counts(List<SnapshotFile> files) {
        Map<String, Long> records = files.stream()
                .collect(Collectors.toMap(SnapshotFile::collection, SnapshotFile::records, (ndjson, csv) -> csv));
        return new SnapshotCounts(records.get("events"), records.get("statements"), records.get("participants"),
                records.get("topics"), records.get("reports"));
    }

    /** A source of records in batches. */
    @FunctionalInterface
    private interface Source<T> {
        void forEachBatch(Consumer<List<T>> sink);
    }

    /** Writing the records of a source to an open output, one batch at a time. */
    @FunctionalInterface
    private interface BatchWrite<T> {
        void write(List<T> batch) throws IOException;
    }

    /** The archive being written: its files in order, each checked as it is written. */
    private final class Archive {

        private final ZipOutputStream zip;
        private final Made made;
        final List<SnapshotFile> files = new ArrayList<>();

        Archive(ZipOutputStream zip, Made made) {
            this.zip = zip;
            this.made = made;
        }

        /** Records as the API shows them, written by Jackson, then as CSV rows of the same columns. */
        <T extends java.lang.Record> void objects(String collection, Class<T> type, Source<T> source)
                throws IOException {
            ObjectWriter writer = json.writer().withRootValueSeparator("\n");
            add(file(collection, "ndjson", out -> {
                try (SequenceWriter sequence = writer.writeValues(out)) {
                    long records = count(source, sequence::writeAll);
                    sequence.flush();
                    if (records > 0) {
                        out.write('\n');
                    }
                    return records;
                }
            }));
            rows(collection, type, source);
        }

        /** Stored JSON documents, one per line. */
        <T> void documents(String collection, Source<Rendered<T>> source) throws IOException {
            add(file(collection, "ndjson", out -> count(source, batch -> {
                for (Rendered<T> document : batch) {
                    out.write(document.json());
                    out.write('\n');
                }
            })));
        }

        /** Rows as CSV with a header row, written by Jackson's CSV module. */
        <T extends java.lang.Record> void rows(String collection, Class<T> type, Source<T> source)
                throws IOException {
            add(file(collection, "csv", out -> {
                try (SequenceWriter sequence = Csv.writer(type, List.of()).writeValues(out)) {
                    return count(source, sequence::writeAll);
                }
            }));
        }

        /** Stored CSV rows after a header row. */
        void storedRows(String collection, byte[] header, Source<byte[]> source) throws IOException {
            add(file(collection, "csv", out -> {
                out.write(header);
                return count(source, batch -> {
                    for (byte[] row : batch) {
                        out.write(row);
                    }
                });
            }));
        }

        private void add(SnapshotFile file) {
            files.add(file);
        }

        /** The manifest, then {@code SHA256SUMS} of every file before it, as {@code sha256sum -c} reads it. */
        void finish(SnapshotManifest manifest) throws IOException {
            byte[] body = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
            StringBuilder sums = new StringBuilder();
            manifest.files().forEach(f -> sums.append(f.sha256()).append("  ").append(f.path()).append('\n'));
            String manifestSum = HexFormat.of().formatHex(Sha256.digest().digest(body));
            sums.append(manifestSum).append("  ").append(MANIFEST).append('\n');
            entry(MANIFEST);
            zip.write(body);
            zip.closeEntry();
            entry(CHECKSUMS);
            zip.write(sums.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }

        private SnapshotFile file(String collection, String format, Body body) throws IOException {
            String path = collection + "." + format;
            entry(path);
            Checked out = new Checked(zip);
            long records = body.write(out);
            out.flush();
            zip.closeEntry();
            written.fire(new SnapshotFileWritten(made.name(), path, records));
            return new SnapshotFile(path, collection, format, records, out.bytes,
                    HexFormat.of().formatHex(out.digest.digest()));
        }

        private void entry(String path) throws IOException {
            ZipEntry entry = new ZipEntry(path);
            entry.setTime(made.at().toEpochMilli());
            zip.putNextEntry(entry);
        }
    }

    /** Writing one file's body; returns how many records it wrote. */
    @FunctionalInterface
    private interface Body {
        long write(OutputStream out) throws IOException;
    }

    /** Runs a source, handing each batch to {@code write}; returns how many records there were. */
    private static <T> long count(Source<T> source, BatchWrite<T> write) throws IOException {
        long[] count = {0};
        forEach(source, batch -> {
            write.write(batch);
            count[0] += batch.size();
        });
        return count[0];
    }

    private static <T> void forEach(Source<T> source, BatchWrite<T> write) throws IOException {
        try {
            source.forEachBatch(batch -> {
                try {
                    write.write(batch);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The archive's entry being written, its bytes counted and digested; closing it leaves the archive open. */
    private static final class Checked extends FilterOutputStream {

        final MessageDigest digest = Sha256.digest();
        long bytes;

        Checked(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            digest.update((byte) b);
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            digest.update(b, off, len);
            bytes += len;
        }

        @Override
        public void close() throws IOException {
            flush(); // the archive goes on with its next entry
        }
    }
}
