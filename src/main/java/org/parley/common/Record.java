package org.parley.common;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;
import org.hibernate.envers.Audited;

/** What every stored record has: a generated id, creation and update times, and a version for optimistic locking. */
@Audited
@MappedSuperclass
public abstract class Record extends PanacheEntityBase {

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

    /** Optimistic locking for clients: a write that names the version it read fails with 409 when it is stale. */
    public void expectVersion(Long expected) {
        if (expected != null && expected != version) {
            throw ProblemException.conflict("Version " + expected + " is stale: the record is now at version " + version
                    + "; read it again and resend your change");
        }
    }
}
