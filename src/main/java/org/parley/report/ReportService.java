package org.parley.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.parley.problem.ProblemException;
import org.parley.value.Sha256;

/** Report texts: kept once per SHA-256, read by it. */
@ApplicationScoped
@Transactional
public class ReportService {

    /** Keeps each text not kept yet, in the caller's transaction; a text already there is left alone. */
    public void keep(Collection<String> texts) {
        Map<String, String> byHash = texts.stream().distinct()
                .collect(Collectors.toMap(Sha256::hex, Function.identity(), (a, b) -> a));
        if (byHash.isEmpty()) {
            return;
        }
        List<String> stored = Report.<Report>list("sha256 in ?1", byHash.keySet()).stream().map(r -> r.sha256)
                .toList();
        Instant now = Instant.now();
        byHash.forEach((sha256, text) -> {
            if (!stored.contains(sha256)) {
                Report report = new Report();
                report.sha256 = sha256;
                report.text = text;
                report.storedAt = now;
                report.persist();
            }
        });
    }

    /** The texts with these hashes that are kept, by hash. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, String> texts(Collection<String> sha256s) {
        if (sha256s.isEmpty()) {
            return Map.of();
        }
        return Report.<Report>list("sha256 in ?1", sha256s).stream()
                .collect(Collectors.toMap(r -> r.sha256, r -> r.text));
    }

    /** Every report as the API shows it, by hash, in batches of at most {@code size}: for snapshots. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void export(int size, Consumer<List<ReportResponse>> sink) {
        String after = "";
        List<Report> batch;
        do {
            batch = Report.<Report>find("sha256 > ?1 order by sha256", after).page(0, size).list();
            sink.accept(batch.stream().map(ReportResponse::from).toList());
            after = batch.isEmpty() ? after : batch.get(batch.size() - 1).sha256;
            Report.getEntityManager().clear(); // texts of up to a million characters each: not kept
        } while (batch.size() == size);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ReportResponse get(String sha256) {
        Report report = Report.findById(sha256);
        if (report == null) {
            throw ProblemException.notFound("Report", sha256);
        }
        return ReportResponse.from(report);
    }
}
