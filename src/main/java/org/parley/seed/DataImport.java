package org.parley.seed;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A data file that has been imported. */
@Entity
@Table(name = "data_import")
public class DataImport {

    @Id
    public String name;

    @Column(name = "imported_at", nullable = false)
    public Instant importedAt;
}
