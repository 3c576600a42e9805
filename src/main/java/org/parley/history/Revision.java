package org.parley.history;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.envers.RevisionEntity;
import org.hibernate.envers.RevisionNumber;
import org.hibernate.envers.RevisionTimestamp;

/**
 * One committed write transaction, as Hibernate Envers records it: every audited record it created, changed or
 * deleted has a row of this revision in its {@code *_aud} table. Writes are serialised at their end (see
 * {@link org.parley.store.DataGeneration#advance()}) and Envers numbers the revision after that, so revision numbers
 * follow commit order.
 */
@Entity
@Table(name = "revinfo")
@RevisionEntity(EditorRevisionListener.class)
public class Revision extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @RevisionNumber
    @Column(name = "rev")
    public Long id;

    /** When the revision was written, in milliseconds since the epoch. */
    @RevisionTimestamp
    @Column(name = "revtstmp", nullable = false)
    public long timestamp;

    /** Who made the change: the editor's user name, or {@value EditorRevisionListener#SYSTEM}. */
    @Column(nullable = false)
    public String editor;
}
