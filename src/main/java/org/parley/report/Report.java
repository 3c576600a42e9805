package org.parley.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The text of a report, named by its SHA-256; written once, never changed. */
@Entity
@Table(name = "report")
public class Report extends PanacheEntityBase {

    /** The longest text kept. */
    public static final int MAX_LENGTH = 1_000_000;

    @Id
    @Column(length = 64)
    public String sha256;

    @Column(nullable = false, length = MAX_LENGTH)
    public String text;

    @Column(name = "stored_at", nullable = false)
    public Instant storedAt;
}
