package org.parley.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;
import org.hibernate.envers.Audited;
import org.parley.problem.ProblemException;

/** What every stored record has: a generated id, creation and update times, and a version for optimistic locking. */
@Audited
@MappedSuperclass
public abstract class Record extends PanacheEntityBase {

    /** An external id: up to 200 characters, not starting or ending with white space. */
    public static final String EXTERNAL_ID = "^\\S(.{0,198}\\S)?$";
    public static final String EXTERNAL_ID_MESSAGE =
            "must be 1 to 200 characters that neither start nor end with white space";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    @Column(nullable = false)
    public long version;

    /**
     * Makes {@code target} hold {@code content} (in its order, for a list), leaving it alone when it already does:
     * Hibernate counts a collection that was cleared and filled again as changed, with a new version and revision.
     */
    public static <T> void setContent(Collection<T> target, Collection<? extends T> content) {
        boolean same = target instanceof List<?> ? new ArrayList<>(target).equals(new ArrayList<>(content))
                : target.size() == content.size() && target.containsAll(content);
        if (!same) {
            target.clear();
            target.addAll(content);
        }
    }

    /** A record's id, times and version, which its representation shows. */
    public record Stamp(Long id, Instant createdAt, Instant updatedAt, long version) {

        public static Stamp of(Record record) {
            return new Stamp(record.id, record.createdAt, record.updatedAt, record.version);
        }
    }

    /**
     * What {@code change} would make of a stored record: {@code fresh}, a new record, filled by {@code change} and
     * given the stored record's id, times and version; null if the change fails. Shown as the stored record is, it
     * tells whether the change would change anything: a bulk import leaves records alone without locking, or even
     * loading, each.
     */
    public static <T extends Record> T remade(Stamp stored, T fresh, Consumer<T> change) {
        try {
            change.accept(fresh);
        } catch (ProblemException e) {
            return null; // an update reports it
        }
        fresh.id = stored.id();
        fresh.createdAt = stored.createdAt();
        fresh.updatedAt = stored.updatedAt();
        fresh.version = stored.version();
        return fresh;
    }

    /** Optimistic locking for clients: a write that names the version it read fails with 409 when it is stale. */
    public void expectVersion(Long expected) {
        if (expected != null && expected != version) {
            throw ProblemException.conflict("Version " + expected + " is stale: the record is now at version " + version
                    + "; read it again and resend your change");
        }
    }
}
